// Rebuilds into the same output folder (incremental page generation, the render cache, the search
// index): the output of a warm build must be exactly what a cold build of the same content writes,
// never a page removed or made private since, never old text in the search index, never a page some
// other build wrote there. And an unchanged rebuild must render no page body and regenerate no
// concept, domain or tag page: if Astro's incremental build stopped working (an upgrade, a changed
// cache key) this fails loudly instead of the build silently getting slower.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { listOutput } from '../../src/lib/astro/output-folder.ts';
import { slugify } from '../../src/lib/ontology/slug.ts';
import { buildSite as build } from '../helpers/build.ts';
import { builtPreview } from '../helpers/previews.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-rebuilds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const snapshot = (dir: string) => new Map(listOutput(dir).map((f) => [f, readFileSync(path.join(dir, f))]));
const mtimes = (dir: string) => new Map(listOutput(dir).map((f) => [f, statSync(path.join(dir, f)).mtimeMs]));

/** A published page's file and its concept URL folder. */
function publishedPage(pages: string, k: number): { file: string; dir: string } {
  const files = readdirSync(pages)
    .filter((f) => readFileSync(path.join(pages, f), 'utf8').includes('public-access:: true'))
    .sort();
  const file = files[k];
  const title = /preferred-term:: (.+)/.exec(readFileSync(path.join(pages, file), 'utf8'))?.[1] ?? '';
  return { file: path.join(pages, file), dir: `concepts/${slugify(title)}` };
}

/** The URL and text of every page in a written Pagefind index. */
function indexed(dist: string): { url: string; content: string }[] {
  const shards = readdirSync(path.join(dist, 'pagefind')).filter((name) => existsSync(path.join(dist, 'pagefind', name, 'fragment')));
  return shards.flatMap((shard) => {
    const dir = path.join(dist, 'pagefind', shard, 'fragment');
    return readdirSync(dir).map((name) => {
      const text = gunzipSync(readFileSync(path.join(dir, name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    });
  });
}
const indexedTexts = (dist: string) => indexed(dist).map((f) => f.content);

const counts = (log: string) => {
  const m = /(\d+) pages rendered, (\d+) reused/.exec(log);
  if (!m) throw new Error(`no render counts in the build log:\n${log.slice(-2000)}`);
  return { rendered: Number(m[1]), reused: Number(m[2]) };
};

describe('rebuilds into the same output folder', () => {
  const pages = path.join(tmp, 'corpus', 'pages');
  const out = path.join(tmp, 'dist');
  const cache = path.join(tmp, 'cache');
  let before: Map<string, Buffer>;
  let removed: { file: string; dir: string };
  let hidden: { file: string; dir: string };
  let edited: { file: string; dir: string };
  let warmLog: string;

  beforeAll(() => {
    generateCorpus({ pages: 60, seed: 5, out: path.join(tmp, 'corpus'), defects: false });
    removed = publishedPage(pages, 1);
    hidden = publishedPage(pages, 2);
    edited = publishedPage(pages, 3);
    writeFileSync(edited.file, `${readFileSync(edited.file, 'utf8')}\n- Editors first called this the quillwort method.\n`);
    build(pages, out, cache);
    before = snapshot(out);
    unlinkSync(removed.file);
    writeFileSync(hidden.file, readFileSync(hidden.file, 'utf8').replace('public-access:: true', 'public-access:: false'));
    writeFileSync(edited.file, readFileSync(edited.file, 'utf8').replace('quillwort', 'zanzibarite'));
    warmLog = build(pages, out, cache);
  }, 240_000);

  it('drops the pages of a removed file and of a page made private, with their previews and search records', () => {
    for (const page of [removed, hidden]) {
      expect(before.has(`${page.dir}/index.html`), `${page.dir} was published before`).toBe(true);
      expect(existsSync(path.join(out, page.dir, 'index.html')), page.dir).toBe(false);
      expect(builtPreview(out, path.basename(page.dir))).toBeUndefined();
      expect(indexed(out).filter((f) => f.url === `/${page.dir}/`)).toEqual([]);
      expect(indexed(out).filter((f) => f.url === `/${edited.dir}/`)).toHaveLength(1);
    }
  });

  it('re-renders the edited page (and pages linking to the changed ones) and reuses the rest', () => {
    const { rendered, reused } = counts(warmLog);
    expect(rendered).toBeGreaterThanOrEqual(1);
    expect(reused).toBeGreaterThan(rendered);
    expect(readFileSync(path.join(out, edited.dir, 'index.html'), 'utf8')).toContain('zanzibarite');
  });

  it('holds the edited page’s new text in the search index, and not its old text', () => {
    const texts = indexedTexts(out);
    expect(texts.filter((t) => t.includes('zanzibarite'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('quillwort'))).toEqual([]);
  });

  it('renders no body and regenerates no concept, domain or tag page when nothing changed', () => {
    const earlier = mtimes(out);
    const log = build(pages, out, cache);
    expect(counts(log).rendered).toBe(0);
    // One page per concept, domain and tag (the tags index, like the A–Z index, is a single page built every time).
    const regenerated = [...mtimes(out)].filter(([f, t]) => /^(concepts|domains|tags)\/[^/]+\//.test(f) && earlier.get(f) !== t).map(([f]) => f);
    expect(
      regenerated,
      'pages Astro generated again although their data did not change: incremental builds no longer work (see src/lib/astro/page-data.ts)',
    ).toEqual([]);
  }, 120_000);

  it('matches a cold build of the same content, file for file', () => {
    const cold = path.join(tmp, 'cold');
    build(pages, cold, path.join(tmp, 'cold-cache'));
    const a = snapshot(out);
    const b = snapshot(cold);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()].filter((f) => !a.get(f)?.equals(b.get(f) as Buffer))).toEqual([]);
    // The search index too (it is written whole on every build).
    const index = (dir: string) => listOutput(path.join(dir, 'pagefind'));
    expect(index(out)).toEqual(index(cold));
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
    expect(page).toContain('zanzibarite');
  }, 240_000);
});
