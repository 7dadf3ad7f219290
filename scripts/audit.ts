// `npm run audit -- [DIST] [--content DIR] [--manifest FILE] [--base /] [--threads N] [--json]`: the
// built-site audit (src/lib/audit): leaks of withheld content, injected script, dead links, malformed
// pages. DIST defaults to dist/, the content folder to $KB_CONTENT_DIR or content/ (KB_PUBLISH_ALL, as
// for the build, says whether every page not marked private was published); --threads caps the
// worker threads (default: one per core; 1 = scan in process). Command-line conventions of
// scripts/lib/cli.ts. Exit status: 0 clean, 1 problems found, 2 usage error (a missing built site or
// content folder among them) or unreadable input.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { loadSiteConfig, resolveContentDir } from '../src/config.ts';
import { auditSite, formatReport } from '../src/lib/audit/index.ts';
import { configured, contentFolder, parseCommandLine, USAGE_ERROR, usageError } from './lib/cli.ts';

const spec = {
  name: 'audit',
  usage: 'npm run audit -- [DIST] [--content DIR] [--manifest FILE] [--base /] [--threads N] [--json]',
  help: [
    'Audits a built site (default: dist/) for leaks of withheld pages, injected script, dead links and',
    'malformed pages, and names the file (and line) of each finding.',
    '',
    '  DIST             the built site (default: dist/)',
    '  --content DIR    the content folder whose withheld pages must not leak (default: KB_CONTENT_DIR, else content/)',
    '  --manifest FILE  also look for the private markers of a corpus manifest',
    '  --base PATH      the path the site is served under (default: /)',
    '  --threads N      worker threads (default: one per core; 1 scans in this process)',
    '  --json           print one JSON report',
    '',
    'Exit status: 0 clean, 1 problems found, 2 usage error or unreadable input.',
  ].join('\n'),
  options: {
    content: { type: 'string' },
    manifest: { type: 'string' },
    base: { type: 'string' },
    threads: { type: 'string' },
    json: { type: 'boolean' },
  },
  allowPositionals: true,
} as const;

const { values, positionals } = parseCommandLine(spec);
if (positionals.length > 1) usageError(spec, `give at most one built site (got ${positionals.length}: ${positionals.join(', ')})`);
const dist = positionals[0] ?? 'dist';
if (!existsSync(dist)) usageError(spec, `there is no built site at ${dist}; run npm run build first, or name the folder`);
if (!statSync(dist).isDirectory()) usageError(spec, `${dist} is not a folder`);
const config = configured(spec, () => loadSiteConfig());
const contentDir = contentFolder(spec, () => resolveContentDir(values.content));
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) usageError(spec, `--threads wants a positive integer (got "${values.threads}")`);
if (values.manifest !== undefined && !existsSync(values.manifest)) usageError(spec, `the manifest ${values.manifest} does not exist`);

try {
  const report = await auditSite({
    dist: path.resolve(dist),
    contentDir,
    publishAll: config.publishAll,
    manifestFile: values.manifest,
    base: values.base ?? '/',
    workers: threads,
  });
  if (report.parallelFallback) console.error(`audit: worker threads unavailable (${report.parallelFallback}); scanned in one thread`);
  console.log(values.json ? JSON.stringify(report) : formatReport(report));
  process.exitCode = report.findings.length > 0 ? 1 : 0;
} catch (err) {
  console.error(`audit: ${(err as Error).message}`);
  process.exitCode = USAGE_ERROR;
}
