// The site's search index, made with Pagefind's public Node API. Concepts go in as records made from
// the site data (title, term id, alternative terms, definition and, on smaller glossaries, the body
// text, with domain, status and taxonomy branch as filters), not by re-reading their HTML; guides,
// which Astro renders from MDX, go in as their built HTML pages with formulas as readable text (or, where there is no built page, as
// records of their title and description). Beside Pagefind's files go the did-you-mean term files
// (src/search/suggest.ts) in kb-terms/. A build writes the index into a fresh folder beside the old
// one and swaps it in whole, so a reader never sees half an index and nothing stale survives; the
// dev server asks for the same files in memory.
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TERMS_FOLDER, termFiles, type TermRow } from '../../search/suggest.ts';
import { formulasToText } from '../render/math-text.ts';
import type { SearchRecord } from './search-records.ts';

export interface SearchIndexInput {
  records: readonly SearchRecord[];
  /** Built HTML pages to index as they are (guides): their URL and file. */
  htmlPages: readonly { url: string; file: string }[];
  /** Pages without built HTML (guides under `astro dev`): indexed by title and description. */
  plainPages?: readonly { url: string; title: string; text: string }[];
}

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
}

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

async function filledIndex(input: SearchIndexInput): Promise<PagefindIndex> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!created.index) throw new Error(`could not start Pagefind: ${created.errors.join('; ')}`);
  const { index } = created;
  try {
    const BATCH = 500;
    for (let k = 0; k < input.records.length; k += BATCH) {
      const results = await Promise.all(input.records.slice(k, k + BATCH).map((r) => index.addCustomRecord(pagefindRecord(r))));
      const errors = results.flatMap((x) => x.errors);
      if (errors.length > 0) throw new Error(`Pagefind could not index a concept: ${errors.join('; ')}`);
    }
    for (const page of input.htmlPages) {
      const r = await index.addHTMLFile({ url: page.url, content: indexableHtml(readFileSync(page.file, 'utf8')) });
      if (r.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${r.errors.join('; ')}`);
    }
    for (const page of input.plainPages ?? []) {
      const r = await index.addCustomRecord({ url: page.url, content: `${page.title}. ${page.text}`, language: 'en', meta: { title: page.title } });
      if (r.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${r.errors.join('; ')}`);
    }
    return index;
  } catch (error) {
    await index.deleteIndex();
    throw error;
  }
}

const pageCount = (input: SearchIndexInput) => input.records.length + input.htmlPages.length + (input.plainPages?.length ?? 0);

/** Builds the search index of `input` into `<outDir>/pagefind/`, replacing any earlier one. */
export async function writeSearchIndex(outDir: string, input: SearchIndexInput): Promise<SearchIndexResult> {
  const target = path.join(outDir, 'pagefind');
  const fresh = path.join(outDir, `.pagefind-${process.pid}`);
  const old = path.join(outDir, `.pagefind-old-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    const index = await filledIndex(input);
    const written = await index.writeFiles({ outputPath: fresh });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    for (const [name, text] of termFilesOf(input.records)) {
      mkdirSync(path.dirname(path.join(fresh, name)), { recursive: true });
      writeFileSync(path.join(fresh, name), text);
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  return { pages: pageCount(input) };
}

/**
 * The files of the search index of `input`, in memory: path inside the index folder → bytes (what
 * `writeSearchIndex` would write). Leaves Pagefind's service running for the next call.
 */
export async function searchIndexFiles(input: SearchIndexInput): Promise<Map<string, Uint8Array>> {
  const index = await filledIndex(input);
  try {
    const got = await index.getFiles();
    if (got.errors.length > 0) throw new Error(`Pagefind could not build its index: ${got.errors.join('; ')}`);
    const files = new Map<string, Uint8Array>(got.files.map((f) => [f.path.split(path.sep).join('/'), f.content]));
    for (const [name, text] of termFilesOf(input.records)) files.set(name, new TextEncoder().encode(text));
    return files;
  } finally {
    await index.deleteIndex();
  }
}
