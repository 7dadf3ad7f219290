// The site audit: walks a built site once, parses each HTML page once (parse5), and runs the four
// checks — leaks of withheld text, injected script, dead links, malformed pages — over the facts.
// Returns a report; printing and exit codes belong to scripts/audit.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, isHtml, isTextOutput } from './files.ts';
import { parsePage, lineAtTextOffset, type PageFacts } from './html.ts';
import { readWithheldPages, type WithheldPage } from './withheld.ts';
import { buildLeakIndex, findMarkers, findSentences, type MarkerSource } from './leaks.ts';
import { decodeOutput } from './outputs.ts';
import { checkInjectedScripts } from './injected-scripts.ts';
import { buildSiteIndex, checkDeadLinks, normaliseBase } from './dead-links.ts';
import { checkMalformed } from './malformed.ts';
import { CHECKS, type AuditOptions, type AuditReport, type CheckName, type Finding } from './types.ts';

export type { AuditOptions, AuditReport, Finding, CheckName } from './types.ts';
export { readWithheldPages } from './withheld.ts';

/** Markers of a corpus manifest: `{ private: [{ title, marker }] }`. */
export function readManifestMarkers(file: string): MarkerSource[] {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = (data as { private?: unknown }).private;
  if (!Array.isArray(list)) throw new Error(`${file}: no "private" list`);
  return list.flatMap((p: unknown) => {
    const { marker, title } = (p ?? {}) as { marker?: unknown; title?: unknown };
    return typeof marker === 'string' && marker !== '' ? [{ marker, title: typeof title === 'string' ? title : '?' }] : [];
  });
}

export function runAudit(options: AuditOptions): AuditReport {
  const started = performance.now();
  const base = normaliseBase(options.base);
  if (!existsSync(options.dist)) throw new Error(`no built site at ${options.dist}`);
  const withheld: WithheldPage[] = options.contentDir && existsSync(options.contentDir) ? readWithheldPages(options.contentDir) : [];
  const markers = options.manifestFile ? readManifestMarkers(options.manifestFile) : [];
  const leakIndex = buildLeakIndex(withheld, markers);

  const files = listFiles(options.dist);
  const findings: Finding[] = [];
  const pages: PageFacts[] = [];
  const decoder = new TextDecoder('utf-8');
  for (const file of files) {
    if (isHtml(file)) {
      const html = decoder.decode(readFileSync(join(options.dist, file)));
      const facts = parsePage(file, html);
      findings.push(...findMarkers(leakIndex, file, html));
      findings.push(...findSentences(leakIndex, file, facts.text, (o) => lineAtTextOffset(facts, o)));
      findings.push(...checkInjectedScripts(facts, base));
      findings.push(...checkMalformed(facts));
      facts.text = ''; // only links and ids are needed from here on
      facts.textParts = [];
      pages.push(facts);
    } else if (isTextOutput(file) && (leakIndex.markers.length > 0 || leakIndex.probeCount > 0)) {
      const out = decodeOutput(file, readFileSync(join(options.dist, file)));
      findings.push(...findMarkers(leakIndex, file, out.raw, !out.compressed));
      findings.push(...findSentences(leakIndex, file, out.prose));
    }
  }
  const site = buildSiteIndex(files, pages, base);
  for (const page of pages) findings.push(...checkDeadLinks(page, site));

  const counts = Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<CheckName, number>;
  for (const f of findings) counts[f.check]++;
  const order = new Map(CHECKS.map((c, i) => [c, i]));
  findings.sort((a, b) => order.get(a.check)! - order.get(b.check)! || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  return {
    dist: options.dist, files: files.length, htmlPages: pages.length, withheldPages: withheld.length, markers: markers.length,
    findings, counts, durationMs: Math.round(performance.now() - started),
  };
}

const TITLES: Record<CheckName, string> = {
  leak: 'Leaks of withheld content', 'injected-script': 'Injected script', 'dead-link': 'Dead links', malformed: 'Malformed pages',
};

/** Human-readable report: one `file:line: message` line per finding, grouped by check, then a summary. */
export function formatReport(report: AuditReport, limitPerCheck = 200): string {
  const lines: string[] = [];
  lines.push(`Audited ${report.dist}: ${report.files} files, ${report.htmlPages} HTML pages; ${report.withheldPages} withheld source pages, ${report.markers} private markers.`);
  for (const check of CHECKS) {
    const mine = report.findings.filter((f) => f.check === check);
    if (mine.length === 0) continue;
    lines.push('', `${TITLES[check]} (${mine.length}):`);
    for (const f of mine.slice(0, limitPerCheck)) lines.push(`  ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
    if (mine.length > limitPerCheck) lines.push(`  … and ${mine.length - limitPerCheck} more (use --json for the full list)`);
  }
  const total = report.findings.length;
  const fileCount = new Set(report.findings.map((f) => f.file)).size;
  lines.push('', total === 0
    ? `Clean: no leaks, injected scripts, dead links or malformed pages (${(report.durationMs / 1000).toFixed(1)} s).`
    : `${total} problem${total === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}: ` +
      CHECKS.map((c) => `${report.counts[c]} ${TITLES[c].toLowerCase()}`).join(', ') + ` (${(report.durationMs / 1000).toFixed(1)} s).`);
  return lines.join('\n');
}
