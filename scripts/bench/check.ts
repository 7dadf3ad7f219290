// `npm run bench:check`: times parse + graph + diagnostics (what `npm run check` does, minus
// printing) on generated corpora of 1k and 10k pages. Each size runs in its own child process so
// peak RSS is that run's own; the median of several timed repetitions is reported. Prints one JSON
// object: {"runs": [{"pages", "mb", "seconds", "mb_per_s", "peak_rss_mb"}]}. Target: 10k pages ≤ 2 s.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from '../../src/config.ts';
import { listPageFiles, loadContent } from '../../src/lib/ontology/load.ts';
import { generateCorpus } from '../lib/corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

function measure(dir: string) {
  const config = loadSiteConfig({});
  const times: number[] = [];
  let pages = 0;
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now();
    const build = loadContent(dir, { ...config, digest: false });
    times.push((performance.now() - t0) / 1000);
    pages = build.records.length;
  }
  times.sort((a, b) => a - b);
  return { pages, seconds: times[Math.floor(times.length / 2)], peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
}

const runIndex = process.argv.indexOf('--run');
if (runIndex >= 0) {
  process.stdout.write(JSON.stringify(measure(process.argv[runIndex + 1])));
} else {
  const root = path.join(os.tmpdir(), 'kb-bench-check');
  const runs = [];
  for (const size of SIZES) {
    const out = path.join(root, `c${size}`);
    mkdirSync(out, { recursive: true });
    const manifest = existsSync(path.join(out, 'manifest.json')) ? null : generateCorpus({ pages: size, seed: 1, out, defects: true });
    const pagesDir = path.join(out, 'pages');
    const bytes = manifest?.totals.bytes ?? listPageFiles(pagesDir).length;
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--run', pagesDir], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`bench run failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { pages: number; seconds: number; peak_rss_mb: number };
    const mb = (manifest ? bytes : Number(spawnSync('du', ['-sb', pagesDir], { encoding: 'utf8' }).stdout.split('\t')[0])) / 1e6;
    runs.push({
      pages: r.pages,
      mb: Number(mb.toFixed(2)),
      seconds: Number(r.seconds.toFixed(3)),
      mb_per_s: Number((mb / r.seconds).toFixed(1)),
      peak_rss_mb: r.peak_rss_mb,
    });
  }
  console.log(JSON.stringify({ runs }));
}
