// The search index's shards and groups (src/lib/build/search-plan.ts, search-index.ts): a rebuild
// re-indexes only the shards whose records changed and keeps the others byte for byte; the index
// equals one written from scratch; grouped records carry each concept as a section with its facts,
// and the browser side (expandGroup) turns a group result back into the concepts that matched.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/lib/build/search-index.ts';
import { planSearchIndex, type SearchLimits } from '../../src/lib/build/search-plan.ts';
import type { SearchRecord } from '../../src/lib/build/search-records.ts';
import { expandGroup } from '../../src/search/engine.ts';
import type { SearchManifest } from '../../src/search/manifest.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-search-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const record = (k: number, extra = ''): SearchRecord => ({
  url: `/concepts/term-${k}/`,
  title: `Term ${k}`,
  termId: `AI-${String(k).padStart(4, '0')}`,
  aliases: k % 3 === 0 ? [`Alias ${k}`] : [],
  content: `Term ${k} is about weights number ${k}. ${extra}`,
  summary: `Term ${k} is about weights number ${k}.`,
  domain: k % 2 === 0 ? 'Artificial Intelligence' : 'Mathematics',
  status: 'draft',
  branches: k % 5 === 0 ? ['Roots, and more'] : [],
});
const records = Array.from({ length: 40 }, (_, k) => record(k));
const SHARDED: SearchLimits = { groupAbove: Infinity, groupSize: 4, perShard: 8 };
const manifestOf = (dist: string) => JSON.parse(readFileSync(path.join(dist, 'pagefind', 'kb-search.json'), 'utf8')) as SearchManifest;
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

describe('shards', () => {
  it('spread records over shards by a stable key and re-index only the shard an edit touches', async () => {
    const out = path.join(tmp, 'sharded');
    const first = await writeSearchIndex(out, path.join(out, 'cache'), { records, htmlPages: [] }, SHARDED);
    expect(first).toMatchObject({ concepts: 40, shards: 8, rebuilt: 8, grouped: false });
    const before = new Map(files(path.join(out, 'pagefind')).map((f) => [f, statSync(path.join(out, 'pagefind', f)).mtimeMs]));
    const edited = records.map((r, k) => (k === 17 ? record(17, 'Now about zanzibarite.') : r));
    const second = await writeSearchIndex(out, path.join(out, 'cache'), { records: edited, htmlPages: [] }, SHARDED);
    expect(second).toMatchObject({ shards: 8, rebuilt: 1 });
    expect(manifestOf(out).shards).toHaveLength(8);
    // Every file of the seven untouched shards is the very file the first build wrote.
    const plan = planSearchIndex({ records: edited, htmlPages: [] }, SHARDED);
    const touched = plan.shards.find((s) => s.units.some((u) => u.kind === 'record' && u.record.url === '/concepts/term-17/'))?.folder ?? '';
    for (const [f, mtime] of before) {
      if (f.startsWith(touched) || !f.startsWith('s')) continue;
      expect(statSync(path.join(out, 'pagefind', f)).mtimeMs, f).toBe(mtime);
    }
    // And the whole index is what a build from scratch writes.
    const scratch = path.join(tmp, 'scratch');
    await writeSearchIndex(scratch, path.join(scratch, 'cache'), { records: edited, htmlPages: [] }, SHARDED);
    expect(files(path.join(out, 'pagefind'))).toEqual(files(path.join(scratch, 'pagefind')));
    for (const f of files(path.join(out, 'pagefind')))
      expect(readFileSync(path.join(out, 'pagefind', f)).equals(readFileSync(path.join(scratch, 'pagefind', f))), f).toBe(true);
  }, 120_000);
});

describe('groups', () => {
  it('put several concepts of one domain and status in a record, each a section with its facts', async () => {
    const out = path.join(tmp, 'grouped');
    const r = await writeSearchIndex(out, path.join(out, 'cache'), { records, htmlPages: [] }, { groupAbove: 10, groupSize: 4, perShard: 1000 });
    expect(r).toMatchObject({ grouped: true, shards: 1, concepts: 40 });
    expect(r.pages).toBeLessThanOrEqual(20);
    const dir = path.join(out, 'pagefind', 's0', 'fragment');
    const fragments = readdirSync(dir).map((f) => {
      const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as {
        url: string;
        meta: Record<string, string>;
        filters: Record<string, string[]>;
        anchors: { id: string }[];
      };
    });
    const seen = new Set<string>();
    for (const f of fragments) {
      const facts = JSON.parse(f.meta.kb) as Record<string, { domain: string }>;
      expect(new Set(Object.values(facts).map((x) => x.domain)).size).toBe(1);
      expect(f.filters.domain).toHaveLength(1);
      expect(f.anchors.map((a) => a.id).sort()).toEqual(Object.keys(facts).sort());
      for (const slug of Object.keys(facts)) seen.add(slug);
    }
    expect(seen.size).toBe(40);
  }, 60_000);

  it('open into the concepts that matched, best first, within a chosen branch', () => {
    const kb = JSON.stringify({
      'term-5': { title: 'Term 5', termId: 'AI-0005', aliases: [], domain: 'M', status: 'draft', summary: 'Five.', branches: ['Roots, and more'] },
      'term-7': { title: 'Term 7', termId: 'AI-0007', aliases: ['Seven'], domain: 'M', status: 'draft', summary: 'Seven.', branches: [] },
    });
    const sub = (slug: string, score: number) => ({
      title: slug,
      url: `/concepts/g-abc/#${slug}`,
      excerpt: `<mark>${slug}</mark>`,
      weighted_locations: [{ weight: 1, balanced_score: score, location: 0 }],
    });
    const data = { url: '/concepts/g-abc/', excerpt: '', meta: { title: 'Concepts', kb }, sub_results: [sub('term-5', 1), sub('term-7', 3)] };
    expect(expandGroup(data, null).map((d) => [d.url, d.meta.title, d.meta.aliases])).toEqual([
      ['/concepts/term-7/', 'Term 7', 'Seven'],
      ['/concepts/term-5/', 'Term 5', undefined],
    ]);
    expect(expandGroup(data, 'Roots, and more').map((d) => d.url)).toEqual(['/concepts/term-5/']);
    const plain = { url: '/guides/x/', excerpt: 'x', meta: { title: 'X' } };
    expect(expandGroup(plain, null)).toEqual([plain]);
  });
});
