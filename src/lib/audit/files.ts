// File-system side of the audit: lists every file of a built site once (relative, `/`-separated
// paths) and classifies which of them are HTML pages and which are other text outputs worth
// scanning for leaked private text.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function listFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = relative(root, join(entry.parentPath, entry.name));
    out.push(sep === '/' ? rel : rel.split(sep).join('/'));
  }
  return out.sort();
}

export const isHtml = (file: string): boolean => /\.html?$/i.test(file);

/** Pagefind's own output folder (compressed indexes and fragments, plus its JS/CSS). */
export const isPagefind = (file: string): boolean => file.startsWith('pagefind/') || file.includes('/pagefind/');

const TEXT_OUTPUT = /\.(json|jsonld|ttl|nt|n3|xml|rss|atom|txt|webmanifest|js|mjs|csv)$/i;

/** Non-HTML files that may carry page text: exports, feeds, sitemaps, search data, scripts. */
export const isTextOutput = (file: string): boolean => TEXT_OUTPUT.test(file) || isPagefind(file);
