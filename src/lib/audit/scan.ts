// The per-file work of the audit, shared by the in-process path and the worker threads: scan one
// output file for leaks, and for an HTML page also run the page-local checks (injected script,
// malformed, links and same-page fragments). Only small results leave a scan: findings, fragment
// links into other pages, and each page's anchors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPageLinks, type PendingFragment, type SiteFiles } from './dead-links.ts';
import { isHtml, isTextOutput } from './files.ts';
import { lineAtTextOffset, parsePage } from './html.ts';
import { checkInjectedScripts } from './injected-scripts.ts';
import { findMarkers, findSentences, type LeakIndex } from './leaks.ts';
import { checkMalformed } from './malformed.ts';
import { decodeOutput } from './outputs.ts';
import type { Finding } from './types.ts';

export interface ScanResult {
  findings: Finding[];
  /** Fragment links into other pages, checked after all scans (see dead-links.ts). */
  pending: PendingFragment[];
  /** Per HTML page: its ids and <a name>s. */
  anchors: [file: string, anchors: string[]][];
}

export function scanFiles(dist: string, files: readonly string[], site: SiteFiles, leakIndex: LeakIndex): ScanResult {
  const result: ScanResult = { findings: [], pending: [], anchors: [] };
  const decoder = new TextDecoder('utf-8');
  const leaksWanted = leakIndex.markers.length > 0 || leakIndex.probeCount > 0;
  for (const file of files) {
    if (isHtml(file)) {
      const html = decoder.decode(readFileSync(join(dist, file)));
      const facts = parsePage(file, html);
      const anchors = new Set([...facts.ids.keys(), ...facts.anchorNames]);
      const links = checkPageLinks(file, facts.urls, anchors, site);
      result.findings.push(
        ...findMarkers(leakIndex, file, html),
        ...findSentences(leakIndex, file, facts.text, (o) => lineAtTextOffset(facts, o)),
        ...checkInjectedScripts(facts, site.base),
        ...checkMalformed(facts),
        ...links.findings,
      );
      for (const p of links.pending) result.pending.push(p);
      result.anchors.push([file, [...anchors]]);
    } else if (leaksWanted && isTextOutput(file)) {
      const out = decodeOutput(file, readFileSync(join(dist, file)));
      result.findings.push(...findMarkers(leakIndex, file, out.raw, !out.compressed), ...findSentences(leakIndex, file, out.prose));
    }
  }
  return result;
}
