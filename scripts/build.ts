// `npm run build [-- --outDir DIR]`: builds the site from the content folder (KB_CONTENT_DIR or
// content/) with Astro, then indexes it with Pagefind, then prints a summary: concepts published,
// withheld, diagnostics by severity, pages indexed, time taken. KB_STRICT=1 makes content errors
// fail the build. Content problems otherwise never stop the build; they are listed.
import * as pagefind from 'pagefind';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveContentDir } from '../src/config.ts';

const args = process.argv.slice(2);
const outIdx = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
const outDir = path.resolve(outIdx < 0 ? 'dist' : args[outIdx].includes('=') ? args[outIdx].split('=')[1] : args[outIdx + 1]);
const contentDir = resolveContentDir();
const started = performance.now();

console.log(`kb: building ${path.relative(process.cwd(), contentDir) || '.'} → ${path.relative(process.cwd(), outDir)}`);
const astroBin = path.resolve('node_modules', '.bin', 'astro');
const reportFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'kb-build-')), 'report.json');
const astro = spawnSync(astroBin, ['build', ...args], {
  stdio: 'inherit',
  env: { ...process.env, KB_CONTENT_DIR: contentDir, KB_BUILD_REPORT: reportFile, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) {
  console.error(`kb: astro build failed (exit ${astro.status ?? astro.signal})`);
  process.exit(astro.status ?? 1);
}
const astroSeconds = (performance.now() - started) / 1000;

console.log('kb: indexing for search (Pagefind)…');
const t0 = performance.now();
const { index, errors: createErrors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) {
  console.error(`kb: could not start Pagefind: ${createErrors.join('; ')}`);
  process.exit(1);
}
const indexed = await index.addDirectory({ path: outDir });
if (indexed.errors.length > 0) {
  console.error(`kb: Pagefind could not index the site: ${indexed.errors.join('; ')}`);
  process.exit(1);
}
const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
if (written.errors.length > 0) {
  console.error(`kb: Pagefind could not write its index: ${written.errors.join('; ')}`);
  process.exit(1);
}
await pagefind.close();
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
console.log(`  ${indexed.page_count} pages indexed for search`);
console.log(`  time: ${total.toFixed(1)} s (astro ${astroSeconds.toFixed(1)} s, pagefind ${pagefindSeconds.toFixed(1)} s)`);
console.log(`  output: ${outDir}`);
