// The site audit: walks a built site once, parses each HTML page once (parse5), and runs the four
// checks — leaks of withheld text, injected script, dead links, malformed pages. runAudit() works in
// process; auditSite() spreads the per-file work over worker threads for large sites. Both return a
// report; printing and exit codes belong to scripts/audit.ts.
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkPendingFragments, normaliseBase, siteFiles } from './dead-links.ts';
import { isHtml, listFiles } from './files.ts';
import { buildLeakIndex, type MarkerSource } from './leaks.ts';
import { type ScanResult, scanFiles } from './scan.ts';
import { type AuditOptions, type AuditReport, CHECKS, type CheckName, type Finding } from './types.ts';
import { readWithheldPages, type WithheldPage } from './withheld.ts';
import type { WorkerInput } from './worker.ts';

export type { AuditOptions, AuditReport, CheckName, Finding } from './types.ts';
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

interface Prepared {
  started: number;
  base: string;
  withheld: WithheldPage[];
  markers: MarkerSource[];
  files: string[];
}

function prepare(options: AuditOptions): Prepared {
  const started = performance.now();
  if (!existsSync(options.dist)) throw new Error(`no built site at ${options.dist}`);
  return {
    started,
    base: normaliseBase(options.base),
    withheld: options.contentDir && existsSync(options.contentDir) ? readWithheldPages(options.contentDir, { publishAll: options.publishAll ?? false }) : [],
    markers: options.manifestFile ? readManifestMarkers(options.manifestFile) : [],
    files: listFiles(options.dist),
  };
}

function finish(options: AuditOptions, p: Prepared, scans: ScanResult[], fallback?: string): AuditReport {
  const findings: Finding[] = scans.flatMap((s) => s.findings);
  const anchors = new Map<string, Set<string>>();
  for (const s of scans) for (const [file, ids] of s.anchors) anchors.set(file, new Set(ids));
  for (const s of scans) findings.push(...checkPendingFragments(s.pending, anchors));
  const counts = Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<CheckName, number>;
  for (const f of findings) counts[f.check]++;
  const order = new Map(CHECKS.map((c, i) => [c, i]));
  findings.sort((a, b) => order.get(a.check)! - order.get(b.check)! || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
  return {
    dist: options.dist,
    files: p.files.length,
    htmlPages: anchors.size,
    withheldPages: p.withheld.length,
    markers: p.markers.length,
    findings,
    counts,
    threads: scans.length,
    ...(fallback ? { parallelFallback: fallback } : {}),
    durationMs: Math.round(performance.now() - p.started),
  };
}

const scanInProcess = (options: AuditOptions, p: Prepared): ScanResult =>
  scanFiles(options.dist, p.files, siteFiles(p.files, p.base), buildLeakIndex(p.withheld, p.markers));

/** Audit in the current thread. */
export function runAudit(options: AuditOptions): AuditReport {
  const p = prepare(options);
  return finish(options, p, [scanInProcess(options, p)]);
}

/** Below this many HTML pages, starting workers costs more than it saves. */
const PARALLEL_THRESHOLD = 400;

/**
 * Audit with the per-file work spread over worker threads (one per available core, at most
 * `workers`). Falls back to the in-process path for small sites, one core, or if a worker fails to
 * start (e.g. when the TypeScript sources cannot be loaded in a worker).
 */
export async function auditSite(options: AuditOptions & { workers?: number }): Promise<AuditReport> {
  const p = prepare(options);
  const htmlCount = p.files.filter(isHtml).length;
  const n = Math.max(1, Math.min(options.workers ?? availableParallelism(), 8, Math.ceil(htmlCount / 200)));
  if (n === 1 || htmlCount < PARALLEL_THRESHOLD) {
    return finish(options, p, [scanInProcess(options, p)]);
  }
  const shares: string[][] = Array.from({ length: n }, () => []);
  p.files.forEach((f, i) => shares[i % n].push(f));
  const workers: Worker[] = [];
  try {
    const scans = await Promise.all(
      shares.map(
        (files) =>
          new Promise<ScanResult>((resolve, reject) => {
            const input: WorkerInput = { dist: options.dist, allFiles: p.files, files, withheld: p.withheld, markers: p.markers, base: p.base };
            const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: input });
            workers.push(worker);
            worker.once('message', (r: ScanResult) => resolve(r));
            worker.once('error', reject);
            worker.once('exit', (code) => {
              if (code !== 0) reject(new Error(`audit worker exited with code ${code}`));
            });
          }),
      ),
    );
    return finish(options, p, scans);
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    const reason = err instanceof Error ? err.message : String(err);
    return finish(options, p, [scanInProcess(options, p)], reason);
  }
}

const TITLES: Record<CheckName, string> = {
  leak: 'Leaks of withheld content',
  'injected-script': 'Injected script',
  'dead-link': 'Dead links',
  malformed: 'Malformed pages',
};

/** Human-readable report: one `file:line: message` line per finding, grouped by check, then a summary. */
export function formatReport(report: AuditReport, limitPerCheck = 200): string {
  const lines: string[] = [];
  lines.push(
    `Audited ${report.dist}: ${report.files} files, ${report.htmlPages} HTML pages; ${report.withheldPages} withheld source pages, ${report.markers} private markers.`,
  );
  for (const check of CHECKS) {
    const mine = report.findings.filter((f) => f.check === check);
    if (mine.length === 0) continue;
    lines.push('', `${TITLES[check]} (${mine.length}):`);
    for (const f of mine.slice(0, limitPerCheck)) lines.push(`  ${f.file}${f.line ? `:${f.line}` : ''}: ${f.message}`);
    if (mine.length > limitPerCheck) lines.push(`  … and ${mine.length - limitPerCheck} more (use --json for the full list)`);
  }
  const total = report.findings.length;
  const fileCount = new Set(report.findings.map((f) => f.file)).size;
  lines.push(
    '',
    total === 0
      ? `Clean: no leaks, injected scripts, dead links or malformed pages (${(report.durationMs / 1000).toFixed(1)} s).`
      : `${total} problem${total === 1 ? '' : 's'} in ${fileCount} file${fileCount === 1 ? '' : 's'}: ` +
          CHECKS.map((c) => `${report.counts[c]} ${TITLES[c].toLowerCase()}`).join(', ') +
          ` (${(report.durationMs / 1000).toFixed(1)} s).`,
  );
  return lines.join('\n');
}
