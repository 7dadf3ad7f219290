// CLI for the built-site audit (src/lib/audit): leaks of withheld content, injected script, dead
// links, malformed pages.
//   npx tsx scripts/audit.ts [DIST] [--content DIR] [--manifest FILE] [--base /] [--threads N] [--json]
// DIST defaults to dist/, the content folder to $KB_CONTENT_DIR or content/ (KB_PUBLISH_ALL, as for the
// build, says whether every page not marked private was published); --threads caps the worker
// threads (default: one per core; 1 = scan in process). Exit status: 0 clean, 1 problems found,
// 2 usage error or unreadable input.
import { parseArgs } from 'node:util';
import { loadSiteConfig } from '../src/config.ts';
import { auditSite, formatReport } from '../src/lib/audit/index.ts';

const USAGE = 'usage: tsx scripts/audit.ts [DIST] [--content DIR] [--manifest FILE] [--base /] [--threads N] [--json]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        manifest: { type: 'string' },
        base: { type: 'string', default: '/' },
        threads: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const dist = positionals[0] ?? 'dist';
  const contentDir = values.content || process.env.KB_CONTENT_DIR || 'content';
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    console.error(`--threads wants a positive integer\n${USAGE}`);
    return 2;
  }
  try {
    const report = await auditSite({ dist, contentDir, publishAll: loadSiteConfig().publishAll, manifestFile: values.manifest, base: values.base, workers: threads });
    if (report.parallelFallback) console.error(`audit: worker threads unavailable (${report.parallelFallback}); scanned in one thread`);
    console.log(values.json ? JSON.stringify(report) : formatReport(report));
    return report.findings.length > 0 ? 1 : 0;
  } catch (err) {
    console.error(`audit: ${(err as Error).message}`);
    return 2;
  }
}

process.exitCode = await main();
