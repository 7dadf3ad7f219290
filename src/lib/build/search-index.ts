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
import type { Element, Root } from 'hast';
import { createHash } from 'node:crypto';
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_MANIFEST, type GroupedConcept, type SearchManifest } from '../../search/manifest.ts';
import { TERMS_FOLDER, termFiles, type TermRow } from '../../search/suggest.ts';
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
  const filter = (name: string, values: Iterable<string>): Element[] =>
    [...new Set(values)].map((v) => h('span', { dataPagefindFilter: name }, v));
  for (const r of rs) {
    facts[slugOf(r.url)] = { title: r.title, termId: r.termId, aliases: r.aliases, domain: r.domain, status: r.status, summary: r.summary, branches: r.branches };
  }
  const hidden = h('div', { dataPagefindIgnore: '', hidden: true }, [
    h('span', { dataPagefindMeta: 'kb' }, JSON.stringify(facts)),
    ...filter('domain', rs.flatMap((r) => (r.domain ? [r.domain] : []))),
    ...filter('status', rs.flatMap((r) => (r.status ? [r.status] : []))),
    ...filter('branch', rs.flatMap((r) => r.branches)),
  ]);
  const sections = rs.flatMap((r) => [
    h('h2', { id: slugOf(r.url) }, r.title),
    h('p', {}, [r.termId ?? '', ...r.aliases, r.content].filter((t) => t !== '').join('. ')),
  ]);
  const root: Root = {
    type: 'root',
    children: [h('html', { lang: 'en' }, [h('head', {}, [h('meta', { charset: 'utf-8' }), h('title', {}, 'Concepts')]), h('body', {}, [h('main', { dataPagefindBody: '' }, [hidden, ...sections])])])],
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
 * Builds the search index of `input` into `<outDir>/pagefind/`: shards whose records are unchanged
 * since the last build are kept, the others indexed afresh into a new folder, which then replaces the
 * old one whole (a reader never sees half an index, nothing stale survives).
 */
export async function writeSearchIndex(outDir: string, input: SearchIndexInput, limits?: SearchLimits): Promise<SearchIndexResult> {
  const plan = planSearchIndex(input, limits);
  const target = path.join(outDir, 'pagefind');
  const fresh = path.join(outDir, `.pagefind-${process.pid}`);
  const old = path.join(outDir, `.pagefind-old-${process.pid}`);
  const previous = readManifest(target);
  const digests = plan.shards.map((s) => shardDigest(s, plan.grouped));
  const keep = plan.shards.map(
    (s, k) => previous !== null && previous.grouped === plan.grouped && previous.shards[k] === s.folder && previous.digests[k] === digests[k] && existsSync(path.join(target, s.folder)),
  );
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  try {
    for (const [k, shard] of plan.shards.entries()) {
      if (keep[k]) continue;
      const index = await filledIndex(shard.units);
      const written = await index.writeFiles({ outputPath: path.join(fresh, shard.folder) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
  for (const [k, shard] of plan.shards.entries()) if (keep[k]) renameSync(path.join(target, shard.folder), path.join(fresh, shard.folder));
  for (const [name, text] of termFilesOf(input.records)) {
    mkdirSync(path.dirname(path.join(fresh, name)), { recursive: true });
    writeFileSync(path.join(fresh, name), text);
  }
  const manifest: SearchManifest = { v: 1, shards: plan.shards.map((s) => s.folder), digests, grouped: plan.grouped };
  writeFileSync(path.join(fresh, SEARCH_MANIFEST), JSON.stringify(manifest));
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  return {
    pages: plan.shards.reduce((n, s) => n + s.units.length, 0),
    concepts: input.records.length,
    shards: plan.shards.length,
    rebuilt: keep.filter((k) => !k).length,
    grouped: plan.grouped,
  };
}

/**
 * The files of the search index of `input`, in memory: path inside the index folder → bytes (what
 * `writeSearchIndex` would write). Leaves Pagefind's service running for the next call.
 */
export async function searchIndexFiles(input: SearchIndexInput, limits?: SearchLimits): Promise<Map<string, Uint8Array>> {
  const plan = planSearchIndex(input, limits);
  const files = new Map<string, Uint8Array>();
  for (const shard of plan.shards) {
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
  const manifest: SearchManifest = { v: 1, shards: plan.shards.map((s) => s.folder), digests: plan.shards.map((s) => shardDigest(s, plan.grouped)), grouped: plan.grouped };
  files.set(SEARCH_MANIFEST, encoder.encode(JSON.stringify(manifest)));
  return files;
}
