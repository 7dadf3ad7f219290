// The site's search index (Pagefind), written into OUT/pagefind after Astro's build.
//
// A warm rebuild changes a few pages, yet Pagefind has to index every page again: it cannot update an
// index. So when the output folder holds the last build's pages (the same guard that lets Astro keep
// pages in place), indexing starts at once, on those pages, while Astro builds. When Astro is done,
// every page file it wrote during the build is indexed again; Pagefind keeps the last version added
// for a URL, so the index then matches the new output. Only if a page indexed early has gone (removed
// or made private) is the index thrown away and everything indexed afresh: Pagefind cannot remove a
// page. A cold build indexes once, at the end.
import * as pagefind from 'pagefind';
import type { PagefindIndex } from 'pagefind';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CLOCK_MARGIN_MS, moveToTrash, outputIsFromLastBuild } from '../astro/prune-stale.ts';
import { isHtml, listFiles } from '../audit/files.ts';
import { removeStaleIndexFiles } from './pagefind-files.ts';

const BODY_MARKER = 'data-pagefind-body';
/** Folders of the output that hold no pages to index. */
const NOT_PAGES = new Set(['pagefind', `.pagefind-${process.pid}`, '_astro', 'previews']);

export interface SearchIndexResult {
  /** Pages in the index. */
  pages: number;
  /** How the index was made: `early` (previous pages indexed during the build, changed ones after), `full`. */
  mode: 'early' | 'full';
  /** Pages indexed after the build: all of them for `full`; for `early`, those the build wrote. */
  indexedAfterBuild: number;
  /** Why an earlier build's pages were not used, if there were some and they were not. */
  reason?: string;
}

/** Relative paths (POSIX separators) of the HTML pages under `outDir`, with modification times. */
function listPages(outDir: string): Map<string, number> {
  const pages = listFiles(outDir).filter((f) => isHtml(f) && !NOT_PAGES.has(f.split('/')[0]));
  return new Map(pages.map((f) => [f, statSync(path.join(outDir, f)).mtimeMs]));
}

async function newIndex(): Promise<PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
  return index;
}

async function indexWholeFolder(index: PagefindIndex, outDir: string): Promise<number> {
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  return added.page_count;
}

/** Pages in a written index, from its entry file. */
function pageCount(indexDir: string): number {
  const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
}

/**
 * Plans the search index for a build into `outDir`. Call it before the build starts: it checks
 * whether the folder holds the last build's pages and lists them. `begin()` (once the build is
 * under way) starts indexing those pages; `finish()` (after the build) completes the index and
 * writes it.
 */
export function planSearchIndex(outDir: string, cacheDir: string): { begin: () => void; finish: () => Promise<SearchIndexResult> } {
  const started = Date.now();
  let early: Promise<{ index: PagefindIndex; pages: Map<string, number> } | { failed: string }> | null = null;
  let reason: string | undefined;
  let previous: Map<string, number> | null = null;
  const firstBuild = !existsSync(outDir) || readdirSync(outDir).length === 0; // nothing to reuse, nothing to say
  if (!firstBuild && !outputIsFromLastBuild(outDir, cacheDir)) reason = 'the output folder is not from the last build with this cache';
  else if (!firstBuild) {
    previous = listPages(outDir);
    if (previous.size === 0) reason = 'no pages from an earlier build';
  }

  function begin(): void {
    const pages = previous;
    if (!pages || pages.size === 0 || early) return;
    early = newIndex().then(
      (index) => index.addDirectory({ path: outDir }).then((r) => (r.errors.length > 0 ? { failed: r.errors.join('; ') } : { index, pages })),
      (error: unknown) => ({ failed: String(error) }),
    );
  }

  async function finish(): Promise<SearchIndexResult> {
    const output = path.join(outDir, 'pagefind');
    const now = listPages(outDir);
    let index: PagefindIndex | null = null;
    let indexedAfterBuild = 0;
    if (early) {
      const e = await (early as NonNullable<typeof early>);
      if ('failed' in e) reason = `early indexing failed: ${e.failed}`;
      else {
        const gone = [...e.pages.keys()].filter((p) => !now.has(p));
        if (gone.length > 0) {
          reason = `${gone.length} page${gone.length === 1 ? '' : 's'} indexed early no longer exist${gone.length === 1 ? 's' : ''}`;
          await e.index.deleteIndex();
        } else {
          index = e.index;
          const written = [...now].filter(([, mtime]) => mtime >= started - CLOCK_MARGIN_MS).map(([sourcePath]) => ({ sourcePath, content: readFileSync(path.join(outDir, sourcePath), 'utf8') }));
          // Once any page marks its searchable part (data-pagefind-body), Pagefind leaves out every page
          // that does not; those (the A–Z index, the taxonomy: large) need not be sent at all.
          const gated = written.some((f) => f.content.includes(BODY_MARKER));
          const toAdd = gated ? written.filter((f) => f.content.includes(BODY_MARKER)) : written;
          const results = await Promise.all(toAdd.map((f) => e.index.addHTMLFile(f)));
          const failed = results.flatMap((r) => r.errors);
          if (failed.length > 0) throw new Error(`Pagefind could not index a page: ${failed.join('; ')}`);
          indexedAfterBuild = written.length;
        }
      }
    }
    const mode = index ? 'early' : 'full';
    if (!index) {
      index = await newIndex();
      indexedAfterBuild = await indexWholeFolder(index, outDir);
    }
    // Written over the old index (Pagefind skips data files it already holds), then what the new
    // index does not name is deleted. If that cannot be worked out, a fresh index is written beside
    // the old one and swapped in; the old one is deleted in the background.
    const writeStart = Date.now();
    let inPlace = false;
    if (existsSync(output)) {
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      inPlace = removeStaleIndexFiles(output, writeStart - CLOCK_MARGIN_MS) !== null;
    }
    if (!inPlace) {
      const fresh = path.join(outDir, `.pagefind-${process.pid}`);
      rmSync(fresh, { recursive: true, force: true });
      const written = await index.writeFiles({ outputPath: fresh });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      if (existsSync(output)) moveToTrash([output], cacheDir);
      renameSync(fresh, output);
    }
    await pagefind.close();
    return { pages: pageCount(output), mode, indexedAfterBuild, ...(mode === 'full' && reason ? { reason } : {}) };
  }

  return { begin, finish };
}
