// `npm run build [-- --outDir DIR]`: builds the site from the content folder (KB_CONTENT_DIR or
// content/) with Astro, and indexes it with Pagefind, then prints a summary: concepts published,
// withheld, diagnostics by severity, pages indexed, time taken. KB_STRICT=1 makes content errors
// fail the build. Content problems otherwise never stop the build; they are listed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveCacheDir, resolveContentDir } from '../src/config.ts';
import { planSearchIndex, type SearchIndexResult } from '../src/lib/site/search-index.ts';

const args = process.argv.slice(2);
const outIdx = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
const outDir = path.resolve(outIdx < 0 ? 'dist' : args[outIdx].includes('=') ? args[outIdx].split('=')[1] : args[outIdx + 1]);
const contentDir = resolveContentDir();
const started = performance.now();

console.log(`kb: building ${path.relative(process.cwd(), contentDir) || '.'} → ${path.relative(process.cwd(), outDir)}`);
const astroBin = path.resolve('node_modules', '.bin', 'astro');
const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'kb-build-')), 'report.json');
// Pagefind may start on the pages the last build left, while Astro builds (if the output folder is
// that build's): see src/lib/site/search-index.ts.
const search = planSearchIndex(outDir, resolveCacheDir());
const astro = spawn(astroBin, ['build', ...args], {
  stdio: 'inherit',
  env: {
    ...process.env,
    // A larger young generation: the build allocates heavily (the content store is hundreds of MB at
    // 10,000 pages), and V8's default makes it collect garbage far more often than it needs to.
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=128`.trim(),
    KB_CONTENT_DIR: contentDir,
    KB_BUILD_REPORT: reportFile,
    KB_SEARCH_STEP: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
  },
});
// This process lowers its priority before it starts Pagefind, so Pagefind only takes CPU time the
// build leaves idle.
try {
  os.setPriority(19);
} catch {
  // Not allowed here: Pagefind then competes with Astro on equal terms, which is only slower.
}
search.begin();
const [status, signal] = (await once(astro, 'exit')) as [number | null, NodeJS.Signals | null];
if (status !== 0) {
  console.error(`kb: astro build failed (exit ${status ?? signal})`);
  process.exit(status ?? 1);
}
const astroSeconds = (performance.now() - started) / 1000;

console.log('kb: indexing for search (Pagefind)…');
const t0 = performance.now();
let indexed: SearchIndexResult;
try {
  indexed = await search.finish();
} catch (error) {
  console.error(`kb: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const pagefindSeconds = (performance.now() - t0) / 1000;

interface BuildReport {
  stats: { files: number; published: number; withheld: number; rendered: number; reused: number };
  counts: { error: number; warning: number; info: number };
}
const report: BuildReport | null = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReport) : null;
rmSync(path.dirname(reportFile), { recursive: true, force: true });
const total = (performance.now() - started) / 1000;
console.log('');
console.log('kb: build summary');
if (report) {
  const { stats, counts } = report;
  console.log(`  ${stats.files} files read: ${stats.published} concepts published, ${stats.withheld} withheld`);
  console.log(`  ${stats.rendered} pages rendered, ${stats.reused} reused from the cache`);
  console.log(`  diagnostics: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info${counts.error + counts.warning > 0 ? ' (run `npm run check` for the list)' : ''}`);
}
console.log(`  ${indexed.pages} pages indexed for search${indexed.mode === 'early' ? ` (indexing began during the build; ${indexed.indexedAfterBuild} pages it wrote were indexed again after it)` : indexed.reason ? ` (all at the end: ${indexed.reason})` : ''}`);
console.log(`  time: ${total.toFixed(1)} s (astro ${astroSeconds.toFixed(1)} s, pagefind ${pagefindSeconds.toFixed(1)} s)`);
console.log(`  output: ${outDir}`);
