// Warm rebuilds keep unchanged pages in the output folder (Astro's incremental build, the folder is
// not emptied first). What must never happen: a page removed or made private since the last build
// staying in the folder, or a page another build wrote there being kept as if it were this cache's.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { buildSite as build } from '../helpers/build.ts';
import { listFiles } from '../../src/lib/audit/files.ts';
import { slugify } from '../../src/lib/ontology/slug.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-incremental-'));

const snapshot = (dir: string) => new Map(listFiles(dir).filter((f) => !f.startsWith('pagefind/')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));

/** A published page's file and its concept URL folder. */
function publishedPage(pages: string, k: number): { file: string; dir: string } {
  const files = readdirSync(pages).filter((f) => readFileSync(path.join(pages, f), 'utf8').includes('public-access:: true')).sort();
  const file = files[k];
  const title = /preferred-term:: (.+)/.exec(readFileSync(path.join(pages, file), 'utf8'))?.[1] ?? '';
  return { file: path.join(pages, file), dir: `concepts/${slugify(title)}` };
}

describe('warm rebuilds into the same output folder', () => {
  const pages = path.join(tmp, 'corpus', 'pages');
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  let before: Map<string, string>;
  let removed: { file: string; dir: string };
  let hidden: { file: string; dir: string };
  let edited: { file: string; dir: string };
  let log: string;

  beforeAll(() => {
    generateCorpus({ pages: 60, seed: 5, out: path.join(tmp, 'corpus'), defects: false });
    build(pages, out, cache);
    before = snapshot(out);
    removed = publishedPage(pages, 1);
    hidden = publishedPage(pages, 2);
    edited = publishedPage(pages, 3);
    unlinkSync(removed.file);
    writeFileSync(hidden.file, readFileSync(hidden.file, 'utf8').replace('public-access:: true', 'public-access:: false'));
    writeFileSync(edited.file, `${readFileSync(edited.file, 'utf8')}\n- A sentence added for the warm rebuild.\n`);
    log = build(pages, out, cache);
  }, 240_000);
  // Builds delete old output in the background (a detached `rm`): retry if it is still at work in here.
  afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

  it('drops the pages of a removed file and of a page made private, with their previews', () => {
    for (const page of [removed, hidden]) {
      expect(existsSync(path.join(out, page.dir, 'index.html')), page.dir).toBe(false);
      expect(before.has(`${page.dir}/index.html`), `${page.dir} was published before`).toBe(true);
      expect(existsSync(path.join(out, 'previews', `${path.basename(page.dir)}.json`))).toBe(false);
    }
  });

  it('re-renders the edited page and keeps the rest', () => {
    // The edited page, and pages linking to the removed or hidden one (their links turn to text).
    const [, rendered, reused] = /(\d+) pages rendered, (\d+) reused/.exec(log) ?? [];
    expect(Number(rendered)).toBeGreaterThanOrEqual(1);
    expect(Number(reused)).toBeGreaterThan(Number(rendered));
    expect(readFileSync(path.join(out, edited.dir, 'index.html'), 'utf8')).toContain('A sentence added for the warm rebuild.');
    const after = snapshot(out);
    const unchanged = [...after.keys()].filter((f) => before.get(f) === after.get(f));
    expect(unchanged.length).toBeGreaterThan(after.size / 2);
  });

  it('matches a cold build of the same content, file for file (that one reading the content store from its file)', () => {
    // The warm build's pages read the content layer's store from memory (src/lib/astro/live-store.ts);
    // the cold one is made to read the store file, as it would if that were not possible.
    expect(log).toContain('pages read the content store from memory');
    const cold = path.join(tmp, 'cold');
    expect(build(pages, cold, path.join(tmp, 'cold-cache'), { KB_STORE_FROM_FILE: '1' })).toContain('pages read the content store from its file');
    const a = snapshot(out);
    const b = snapshot(cold);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect([...a.keys()].filter((f) => a.get(f) !== b.get(f))).toEqual([]);
  }, 120_000);

  it('never keeps a page another build wrote into the folder since', () => {
    // Another content folder with the same page edited, built with another cache into the same
    // folder; then this content again with the first cache: the page must be this content's.
    const other = path.join(tmp, 'other');
    generateCorpus({ pages: 60, seed: 5, out: other, defects: false });
    const twin = path.join(other, 'pages', path.basename(edited.file));
    writeFileSync(twin, `${readFileSync(twin, 'utf8')}\n- Only the other content says this.\n`);
    build(path.join(other, 'pages'), out, path.join(tmp, 'other-cache'));
    expect(readFileSync(path.join(out, edited.dir, 'index.html'), 'utf8')).toContain('Only the other content says this.');
    build(pages, out, cache);
    const page = readFileSync(path.join(out, edited.dir, 'index.html'), 'utf8');
    expect(page).not.toContain('Only the other content says this.');
    expect(page).toContain('A sentence added for the warm rebuild.');
  }, 240_000);
});
