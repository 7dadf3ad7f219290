// The site's search index, made with Pagefind's public Node API. Concepts go in as records made from
// the site data (title, term id, alternative terms, definition and, on smaller glossaries, the body
// text, with domain and status as filters), not by re-reading their HTML; guides, which Astro renders
// from MDX, go in as their built HTML pages. The index is written into a fresh folder beside the old
// one and swapped in whole, so a reader never sees half an index and nothing stale survives.
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SearchRecord } from './site-data.ts';

export interface SearchIndexInput {
  records: readonly SearchRecord[];
  /** Built HTML pages to index as they are (guides): their URL and file. */
  htmlPages: readonly { url: string; file: string }[];
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
  const clean = (s: string) => s.toWellFormed();
  const r: SearchRecord = {
    ...record,
    title: clean(record.title),
    termId: record.termId === null ? null : clean(record.termId),
    aliases: record.aliases.map(clean),
    content: clean(record.content),
    summary: clean(record.summary),
    domain: record.domain === null ? null : clean(record.domain),
    status: record.status === null ? null : clean(record.status),
  };
  const head = [r.title, r.termId ?? '', ...r.aliases].filter((t) => t !== '').join('. ');
  const meta: Record<string, string> = { title: r.title, summary: r.summary };
  if (r.termId) meta.termId = r.termId;
  if (r.aliases.length > 0) meta.aliases = r.aliases.join(' | ');
  if (r.domain) meta.domain = r.domain;
  if (r.status) meta.status = r.status;
  const filters: Record<string, string[]> = {};
  if (r.domain) filters.domain = [r.domain];
  if (r.status) filters.status = [r.status];
  return { url: r.url, content: r.content ? `${head}. ${r.content}` : head, language: 'en', meta, filters };
}

async function fill(index: PagefindIndex, input: SearchIndexInput): Promise<void> {
  const BATCH = 500;
  for (let k = 0; k < input.records.length; k += BATCH) {
    const results = await Promise.all(input.records.slice(k, k + BATCH).map((r) => index.addCustomRecord(pagefindRecord(r))));
    const errors = results.flatMap((x) => x.errors);
    if (errors.length > 0) throw new Error(`Pagefind could not index a concept: ${errors.join('; ')}`);
  }
  for (const page of input.htmlPages) {
    const r = await index.addHTMLFile({ url: page.url, content: readFileSync(page.file, 'utf8') });
    if (r.errors.length > 0) throw new Error(`Pagefind could not index ${page.url}: ${r.errors.join('; ')}`);
  }
}

/** Builds the search index of `input` into `<outDir>/pagefind/`, replacing any earlier one. */
export async function writeSearchIndex(outDir: string, input: SearchIndexInput): Promise<SearchIndexResult> {
  const created = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!created.index) throw new Error(`could not start Pagefind: ${created.errors.join('; ')}`);
  const { index } = created;
  const target = path.join(outDir, 'pagefind');
  const fresh = path.join(outDir, `.pagefind-${process.pid}`);
  const old = path.join(outDir, `.pagefind-old-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  try {
    await fill(index, input);
    const written = await index.writeFiles({ outputPath: fresh });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  } finally {
    await pagefind.close();
  }
  if (existsSync(target)) renameSync(target, old);
  renameSync(fresh, target);
  rmSync(old, { recursive: true, force: true });
  return { pages: input.records.length + input.htmlPages.length };
}
