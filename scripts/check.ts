// `npm run check -- [--content DIR] [--json]`: validates a content folder without building the site
// (GUIDE §4). Human output: one `file:line: severity code: message` line per diagnostic and a
// grouped summary; `--json`: one JSON object. Exit status 1 when any error is found.
import { loadSiteConfig, resolveContentDir } from '../src/config.ts';
import { compareDiagnostics, countBySeverity, formatDiagnostic } from '../src/lib/diagnostics.ts';
import { loadContent } from '../src/lib/ontology/load.ts';
import { checkReport } from '../src/lib/ontology/report.ts';
import { demoDiagnostics } from '../src/lib/build/demo-embed.ts';

function parseArgs(argv: string[]): { content?: string; json: boolean } {
  const out: { content?: string; json: boolean } = { json: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--json') out.json = true;
    else if (a === '--content') out.content = argv[++k];
    else if (a.startsWith('--content=')) out.content = a.slice('--content='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run check -- [--content DIR] [--json]');
      process.exit(0);
    } else {
      console.error(`check: unknown argument ${a}\nusage: npm run check -- [--content DIR] [--json]`);
      process.exit(2);
    }
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const dir = resolveContentDir(args.content);
const config = loadSiteConfig();
const build = loadContent(dir, { ...config, digest: false });
build.diagnostics.push(...demoDiagnostics(build.records));
build.diagnostics.sort(compareDiagnostics);
const report = checkReport(build);
const counts = countBySeverity(build.diagnostics);
if (args.json) {
  process.stdout.write(JSON.stringify(report) + '\n');
} else {
  for (const d of build.diagnostics) console.log(formatDiagnostic(d));
  const byCode = new Map<string, number>();
  for (const d of build.diagnostics) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  console.log('');
  console.log(`checked ${build.records.length} files in ${dir}: ${report.concepts.length} published, ${report.withheld} withheld`);
  for (const [k, n] of [...byCode].sort()) console.log(`  ${n} × ${k}`);
  console.log(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
}
process.exitCode = counts.error > 0 ? 1 : 0;
