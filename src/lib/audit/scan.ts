// The per-file work of the audit, shared by the in-process path and the worker threads: scan one
// output file for leaks, and for an HTML page also run the page-local checks (injected script,
// malformed) and keep just the facts the site-wide dead-link check needs afterwards.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHtml, isTextOutput } from './files.ts';
import { parsePage, lineAtTextOffset, type AttrFact } from './html.ts';
import { findMarkers, findSentences, type LeakIndex } from './leaks.ts';
import { decodeOutput } from './outputs.ts';
import { checkInjectedScripts } from './injected-scripts.ts';
import { checkMalformed } from './malformed.ts';
import type { Finding } from './types.ts';

/** What the dead-link check needs from a page: its URLs and its fragment targets. */
export interface LinkFacts {
  file: string;
  urls: AttrFact[];
  anchors: string[];
}

export interface ScanResult {
  findings: Finding[];
  pages: LinkFacts[];
}

export function scanFiles(dist: string, files: readonly string[], leakIndex: LeakIndex, base: string): ScanResult {
  const result: ScanResult = { findings: [], pages: [] };
  const decoder = new TextDecoder('utf-8');
  const leaksWanted = leakIndex.markers.length > 0 || leakIndex.probeCount > 0;
  for (const file of files) {
    if (isHtml(file)) {
      const html = decoder.decode(readFileSync(join(dist, file)));
      const facts = parsePage(file, html);
      result.findings.push(
        ...findMarkers(leakIndex, file, html),
        ...findSentences(leakIndex, file, facts.text, (o) => lineAtTextOffset(facts, o)),
        ...checkInjectedScripts(facts, base),
        ...checkMalformed(facts),
      );
      result.pages.push({
        file,
        urls: facts.urls.filter((u) => u.name === 'href' || u.name === 'src'),
        anchors: [...facts.ids.keys(), ...facts.anchorNames],
      });
    } else if (leaksWanted && isTextOutput(file)) {
      const out = decodeOutput(file, readFileSync(join(dist, file)));
      result.findings.push(...findMarkers(leakIndex, file, out.raw, !out.compressed), ...findSentences(leakIndex, file, out.prose));
    }
  }
  return result;
}
