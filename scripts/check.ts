// `npm run check -- [--content DIR] [--json] [--watch]`: validates a content folder without building
// the site (GUIDE §4), with the build's own pipeline up to rendered pages, so it reports exactly what
// a build reports (rendering problems too: invalid formulas, local links and images that lead
// nowhere, unknown demos); pages it renders are kept in the build cache for the next build or check.
// Human output: one `file:line: severity code: message` line per diagnostic and a grouped summary;
// `--json`: one JSON object; `--watch`: after that, checks again on every change in the folder and
// prints the new and fixed problems (scripts/lib/check-watch.ts) until Ctrl-C. Exit status 1 when any
// error is found, 2 on a usage or configuration error (an unknown flag, a missing or empty content
// folder, an invalid KB_* value); 0 when a watch is stopped with Ctrl-C.
import { loadSiteConfig, resolveCacheDir, resolveContentDir } from '../src/config.ts';
import { type CheckMemory, runCheckStage } from '../src/lib/build/site-data-stage.ts';
import { countBySeverity, formatDiagnostic } from '../src/lib/diagnostics.ts';
import { checkReport } from '../src/lib/ontology/report.ts';
import { watchCheck } from './lib/check-watch.ts';
import { configured, contentFolder, parseCommandLine, usageError } from './lib/cli.ts';

const spec = {
  name: 'check',
  usage: 'npm run check -- [--content DIR] [--json] [--watch]',
  help: [
    'Validates the pages of a content folder without building the site.',
    '',
    '  --content DIR  the folder of pages (default: KB_CONTENT_DIR, else content/)',
    '  --json         print one JSON object: { concepts, withheld, diagnostics }',
    '  --watch        then check again on every change in the folder, printing the new (+) and',
    '                 fixed (-) problems; Ctrl-C stops',
    '',
    'Exit status: 0 no errors, 1 errors found, 2 usage or configuration error.',
  ].join('\n'),
  options: { content: { type: 'string' }, json: { type: 'boolean' }, watch: { type: 'boolean' } },
} as const;

const { values } = parseCommandLine(spec);
if (values.watch && values.json) usageError(spec, '--watch prints changes for a person to read; use it without --json');
const config = configured(spec, () => loadSiteConfig());
const dir = contentFolder(spec, () => resolveContentDir(values.content));
const cacheDir = configured(spec, () => resolveCacheDir());
// With --watch, what one check read and rendered is kept in memory for the next.
const memory: CheckMemory | undefined = values.watch ? { records: {} } : undefined;
const check = () => runCheckStage({ contentDir: dir, config, cacheDir }, memory);
const site = await check();
const { build, diagnostics } = site;
const report = { ...checkReport(build), diagnostics };
const counts = countBySeverity(diagnostics);
if (values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  for (const d of diagnostics) console.log(formatDiagnostic(d));
  const byCode = new Map<string, number>();
  for (const d of diagnostics) byCode.set(`${d.severity} ${d.code}`, (byCode.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  console.log('');
  console.log(`checked ${build.records.length} files in ${dir}: ${report.concepts.length} published, ${report.withheld} withheld`);
  for (const [k, n] of [...byCode].sort()) console.log(`  ${n} × ${k}`);
  console.log(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`);
}
process.exitCode = counts.error > 0 ? 1 : 0;

if (values.watch) {
  console.log(`\nwatching ${dir} for changes; Ctrl-C stops`);
  const watching = watchCheck({
    dir,
    initial: diagnostics,
    check: async () => (await check()).diagnostics,
    print: (text) => console.log(`\n${text}`),
    onFailure: (message) => {
      console.error(`check: ${message}`);
      process.exit(2);
    },
  });
  const stop = () => {
    watching.close();
    console.log('\nstopped watching');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
