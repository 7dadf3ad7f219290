// The diagnostics of one page of the site, for the development server's panel: which content file a
// URL path shows (a concept page knows its file; a guide's listing names it) and the problems the
// last pipeline run found in that file (report.json of the site data folder), with the totals of the
// whole content. Reads only the site data folder.

import { statSync } from 'node:fs';
import path from 'node:path';
import { countBySeverity, type Diagnostic } from '../diagnostics.ts';
import { readBuildReport, readConceptPage, readSiteIndex } from './site-data.ts';

export interface PageDiagnostics {
  /** The content file the page shows, relative to the content folder (null: the page shows none). */
  file: string | null;
  diagnostics: Diagnostic[];
  /** Every diagnostic of the content, by severity. */
  totals: { error: number; warning: number; info: number };
}

/** The content file shown at `pathname`, or null for pages made from several (home, A–Z, …). */
export function fileOfPage(dataDir: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const concept = /^\/concepts\/([^/]+)\/?$/.exec(decoded);
  if (concept) {
    if (!readSiteIndex(dataDir)?.concepts.some((c) => c.slug === concept[1])) return null;
    return readConceptPage(dataDir, concept[1]).file;
  }
  const guide = /^\/guides\/([^/]+)\/?$/.exec(decoded);
  if (guide) return readSiteIndex(dataDir)?.guides.find((g) => g.slug === guide[1])?.file ?? null;
  return null;
}

export function pageDiagnostics(dataDir: string, pathname: string): PageDiagnostics {
  const report = readBuildReport(dataDir);
  const all = report?.diagnostics ?? [];
  const file = fileOfPage(dataDir, pathname);
  return { file, diagnostics: file === null ? [] : all.filter((d) => d.file === file), totals: countBySeverity(all) };
}

/** When the site data's report was last written (0 when there is none yet): it changes with every run that changed it. */
export function reportStamp(dataDir: string): number {
  return statSync(path.join(dataDir, 'report.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
}
