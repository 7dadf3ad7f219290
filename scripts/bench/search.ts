// `npm run bench:search [-- --pages N --seed S --rebuild]`: header-search benchmark. Generates a corpus
// (10,000 pages by default), builds the site (cached under node_modules/.cache/kb-bench-search/ and
// reused while pages/seed match; --rebuild forces a new build), serves it and drives Chromium:
// (a) for 20 queries (term ids, titles, words) the time from the last keystroke to the first rendered
// result row; (b) the bytes fetched for the first query on a cold page (first keystroke → results).
// Prints one JSON object: {"pages", "median_ms", "first_query_bytes", …}. The site is served the way a
// static host serves it: text assets gzip-compressed (Pagefind's own index files are already gzip);
// first_query_bytes counts bytes on the wire, first_query_bytes_uncompressed the decoded bodies.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../lib/browser.ts';
import { buildSite, type CorpusManifest, generateCorpus, PROJECT_ROOT } from '../lib/site-build.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    rebuild: { type: 'boolean', default: false },
    /** Measure an already built site (e.g. a template variant) instead; queries still come from the cached corpus. */
    site: { type: 'string' },
  },
});
const pages = Number(values.pages);
const seed = Number(values.seed);
const log = (message: string): void => void process.stderr.write(`bench:search: ${message}\n`);

// 1. Corpus and site, cached by size and seed.
const cache = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'kb-bench-search', `${pages}-${seed}`);
const stampFile = path.join(cache, 'stamp.json');
const corpusDir = path.join(cache, 'corpus');
const dist = values.site ? path.resolve(values.site) : path.join(cache, 'dist');
// The build is also keyed on the search component's sources, so that a change to them is measured.
const hash = createHash('sha256');
for (const file of [
  'src/components/Search.astro',
  ...readdirSync(path.join(PROJECT_ROOT, 'src', 'search'))
    .sort()
    .map((f) => `src/search/${f}`),
]) {
  hash.update(file).update(readFileSync(path.join(PROJECT_ROOT, file)));
}
const sourceHash = hash.digest('hex').slice(0, 16);
const stamp = existsSync(stampFile) ? (JSON.parse(readFileSync(stampFile, 'utf8')) as { sourceHash?: string }) : null;
const fresh = values.site !== undefined || (!values.rebuild && stamp?.sourceHash === sourceHash && existsSync(path.join(dist, 'pagefind', 'kb-search.json')));
if (stamp && !fresh && !values.rebuild) log('the search sources changed since the cached build: rebuilding');
let buildSeconds: number | null = null;
if (!fresh) {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  log(`generating ${pages} pages (seed ${seed})…`);
  generateCorpus(corpusDir, pages, seed, false);
  log('building the site (Astro + Pagefind); this takes a few minutes…');
  const started = performance.now();
  buildSite(path.join(corpusDir, 'pages'), dist);
  buildSeconds = (performance.now() - started) / 1000;
  writeFileSync(stampFile, JSON.stringify({ pages, seed, sourceHash, builtAt: new Date().toISOString(), buildSeconds }));
} else log(values.site ? `measuring ${dist}` : `reusing the build in ${path.relative(PROJECT_ROOT, cache)} (--rebuild to force)`);
const manifest = JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')) as CorpusManifest;

// 2. Queries: 7 term ids, 7 preferred terms, 6 definition words, spread over the corpus.
const built = new Set(readdirSync(path.join(dist, 'concepts')));
const publicConcepts = manifest.concepts.filter((c) => !manifest.private.some((p) => p.file === c.file) && /^[A-Z]{2}-\d{4}$/.test(c.termId));
const pick = (n: number, offset: number) =>
  Array.from({ length: n }, (_, i) => publicConcepts[Math.floor(((i + offset / 10) * publicConcepts.length) / n) % publicConcepts.length]);
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const words = ['gradient', 'latency', 'consensus', 'calibration', 'validator', 'avatar', 'torque', 'regularises', 'embeddings', 'mempool'];
const queries = [
  ...pick(7, 1).map((c) => c.termId),
  ...pick(7, 5)
    .filter((c) => built.has(slug(c.title)))
    .map((c) => c.title),
  ...words,
].slice(0, 20);
const firstQuery = pick(1, 3)[0].title;

// 3. Browser measurements.
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};
/** Static server like a real host: gzip for text types when the browser accepts it, files as-is otherwise. */
async function serveCompressed(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    let file = path.normalize(path.join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (file !== root && !file.startsWith(root + path.sep)) return void response.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end('not found');
    const type = TYPES[path.extname(file)];
    const gzip = type !== undefined && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, {
      'content-type': type ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : { 'content-length': statSync(file).size }),
    });
    const stream = createReadStream(file);
    if (gzip) stream.pipe(createGzip({ level: 6 })).pipe(response);
    else stream.pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
const server = await serveCompressed(dist);
const browser = await launchBrowser();

/** Installs a recorder: last `input` event time, and (next animation frame after) the first result row per query. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.kb-search__input')!;
    const listbox = document.querySelector<HTMLElement>('.kb-search [role="listbox"]')!;
    const state = { lastInput: 0, shown: {} as Record<string, number> };
    (window as unknown as { __kbBench: typeof state }).__kbBench = state;
    input.addEventListener(
      'input',
      () => {
        state.lastInput = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      const q = listbox.dataset.query;
      if (!q || q !== input.value.trim() || q in state.shown || !listbox.querySelector('[role="option"]')) return;
      const since = state.lastInput;
      state.shown[q] = -1;
      requestAnimationFrame(() => {
        state.shown[q] = performance.now() - since;
      });
    }).observe(listbox, { childList: true, attributes: true, attributeFilter: ['data-query'] });
  });
}

async function runQuery(page: Page, query: string): Promise<number> {
  await page.keyboard.type(query, { delay: 35 });
  const handle = await page.waitForFunction(
    (q) => {
      const v = (window as unknown as { __kbBench: { shown: Record<string, number> } }).__kbBench.shown[q];
      return v !== undefined && v >= 0 ? v : null;
    },
    query,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

const conceptUrl = `${server.url}concepts/${[...built].sort()[0]}/`;
const round = (n: number) => Math.round(n * 10) / 10;

interface Cold {
  q: string;
  ms: number;
  bytes: number;
  bytes_uncompressed: number;
  files: number;
  largest: string[];
}

/**
 * (b) A first query on a fresh context (cold cache): counts every response from the click into the
 * box (the reader starting to search) until the first result row is shown. Returns the page, warm.
 */
async function coldQuery(query: string): Promise<{ cold: Cold; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(conceptUrl, { waitUntil: 'networkidle' });
  const early: string[] = [];
  const fetched: { url: string; bytes: number; decoded: number }[] = [];
  const pending: Promise<void>[] = [];
  let counting = false;
  page.on('request', (request) => {
    if (!counting && request.url().includes('/pagefind/')) early.push(request.url());
  });
  page.on('requestfinished', (request) => {
    if (!counting) return;
    pending.push(
      (async () => {
        const sizes = await request.sizes();
        const body = await (await request.response())?.body();
        fetched.push({ url: new URL(request.url()).pathname, bytes: sizes.responseBodySize, decoded: body?.length ?? 0 });
      })(),
    );
  });
  await page.waitForTimeout(200);
  if (early.length > 0) log(`warning: Pagefind files were requested before the first interaction: ${early.join(', ')}`);
  await instrument(page);
  counting = true;
  await page.locator('.kb-search__input').click();
  const ms = await runQuery(page, query);
  counting = false;
  await Promise.all(pending);
  const cold: Cold = {
    q: query,
    ms: round(ms),
    bytes: fetched.reduce((sum, f) => sum + f.bytes, 0),
    bytes_uncompressed: fetched.reduce((sum, f) => sum + f.decoded, 0),
    files: fetched.length,
    largest: [...fetched]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4)
      .map((f) => `${f.url} ${f.bytes}`),
  };
  return { cold, page, close: () => context.close() };
}

// Cold first queries of each kind (term id, preferred term, word), each on its own fresh context.
const coldOthers: Cold[] = [];
for (const query of [pick(1, 7)[0].termId, 'gradient']) {
  const run = await coldQuery(query);
  coldOthers.push(run.cold);
  await run.close();
}
const first = await coldQuery(firstQuery);

// (a) latency for 20 queries on the page of the first query (now warm).
const page = first.page;
const times: number[] = [];
let exactFirst = 0;
const exactQueries = queries.filter((q) => !words.includes(q));
for (const query of queries) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.waitForTimeout(250);
  times.push(await runQuery(page, query));
  // Term ids and preferred terms must bring their concept first.
  const top = await page.evaluate(() => {
    const option = document.querySelector('.kb-search [role="option"]');
    return { title: option?.querySelector('.kb-search__title')?.textContent ?? '', id: option?.querySelector('.kb-search__id')?.textContent ?? '' };
  });
  if (exactQueries.includes(query) && (top.title === query || top.id === query)) exactFirst += 1;
  else if (exactQueries.includes(query)) log(`"${query}": first result is ${top.title} (${top.id})`);
}
await first.close();
await browser.close();
await server.close();

const sorted = [...times].sort((a, b) => a - b);
const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
console.log(
  JSON.stringify({
    pages,
    median_ms: round((sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2),
    first_query_bytes: first.cold.bytes,
    p90_ms: round(quantile(0.9)),
    max_ms: round(sorted[sorted.length - 1]),
    first_query: first.cold,
    other_cold_first_queries: coldOthers,
    exact_first: `${exactFirst}/${exactQueries.length}`,
    queries: queries.map((q, i) => ({ q, ms: round(times[i]) })),
    build_seconds: buildSeconds === null ? 'cached' : round(buildSeconds),
  }),
);
