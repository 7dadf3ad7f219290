// `npm run build [-- --outDir DIR]`: builds the site from the content folder (KB_CONTENT_DIR or
// content/) in three stages, each over the output of the one before:
//   1. site data: read → graph → publish filter → render (src/lib/build/site-data-stage.ts), written
//      to the site data folder in the build cache; diagnostics are printed here;
//   2. pages: `astro build` renders every page from the site data (src/lib/astro/page-data.ts);
//   3. search: Pagefind indexes the concepts' records and the guides (src/lib/build/search-index.ts).
// Then it prints a summary. KB_STRICT=1 makes content errors fail the build; content problems
// otherwise never stop it: they are listed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { loadSiteConfig, resolveCacheDir, resolveContentDir } from '../src/config.ts';
import { SITE_DATA_READY_ENV } from '../src/lib/astro/loader.ts';
import { type SearchIndexResult, searchIndex } from '../src/lib/build/search-index.ts';
import { searchLimits } from '../src/lib/build/search-plan.ts';
import { readSearchRecords, readSiteIndex } from '../src/lib/build/site-data.ts';
import { runSiteDataStage } from '../src/lib/build/site-data-stage.ts';
import { countBySeverity, type Diagnostic, formatDiagnostic } from '../src/lib/diagnostics.ts';
import { guideHref } from '../src/lib/site/view.ts';
import { configured, contentFolder, parseCommandLine } from './lib/cli.ts';

const spec = {
  name: 'build',
  usage: 'npm run build [-- --outDir DIR]',
  help: [
    'Builds the site from the content folder (KB_CONTENT_DIR, else content/): pages, exports and the',
    'search index, then prints a summary. Content problems never stop the build (KB_STRICT=1 makes',
    'errors fail it); run `npm run check` for the list.',
    '',
    '  --outDir DIR  where the site is written (default: dist/)',
  ].join('\n'),
  options: { outDir: { type: 'string' } },
} as const;

function byCode(list: readonly Diagnostic[]): string[] {
  const counts = new Map<string, number>();
  for (const d of list) counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  return [...counts].sort().map(([k, n]) => `${n} × ${k}`);
}

const { values } = parseCommandLine(spec);
const outDir = path.resolve(values.outDir ?? 'dist');
const config = configured(spec, () => loadSiteConfig());
const contentDir = contentFolder(spec, () => resolveContentDir());
const cacheDir = configured(spec, () => resolveCacheDir());
const started = performance.now();
const rel = (p: string) => path.relative(process.cwd(), p) || '.';
console.log(`kb: building ${rel(contentDir)} → ${rel(outDir)}`);

// 1. Site data.
const stage = await runSiteDataStage({ contentDir, config, cacheDir, onProgress: (m) => console.log(`kb: ${m}`) });
const { stats, diagnostics } = stage.site;
const counts = countBySeverity(diagnostics);
for (const d of diagnostics) if (d.severity !== 'info') console.log(formatDiagnostic(d));
if (config.strict && counts.error > 0) {
  console.error(`kb: KB_STRICT is set and the content has ${counts.error} errors (listed above); fix them or unset KB_STRICT`);
  process.exit(1);
}
const dataSeconds = (performance.now() - started) / 1000;

// 2. Pages, while the concepts' search shards are indexed (they need only the search records, and
// Pagefind runs beside Astro, which keeps one core busy).
const searchStarted = performance.now();
const search = searchIndex(path.join(stage.dir, 'search'), readSearchRecords(stage.dir), searchLimits(config.searchGroups));
const astroStarted = performance.now();
const astro = spawn(path.resolve('node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // A larger young generation: page generation allocates heavily, and V8's default makes it collect
    // garbage far more often than it needs to.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim(),
    KB_CONTENT_DIR: contentDir,
    [SITE_DATA_READY_ENV]: stage.index.digest,
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});
const [status, signal] = (await once(astro, 'exit')) as [number | null, NodeJS.Signals | null];
if (status !== 0) {
  console.error(`kb: astro build failed (exit ${status ?? signal})`);
  process.exit(status ?? 1);
}
const astroSeconds = (performance.now() - astroStarted) / 1000;

// 3. Search: the guides' shard from Astro's HTML, then the whole index into the output folder.
console.log('kb: indexing for search (Pagefind)…');
const finishStarted = performance.now();
const index = readSiteIndex(stage.dir);
const htmlPages = (index?.guides ?? []).map((g) => ({ url: guideHref(g.slug), file: path.join(outDir, 'guides', g.slug, 'index.html') }));
let indexed: SearchIndexResult;
try {
  indexed = await search.finish(outDir, { htmlPages });
} catch (error) {
  console.error(`kb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const searchSeconds = (performance.now() - searchStarted) / 1000;
const searchAfterPages = (performance.now() - finishStarted) / 1000;

const total = (performance.now() - started) / 1000;
console.log('');
console.log('kb: build summary');
console.log(`  ${stats.files} files read: ${stats.published} concepts published, ${stats.withheld} withheld`);
console.log(`  ${stats.rendered} pages rendered, ${stats.reused} reused from the cache`);
console.log(
  `  diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info${counts.error + counts.warning > 0 ? ' (run `npm run check` for the list)' : ''}`,
);
for (const line of byCode(diagnostics)) console.log(`    ${line}`);
console.log(
  `  ${indexed.concepts} concepts and ${htmlPages.length} guides indexed for search${indexed.grouped ? ' (concepts in groups)' : ''}: ${indexed.rebuilt} of ${indexed.shards} index shards ${indexed.rebuilt === 1 ? 'was' : 'were'} rebuilt`,
);
console.log(
  `  time: ${total.toFixed(1)} s (site data ${dataSeconds.toFixed(1)} s, astro ${astroSeconds.toFixed(1)} s, search ${searchSeconds.toFixed(1)} s of which ${searchAfterPages.toFixed(1)} s after the pages)`,
);
console.log(`  output: ${outDir}`);
