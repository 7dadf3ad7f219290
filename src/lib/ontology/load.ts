// Loading a content folder: find every page file, read and parse it, extract concepts and build the
// graph. This is the one entry point `check`, the Astro loader and the tests share.
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readPage } from '../logseq/read.ts';
import type { ParsedPage } from '../logseq/types.ts';
import { type DomainInfo, makeDomainNormaliser } from './domains.ts';
import { extractPage } from './extract.ts';
import { buildGraph, type GraphBuild } from './graph.ts';

export const PAGE_FILE = /\.(md|mdx|markdown)$/i;
const SKIP_DIRS = new Set(['node_modules', 'logseq', 'bak', '.recycle']);

/** Page files under `dir`, relative, with forward slashes, sorted. */
export function listPageFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) visit(child);
      } else if (e.isFile() && PAGE_FILE.test(e.name)) out.push(child);
    }
  };
  visit('');
  return out.sort();
}

/** Reads and parses every page; `digest: false` skips content hashing (only the render cache needs it). */
export function readPages(dir: string, options: { digest?: boolean } = {}): ParsedPage[] {
  return listPageFiles(dir).map((file) => readPage(readFileSync(path.join(dir, file)), file, options));
}

/** What the graph needs of the site configuration. */
export interface GraphOptions {
  publishAll: boolean;
  domains: readonly DomainInfo[];
}

export function graphFromPages(pages: readonly ParsedPage[], options: GraphOptions): GraphBuild {
  const normaliseDomain = makeDomainNormaliser(options.domains);
  const records = pages.map((p) => extractPage(p, { publishAll: options.publishAll, normaliseDomain }));
  return buildGraph(records, options.domains);
}

export function loadContent(dir: string, options: GraphOptions & { digest?: boolean }): GraphBuild {
  return graphFromPages(readPages(dir, { digest: options.digest }), options);
}
