// `npm run bench:build`: full site builds of generated corpora (1k and 10k pages by default;
// BENCH_SIZES=1000,10000,100000 adds the largest) against the floor: plain Astro 7 at its best for the
// same published pages (Astro's glob loader without kept bodies, its default Markdown, one page
// template, no search), with the build's page concurrency and memory flags. For each size: a cold
// build (no cache, no output folder, an empty Node compile cache, as on a fresh clone; search index
// included), a warm rebuild after one page is edited, the floor build (which may fail on large
// corpora: then `floor_s` is null and `floor_error` says why), peak RSS, files in the output, and
// the gzipped JS+CSS a concept page without a demo loads. Prints one JSON object: {"runs": [{"pages",
// "published", "cold_s", "cold_ms_per_page", "floor_s", "ratio", "warm_s", "warm_ratio", "peak_rss_mb",
// "output_files", "page_js_css_gz_bytes"}]}. Progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultDomains } from '../../src/config.ts';
import { loadContent } from '../../src/lib/ontology/load.ts';
import { generateCorpus } from '../lib/corpus.ts';
import { pageAssetsGz } from '../lib/page-assets.ts';

const ROOT = process.cwd();
const WORK = path.join(ROOT, '.cache', 'bench-build');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const log = (m: string) => process.stderr.write(`bench:build: ${m}\n`);

/** The memory flags `npm run build` gives Astro (scripts/build.ts); the floor gets the same. */
const ASTRO_NODE_OPTIONS = '--max-semi-space-size=64';

interface Timed {
  seconds: number;
  rssMb: number;
}

/** Runs a command under /usr/bin/time; wall seconds and peak RSS (MB) of the largest process of its tree, or the failure. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Timed | { error: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'KB_MAXRSS=%M', cmd, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`
      .split('\n')
      .filter((l) => /error|Error|memory|heap/.test(l))
      .slice(-3)
      .join(' | ');
    return { error: `exit ${r.status ?? r.signal} after ${seconds.toFixed(0)} s: ${tail.slice(0, 400) || 'no message'}` };
  }
  const m = /KB_MAXRSS=(\d+)/.exec(r.stderr);
  return { seconds, rssMb: m ? Math.round(Number(m[1]) / 1024) : 0 };
}

function mustSucceed(t: Timed | { error: string }, what: string): Timed {
  if ('error' in t) throw new Error(`${what} failed: ${t.error}`);
  return t;
}

/**
 * Plain Astro at its best over the same published pages: a folder of links to just those files, the
 * glob loader keeping no raw bodies, Astro's default Markdown processor, one page template, the
 * build's page concurrency.
 */
function writeFloorProject(dir: string, pagesDir: string, published: readonly string[]): void {
  rmSync(dir, { recursive: true, force: true });
  const pages = path.join(dir, 'pages');
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  mkdirSync(pages, { recursive: true });
  for (const file of published) symlinkSync(path.join(pagesDir, file), path.join(pages, file.replaceAll('/', '__')));
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ output: 'static', build: { concurrency: 4 } });\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { pages: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(pages)}, retainBody: false }) }) };\n`,
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
  const env = { KB_CONTENT_DIR: pagesDir, KB_CACHE_DIR: cacheDir, NODE_COMPILE_CACHE: compileCache, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = path.join(ROOT, 'node_modules', '.bin', 'tsx');

  log(`${size} pages: cold build`);
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  rmSync(compileCache, { recursive: true, force: true });
  const cold = mustSucceed(timed(build, ['scripts/build.ts', '--outDir', dist], env), `the ${size}-page cold build`);

  log(`${size} pages: warm rebuild after editing one page`);
  const edited = path.join(
    pagesDir,
    readdirSync(pagesDir)
      .filter((f) => f.endsWith('.md'))
      .sort()[0],
  );
  const original = readFileSync(edited);
  appendFileSync(edited, '\n- An edit made by the build benchmark.\n');
  const warm = mustSucceed(timed(build, ['scripts/build.ts', '--outDir', dist], env), `the ${size}-page warm build`);
  writeFileSync(edited, original);

  log(`${size} pages: floor (plain Astro over the same published pages)`);
  const published = loadContent(pagesDir, { publishAll: false, domains: defaultDomains, digest: false })
    .records.filter((r) => r.status === 'published')
    .map((r) => r.page.file);
  const floorDir = path.join(WORK, `floor-${size}`);
  writeFloorProject(floorDir, pagesDir, published);
  const floorCompileCache = path.join(WORK, `floor-compile-cache-${size}`);
  rmSync(floorCompileCache, { recursive: true, force: true });
  const floor = timed(path.join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--root', floorDir, '--outDir', path.join(floorDir, 'dist')], {
    ASTRO_TELEMETRY_DISABLED: '1',
    NODE_COMPILE_CACHE: floorCompileCache,
    NODE_OPTIONS: ASTRO_NODE_OPTIONS,
  });
  rmSync(path.join(floorDir, 'dist'), { recursive: true, force: true });

  const floorSeconds = 'error' in floor ? null : floor.seconds;
  runs.push({
    pages: size,
    published: published.length,
    cold_s: Number(cold.seconds.toFixed(1)),
    cold_ms_per_page: Number(((cold.seconds * 1000) / size).toFixed(2)),
    floor_s: floorSeconds === null ? null : Number(floorSeconds.toFixed(1)),
    ...('error' in floor ? { floor_error: floor.error } : {}),
    ratio: floorSeconds === null ? null : Number((cold.seconds / floorSeconds).toFixed(2)),
    warm_s: Number(warm.seconds.toFixed(1)),
    warm_ratio: Number((warm.seconds / cold.seconds).toFixed(2)),
    peak_rss_mb: Math.max(cold.rssMb, warm.rssMb),
    output_files: readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
    page_js_css_gz_bytes: pageAssetsGz(dist, conceptPageWithoutDemo(dist)),
  });
  log(JSON.stringify(runs[runs.length - 1]));
}
console.log(JSON.stringify({ runs }));
