// `npm run bench:build`: full site builds of generated corpora (1k and 10k pages by default;
// BENCH_SIZES=1000 for one size) against the floor: a bare Astro 7 site of the same pages with no
// features (Astro's glob loader and default Markdown, one page template, no search). For each size:
// cold build (no cache and no output folder, as on a fresh clone; Pagefind included), floor build,
// a warm rebuild after one page is edited, peak RSS, and the gzipped JS+CSS a concept page without
// a demo loads. Prints one JSON object: {"runs": [{"pages", "cold_s", "floor_s", "ratio", "warm_s",
// "warm_ratio", "peak_rss_mb", "page_js_css_gz_bytes"}]}. Progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../lib/corpus.ts';
import { pageAssetsGz } from '../lib/page-assets.ts';

const ROOT = process.cwd();
const WORK = path.join(ROOT, '.cache', 'bench-build');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const log = (m: string) => process.stderr.write(`bench:build: ${m}\n`);

/** Runs a command under /usr/bin/time; returns wall seconds and peak RSS (MB) of the process tree's largest member. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): { seconds: number; rssMb: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'KB_MAXRSS=%M', cmd, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  const m = /KB_MAXRSS=(\d+)/.exec(r.stderr);
  return { seconds, rssMb: m ? Math.round(Number(m[1]) / 1024) : 0 };
}

/** A featureless Astro site over the same Markdown files: the floor. */
function writeFloorProject(dir: string, pagesDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(path.join(dir, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static' });\n`);
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { pages: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(pagesDir)} }) }) };\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('pages')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8" /><title>{entry.id}</title></head><body><main><Content /></main></body></html>\n`,
  );
}

function conceptPageWithoutDemo(dist: string): string {
  const dir = path.join(dist, 'concepts');
  for (const slug of readdirSync(dir).sort()) {
    const file = path.join(dir, slug, 'index.html');
    const html = readFileSync(file, 'utf8');
    if (!html.includes('kb-demo') && !html.includes('class="katex"')) return file;
  }
  throw new Error('no concept page without a demo or math');
}

const runs = [];
for (const size of SIZES) {
  const corpus = path.join(WORK, `corpus-${size}`);
  if (!existsSync(path.join(corpus, 'manifest.json'))) {
    log(`generating a ${size}-page corpus`);
    generateCorpus({ pages: size, seed: 42, out: corpus, defects: false });
  }
  const pagesDir = path.join(corpus, 'pages');
  const dist = path.join(WORK, `dist-${size}`);
  const cacheDir = path.join(WORK, `cache-${size}`);
  // Node's compile cache (Astro turns it on) would let a "cold" build reuse code compiled by an
  // earlier benchmark run: the cold and floor builds each start with an empty one; the warm rebuild
  // keeps the cold build's, as a user's second build would.
  const compileCache = path.join(WORK, `compile-cache-${size}`);
  const env = { KB_CONTENT_DIR: pagesDir, KB_CACHE_DIR: cacheDir, NODE_COMPILE_CACHE: compileCache, ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=8192' };

  log(`${size} pages: cold build`);
  // A cold build starts as on a fresh clone, and as the floor does: no cache, no output folder.
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  rmSync(compileCache, { recursive: true, force: true });
  const cold = timed(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--outDir', dist], env);

  log(`${size} pages: warm rebuild after editing one page`);
  const edited = path.join(pagesDir, readdirSync(pagesDir).filter((f) => f.endsWith('.md')).sort()[0]);
  const original = readFileSync(edited);
  appendFileSync(edited, '\n- An edit made by the build benchmark.\n');
  const warm = timed(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--outDir', dist], env);
  writeFileSync(edited, original);

  log(`${size} pages: floor (bare Astro site of the same pages)`);
  const floorDir = path.join(WORK, `floor-${size}`);
  writeFloorProject(floorDir, pagesDir);
  const floorCompileCache = path.join(WORK, `floor-compile-cache-${size}`);
  rmSync(floorCompileCache, { recursive: true, force: true });
  const floor = timed(path.join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--root', floorDir, '--outDir', path.join(floorDir, 'dist')], {
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_COMPILE_CACHE: floorCompileCache,
    NODE_OPTIONS: '--max-old-space-size=8192',
  });

  const gz = pageAssetsGz(dist, conceptPageWithoutDemo(dist));
  runs.push({
    pages: size,
    cold_s: Number(cold.seconds.toFixed(1)),
    floor_s: Number(floor.seconds.toFixed(1)),
    ratio: Number((cold.seconds / floor.seconds).toFixed(2)),
    warm_s: Number(warm.seconds.toFixed(1)),
    warm_ratio: Number((warm.seconds / cold.seconds).toFixed(2)),
    peak_rss_mb: Math.max(cold.rssMb, warm.rssMb),
    page_js_css_gz_bytes: gz,
  });
  log(JSON.stringify(runs[runs.length - 1]));
}
console.log(JSON.stringify({ runs }));
