// Telling a Pagefind index's own files from an earlier index's, so a rebuild can write over the old
// one (src/lib/site/pagefind-files.ts). The end-to-end check is tests/integration/search-index.test.ts.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cborStrings, liveDataFiles, removeStaleIndexFiles } from '../../src/lib/site/pagefind-files.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-pagefind-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** CBOR for a text string (short) and an array head (short). */
const text = (s: string) => [0x60 + Buffer.byteLength(s), ...Buffer.from(s)];
const array = (n: number) => [0x80 + n];

/** A meta file like Pagefind's: [version, [[fragment hash, word count, ""]...], [[from, to, chunk hash]], [[filter, hash]], [], []]. */
function meta(fragments: string[], chunk: string, filter: string): Buffer {
  const bytes = [
    ...array(6),
    ...text('1.6.0'),
    ...array(fragments.length),
    ...fragments.flatMap((f) => [...array(3), ...text(f), 0x18, 40, 0x60]),
    ...array(1),
    ...array(3),
    ...text('alpha'),
    ...text('zeta'),
    ...text(chunk),
    ...array(1),
    ...array(2),
    ...text('domain'),
    ...text(filter),
    ...array(0),
    ...array(1),
    ...text('title'),
  ];
  return gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(bytes)]));
}

function indexFolder(name: string, files: Record<string, string | Buffer>): string {
  const dir = path.join(tmp, name);
  for (const [file, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), body);
  }
  return dir;
}

const entryFile = (pages: number, version = '1.6.0') => JSON.stringify({ version, languages: { en: { hash: 'en_111', wasm: 'en', page_count: pages } } });

/**
 * An index of `pages` pages whose meta file names fragments en_aaa and en_bbb, index chunk en_ccc and
 * filter en_ddd; the folder also holds those two fragments, a stale one (en_old) and `extra` files.
 */
function pagefindFolder(name: string, pages: number, extra: Record<string, string> = {}): string {
  return indexFolder(name, {
    'pagefind-entry.json': entryFile(pages),
    'pagefind.en_111.pf_meta': meta(['en_aaa', 'en_bbb'], 'en_ccc', 'en_ddd'),
    'fragment/en_aaa.pf_fragment': 'x',
    'fragment/en_bbb.pf_fragment': 'x',
    'fragment/en_old.pf_fragment': 'x',
    ...extra,
  });
}

describe('Pagefind index files', () => {
  it('reads the strings of a CBOR item, and refuses what it cannot read', () => {
    expect(cborStrings(Uint8Array.from([...array(2), ...text('a'), ...array(2), 0x19, 1, 0, ...text('bé')]))).toEqual(['a', 'bé']);
    expect(() => cborStrings(Uint8Array.from([...array(2), ...text('a')]))).toThrow();
    expect(() => cborStrings(Uint8Array.from([0x9f]))).toThrow();
  });

  it('names the data files the entry and meta files point to', () => {
    const dir = pagefindFolder('live', 2, {
      'index/en_ccc.pf_index': 'x',
      'index/en_old.pf_index': 'x',
      'filter/en_ddd.pf_filter': 'x',
      'pagefind.en_000.pf_meta': 'old',
    });
    expect([...(liveDataFiles(dir) ?? [])].sort()).toEqual(['filter/en_ddd.pf_filter', 'fragment/en_aaa.pf_fragment', 'fragment/en_bbb.pf_fragment', 'index/en_ccc.pf_index', 'pagefind.en_111.pf_meta']);
    const removed = removeStaleIndexFiles(dir, 0);
    expect(removed).toBe(3);
    expect(readdirSync(path.join(dir, 'fragment')).sort()).toEqual(['en_aaa.pf_fragment', 'en_bbb.pf_fragment']);
  });

  it('gives up, deleting nothing, when the meta file names fewer fragments than there are pages', () => {
    const dir = pagefindFolder('short', 3);
    expect(liveDataFiles(dir)).toBeNull();
    expect(removeStaleIndexFiles(dir, 0)).toBeNull();
    expect(readdirSync(path.join(dir, 'fragment'))).toHaveLength(3);
  });

  it('gives up when the meta file is not what Pagefind writes', () => {
    const dir = indexFolder('garbage', {
      'pagefind-entry.json': entryFile(1, '9'),
      'pagefind.en_111.pf_meta': gzipSync(Buffer.from('something else entirely')),
    });
    expect(liveDataFiles(dir)).toBeNull();
  });
});
