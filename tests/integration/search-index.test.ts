// The search index on rebuilds (src/lib/site/search-index.ts): when the output folder holds the last
// build's pages, Pagefind starts on them while Astro builds and the pages the build rewrote are
// indexed again afterwards. The result must be the index a from-scratch run would write, never one
// holding a page's old text or a page that is gone.
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { listFiles } from '../../src/lib/audit/files.ts';
import { buildSite as build } from '../helpers/build.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-search-index-'));

interface Fragment {
  url: string;
  content: string;
}

/** The pages of a written Pagefind index, by fragment file name. */
function fragments(indexDir: string): Map<string, Fragment> {
  const dir = path.join(indexDir, 'fragment');
  return new Map(
    readdirSync(dir).map((name) => {
      const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
      return [name, JSON.parse(text.slice(text.indexOf('{'))) as Fragment];
    }),
  );
}

/** Indexes `outDir` from scratch into `into`, as a cold build would. */
async function fullIndex(outDir: string, into: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error('Pagefind did not start');
  await index.addDirectory({ path: outDir });
  await index.writeFiles({ outputPath: into });
  await pagefind.close();
}

/** A published page of the corpus, with its title. */
function publishedPage(pages: string, k: number): { file: string; title: string } {
  const files = readdirSync(pages).filter((f) => readFileSync(path.join(pages, f), 'utf8').includes('public-access:: true')).sort();
  const file = path.join(pages, files[k]);
  return { file, title: /preferred-term:: (.+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? '' };
}

describe('the search index of a rebuild', () => {
  const pages = path.join(tmp, 'corpus', 'pages');
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  let edited: { file: string; title: string };
  let logs: string[] = [];

  beforeAll(() => {
    generateCorpus({ pages: 60, seed: 6, out: path.join(tmp, 'corpus'), defects: false });
    edited = publishedPage(pages, 4);
    writeFileSync(edited.file, `${readFileSync(edited.file, 'utf8')}\n- Editors first called this the quillwort method.\n`);
    logs = [build(pages, out, cache)];
    writeFileSync(edited.file, readFileSync(edited.file, 'utf8').replace('quillwort', 'zanzibarite'));
    logs.push(build(pages, out, cache));
  }, 240_000);
  // Builds delete old output in the background (a detached `rm`): retry if it is still at work in here.
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

  it('indexes a cold build at the end, and starts a rebuild on the previous pages', () => {
    expect(logs[0]).toMatch(/\d+ pages indexed for search\n/);
    expect(logs[1]).toMatch(/pages indexed for search \(indexing began during the build; \d+ pages it wrote were indexed again after it\)/);
  });

  it('holds the edited page’s new text and not its old text', () => {
    const all = [...fragments(path.join(out, 'pagefind')).values()];
    expect(all.filter((f) => f.content.includes('zanzibarite'))).toHaveLength(1);
    expect(all.filter((f) => f.content.includes('quillwort'))).toEqual([]);
  });

  it('is the index a from-scratch run writes over the same pages', async () => {
    const scratch = path.join(tmp, 'scratch-index');
    await fullIndex(out, scratch);
    // Data files are named by a hash of their content: equal names, equal pages. The rebuild wrote
    // over the previous index; nothing of that may be left, and nothing of the new one missing.
    expect([...fragments(path.join(out, 'pagefind')).keys()].sort()).toEqual([...fragments(scratch).keys()].sort());
    expect(listFiles(path.join(out, 'pagefind'))).toEqual(listFiles(scratch));
  }, 60_000);

  it('renders nothing on a rebuild of unchanged content, twice (the content store survives)', () => {
    for (let k = 0; k < 2; k++) {
      const log = build(pages, out, cache);
      expect(log).toMatch(/\n\s*0 pages rendered, \d+ reused from the cache/);
    }
  }, 120_000);

  it('starts afresh when a page indexed early is gone', async () => {
    const gone = publishedPage(pages, 7);
    const isGone = (f: Fragment) => f.content.startsWith(`${gone.title}.`);
    expect([...fragments(path.join(out, 'pagefind')).values()].filter(isGone)).toHaveLength(1);
    unlinkSync(gone.file);
    const log = build(pages, out, cache);
    expect(log).toMatch(/pages indexed for search \(all at the end: 1 page indexed early no longer exists\)/);
    const all = [...fragments(path.join(out, 'pagefind')).values()];
    expect(all.filter(isGone)).toEqual([]);
    expect(all.some((f) => f.content.includes('zanzibarite'))).toBe(true);
    const scratch = path.join(tmp, 'scratch-index-2');
    await fullIndex(out, scratch);
    expect(listFiles(path.join(out, 'pagefind'))).toEqual(listFiles(scratch));
  }, 120_000);
});
