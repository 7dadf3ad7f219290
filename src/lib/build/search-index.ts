// The site's search index, made with Pagefind's public Node API. Concepts go in as records made from
// the site data (title, term id, alternative terms, definition and, on smaller glossaries, the body
// text, with domain, status and taxonomy branch as filters), not by re-reading their HTML; on large
// glossaries as groups of concepts, each concept a section (src/lib/build/search-plan.ts); guides,
// which Astro renders from MDX, go in as their built HTML pages with formulas as readable text (or,
// where there is no built page, as records of their title and description). The index is a set of
// shards, each a Pagefind index of its own, named in kb-search.json (src/search/manifest.ts); beside
// them go the did-you-mean term files (src/search/suggest.ts) in kb-terms/. A build re-indexes only
// the shards whose records changed and swaps the new folder in whole, so a reader never sees half an
// index and nothing stale survives; the dev server asks for the same files in memory.

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { PagefindIndex } from 'pagefind';
import * as pagefind from 'pagefind';
import { type GroupedConcept, SEARCH_MANIFEST, type SearchManifest } from '../../search/manifest.ts';
import { TERMS_FOLDER, type TermRow, termFiles } from '../../search/suggest.ts';
import { formulasToText } from '../render/math-text.ts';
import { planSearchIndex, type SearchLimits, type SearchPlanInput, type SearchUnit, type ShardPlan } from './search-plan.ts';
import type { SearchRecord } from './search-records.ts';

export type SearchIndexInput = SearchPlanInput;

/**
 * What one record looks like to Pagefind. Strings go to Pagefind's service as JSON, which it rejects
 * if they hold a lone surrogate (a JSON-LD value can decode to one): those become U+FFFD.
 */
export function pagefindRecord(record: SearchRecord) {
  const r = wellFormed(record);
  const head = [r.title, r.termId ?? '', ...r.aliases].filter((t) => t !== '').join('. ');
  const meta: Record<string, string> = { title: r.title, summary: r.summary };
  if (r.termId) meta.termId = r.termId;
  if (r.aliases.length > 0) meta.aliases = r.aliases.join(' | ');
  if (r.domain) meta.domain = r.domain;
  if (r.status) meta.status = r.status;
  const filters: Record<string, string[]> = {};
  if (r.domain) filters.domain = [r.domain];
  if (r.status) filters.status = [r.status];
  if (r.branches.length > 0) filters.branch = r.branches;
  return { url: r.url, content: r.content ? `${head}. ${r.content}` : head, language: 'en', meta, filters };
}

/** A copy of `value` whose every string is well-formed UTF-16 (lone surrogates become U+FFFD). */
function wellFormed<T>(value: T): T {
  if (typeof value === 'string') return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v)])) as T;
  return value;
}

/** A built page as the index should read it: formulas as readable text (not KaTeX's TeX annotation and visual copy). */
export function indexableHtml(html: string): string {
  if (!html.includes('katex')) return html;
  const tree = fromHtml(html);
  formulasToText(tree);
  return toHtml(tree);
}

/** The did-you-mean term files: path inside the index folder → JSON. */
export function termFilesOf(records: readonly SearchRecord[]): Map<string, string> {
  const rows: TermRow[] = [];
  for (const r of records) {
    rows.push([r.title]);
    for (const a of r.aliases) rows.push([a, r.title]);
  }
  const out = new Map<string, string>();
  for (const [name, content] of termFiles(rows)) out.set(`${TERMS_FOLDER}/${name}.json`, JSON.stringify(content));
  return out;
}

/** A group of concepts as one HTML record: each concept a section Pagefind reports as a sub-result. */
export function groupHtml(records: readonly SearchRecord[]): string {
  const rs = records.map(wellFormed);
  const facts: Record<string, GroupedConcept> = {};
  const filter = (name: string, values: Iterable<string>): Element[] => [...new Set(values)].map((v) => h('span', { dataPagefindFilter: name }, v));
  for (const r of rs) {
    facts[slugOf(r.url)] = {
      title: r.title,
      termId: r.termId,
      aliases: r.aliases,
      domain: r.domain,
      status: r.status,
      summary: r.summary,
      branches: r.branches,
    };
  }
  const hidden = h('div', { dataPagefindIgnore: '', hidden: true }, [
    h('span', { dataPagefindMeta: 'kb' }, JSON.stringify(facts)),
    ...filter(
      'domain',
      rs.flatMap((r) => (r.domain ? [r.domain] : [])),
    ),
    ...filter(
      'status',
      rs.flatMap((r) => (r.status ? [r.status] : [])),
    ),
    ...filter(
      'branch',
      rs.flatMap((r) => r.branches),
    ),
  ]);
  const sections = rs.flatMap((r) => [
    h('h2', { id: slugOf(r.url) }, r.title),
    h('p', {}, [r.termId ?? '', ...r.aliases, r.content].filter((t) => t !== '').join('. ')),
  ]);
  const root: Root = {
    type: 'root',
    children: [
      h('html', { lang: 'en' }, [
        h('head', {}, [h('meta', { charset: 'utf-8' }), h('title', {}, 'Concepts')]),
        h('body', {}, [h('main', { dataPagefindBody: '' }, [hidden, ...sections])]),
      ]),
    ],
  };
  return toHtml(root);
}

/** The slug of a concept URL (`/concepts/<slug>/`). */
const slugOf = (url: string) => url.replace(/^\/concepts\//, '').replace(/\/$/, '');

function h(tagName: string, properties: Element['properties'], children: string | Element[] = []): Element {
  return { type: 'element', tagName, properties, children: typeof children === 'string' ? [{ type: 'text', value: children }] : children };
}

/** The URL a group of concepts is indexed under; its sub-results are `<url>#<slug>`. */
export const groupUrl = (key: string) => `/concepts/g-${createHash('sha1').update(key).digest('hex').slice(0, 12)}/`;

async function addUnit(index: PagefindIndex, unit: SearchUnit): Promise<string[]> {
  switch (unit.kind) {
    case 'record':
      return (await index.addCustomRecord(pagefindRecord(unit.record))).errors;
    case 'group':
      return (await index.addHTMLFile({ url: groupUrl(unit.key), content: groupHtml(unit.records) })).errors;
    case 'html':
      return (await index.addHTMLFile({ url: unit.url, content: indexableHtml(readFileSync(unit.file, 'utf8')) })).errors;
    case 'plain':
      return (await index.addCustomRecord({ url: unit.url, content: `${unit.title}. ${unit.text}`, language: 'en', meta: { title: unit.title } })).errors;
  }
}

async function filledIndex(units: readonly SearchUnit[]): Promise<PagefindIndex> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!created.index) throw new Error(`could not start Pagefind: ${created.errors.join('; ')}`);
  const { index } = created;
  try {
    const BATCH = 200;
    for (let k = 0; k < units.length; k += BATCH) {
      const errors = (await Promise.all(units.slice(k, k + BATCH).map((u) => addUnit(index, u)))).flat();
      if (errors.length > 0) throw new Error(`Pagefind could not index a page: ${errors.join('; ')}`);
    }
    return index;
  } catch (error) {
    await index.deleteIndex();
    throw error;
  }
}

/** What a shard indexes, as a digest (built HTML pages by their bytes). */
function shardDigest(shard: ShardPlan, grouped: boolean): string {
  const hash = createHash('sha256').update(JSON.stringify({ v: 1, grouped, folder: shard.folder }));
  for (const u of shard.units) {
    hash.update(JSON.stringify(u.kind === 'html' ? { kind: u.kind, url: u.url } : u));
    if (u.kind === 'html') hash.update(readFileSync(u.file));
  }
  return hash.digest('base64url').slice(0, 27);
}

function readManifest(dir: string): SearchManifest | null {
  try {
    const m = JSON.parse(readFileSync(path.join(dir, SEARCH_MANIFEST), 'utf8')) as SearchManifest;
    return m.v === 1 ? m : null;
  } catch {
    return null;
  }
}

export interface SearchIndexResult {
  /** Pages and concept groups in the index. */
  pages: number;
  /** Concepts in the index. */
  concepts: number;
  shards: number;
  /** Shards indexed by this build (the others were kept from the last one). */
  rebuilt: number;
  grouped: boolean;
}

/**
 * Brings the shards of `plan` up to date in `dir` (the build cache's copy of the index): a shard
 * whose digest is unchanged since the last build is kept, the others are indexed afresh. Writes the
 * manifest last; returns how many shards were indexed.
 */
async function updateShards(dir: string, shards: readonly ShardPlan[], grouped: boolean): Promise<number> {
  const previous = readManifest(dir);
  const digests = shards.map((s) => shardDigest(s, grouped));
  let rebuilt = 0;
  mkdirSync(dir, { recursive: true });
  try {
    for (const [k, shard] of shards.entries()) {
      const at = previous?.shards.indexOf(shard.folder) ?? -1;
      if (previous?.grouped === grouped && at >= 0 && previous.digests[at] === digests[k] && existsSync(path.join(dir, shard.folder))) continue;
      const target = path.join(dir, shard.folder);
      const fresh = `${target.replace(/\/$/, '')}.${process.pid}.new`;
      rmSync(fresh, { recursive: true, force: true });
      const index = await filledIndex(shard.units);
      const written = await index.writeFiles({ outputPath: fresh });
      await index.deleteIndex();
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      rmSync(target, { recursive: true, force: true });
      renameSync(fresh, target);
      rebuilt++;
    }
  } finally {
    await pagefind.close();
  }
  const manifest: SearchManifest = { v: 1, shards: shards.map((s) => s.folder), digests, grouped };
  writeFileSync(path.join(dir, SEARCH_MANIFEST), JSON.stringify(manifest));
  return rebuilt;
}

/** Hard-links (or, across file systems, copies) every file of `from` into `to`. */
function linkTree(from: string, to: string): void {
  for (const e of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const source = path.join(e.parentPath, e.name);
    const target = path.join(to, path.relative(from, source));
    mkdirSync(path.dirname(target), { recursive: true });
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

/**
 * A search index in the making. The concepts' shards depend only on the search records, so they can
 * be indexed while Astro builds the pages (`concepts`); the guides' shard needs Astro's HTML, and
 * `finish` indexes it and puts the whole index into `<outDir>/pagefind/`, replacing the old one whole
 * (a reader never sees half an index, nothing stale survives). The shards live in the build cache
 * (`cacheDir`), so a rebuild keeps the unchanged ones.
 */
export function searchIndex(cacheDir: string, records: readonly SearchRecord[], limits?: SearchLimits) {
  const plan = planSearchIndex({ records, htmlPages: [] }, limits);
  const shardsDir = path.join(cacheDir, 'concepts');
  const guidesDir = path.join(cacheDir, 'guides');
  const concepts = updateShards(shardsDir, plan.shards, plan.grouped);
  concepts.catch(() => undefined);
  return {
    concepts,
    async finish(outDir: string, guides: Pick<SearchIndexInput, 'htmlPages' | 'plainPages'>): Promise<SearchIndexResult> {
      const rebuilt = await concepts;
      const guidesPlan = planSearchIndex({ records: [], ...guides }, limits).guides;
      const guideRebuilt = guidesPlan ? await updateShards(guidesDir, [guidesPlan], false) : 0;
      const target = path.join(outDir, 'pagefind');
      const fresh = path.join(outDir, `.pagefind-${process.pid}`);
      const old = path.join(outDir, `.pagefind-old-${process.pid}`);
      rmSync(fresh, { recursive: true, force: true });
      for (const shard of plan.shards) linkTree(path.join(shardsDir, shard.folder), path.join(fresh, shard.folder));
      if (guidesPlan) linkTree(path.join(guidesDir, guidesPlan.folder), path.join(fresh, guidesPlan.folder));
      for (const [name, text] of termFilesOf(records)) {
        mkdirSync(path.dirname(path.join(fresh, name)), { recursive: true });
        writeFileSync(path.join(fresh, name), text);
      }
      const conceptManifest = readManifest(shardsDir) as SearchManifest;
      const guideManifest = guidesPlan ? readManifest(guidesDir) : null;
      const manifest: SearchManifest = {
        v: 1,
        shards: [...conceptManifest.shards, ...(guideManifest?.shards ?? [])],
        digests: [...conceptManifest.digests, ...(guideManifest?.digests ?? [])],
        grouped: plan.grouped,
      };
      writeFileSync(path.join(fresh, SEARCH_MANIFEST), JSON.stringify(manifest));
      if (existsSync(target)) renameSync(target, old);
      renameSync(fresh, target);
      rmSync(old, { recursive: true, force: true });
      return {
        pages: plan.shards.reduce((n, s) => n + s.units.length, 0) + (guidesPlan?.units.length ?? 0),
        concepts: records.length,
        shards: manifest.shards.length,
        rebuilt: rebuilt + guideRebuilt,
        grouped: plan.grouped,
      };
    },
  };
}

/** Builds the whole search index of `input` into `<outDir>/pagefind/` (its shards kept in `cacheDir`). */
export async function writeSearchIndex(outDir: string, cacheDir: string, input: SearchIndexInput, limits?: SearchLimits): Promise<SearchIndexResult> {
  return searchIndex(cacheDir, input.records, limits).finish(outDir, input);
}

/**
 * The files of the search index of `input`, in memory: path inside the index folder → bytes (what
 * `writeSearchIndex` would write). Leaves Pagefind's service running for the next call.
 */
export async function searchIndexFiles(input: SearchIndexInput, limits?: SearchLimits): Promise<Map<string, Uint8Array>> {
  const plan = planSearchIndex(input, limits);
  const files = new Map<string, Uint8Array>();
  for (const shard of plan.guides ? [...plan.shards, plan.guides] : plan.shards) {
    const index = await filledIndex(shard.units);
    try {
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
      for (const f of got.files) files.set(`${shard.folder}${f.path.split(path.sep).join('/')}`, f.content);
    } finally {
      await index.deleteIndex();
    }
  }
  const encoder = new TextEncoder();
  for (const [name, text] of termFilesOf(input.records)) files.set(name, encoder.encode(text));
  const all = plan.guides ? [...plan.shards, plan.guides] : plan.shards;
  const manifest: SearchManifest = { v: 1, shards: all.map((s) => s.folder), digests: all.map((s) => shardDigest(s, plan.grouped)), grouped: plan.grouped };
  files.set(SEARCH_MANIFEST, encoder.encode(JSON.stringify(manifest)));
  return files;
}
