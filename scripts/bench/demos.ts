// `npm run bench:demos [-- --site DIST] [--heights]`: the live demos in Chromium. Prints one JSON object:
//  - bundle: each demo's own JavaScript (its code-split chunk) and everything it loads beyond the boot script
//    (its chunk plus the shared chunks it imports), minified and gzipped, as esbuild splits src/demos/boot.ts;
//    and whether any demo chunk contains KaTeX (it must not: the neuron formula is typeset at build time);
//  - fps: animation frames per second while each demo trains at its default settings (1280×900 page),
//    and with nothing training (idle), measured over 3 s each;
//  - layout: for each demo at 360 and 1280 px wide, the height of its box with the static figure and the
//    largest height of the live demo while it runs (they should be equal: the figure reserves the live size);
//  - cls: cumulative layout shift (PerformanceObserver 'layout-shift', without input) while a reader scrolls
//    through a page of all demos with text between them, at 360 and 1280 px; with --site DIST also for every
//    page of a built site that embeds a demo.
// --heights instead sweeps container widths from 280 to 1100 px and prints, per demo, the live height at each
// width and the reserved heights that demos.css should hold (max live height per width band, plus a margin).

import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { DEMO_NAMES, type DemoName } from '../../src/demos/params.ts';
import { launchBrowser, serveDir } from '../lib/browser.ts';
import { buildDemoHarness } from '../lib/demo-harness.ts';

const { values } = parseArgs({ options: { site: { type: 'string' }, heights: { type: 'boolean', default: false } } });
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const log = (message: string): void => void process.stderr.write(`bench:demos: ${message}\n`);
const gz = (bytes: Uint8Array): number => gzipSync(bytes).byteLength;

// ---------- bundle sizes ----------

async function bundleSizes(): Promise<Record<string, unknown>> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/demos/boot.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: path.join(ROOT, 'node_modules/.cache/kb-bench-demos'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    target: 'es2022',
    absWorkingDir: ROOT,
  });
  // Output files carry absolute paths; the metafile names outputs and inputs relative to the working directory.
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const abs = (p: string): string => path.resolve(p);
  const outputs = new Map(Object.entries(result.metafile.outputs).map(([p, o]) => [abs(p), o]));
  const byEntry = new Map([...outputs].filter(([, o]) => o.entryPoint).map(([p, o]) => [path.relative(ROOT, abs(o.entryPoint ?? '')), p]));
  const staticImports = (file: string, seen = new Set<string>()): Set<string> => {
    for (const i of outputs.get(file)?.imports ?? []) {
      const target = abs(i.path);
      if (i.kind === 'import-statement' && !seen.has(target)) {
        seen.add(target);
        staticImports(target, seen);
      }
    }
    return seen;
  };
  const boot = byEntry.get('src/demos/boot.ts') ?? '';
  const bootClosure = new Set([boot, ...staticImports(boot)]);
  const demos: Record<string, { own_gz: number; loaded_gz: number; katex: boolean }> = {};
  for (const name of DEMO_NAMES) {
    const own = byEntry.get(`src/demos/${name}.ts`) ?? '';
    const loaded = [own, ...staticImports(own)].filter((f) => !bootClosure.has(f) || f === own);
    const inputs = loaded.flatMap((f) => Object.keys(outputs.get(f)?.inputs ?? {}));
    demos[name] = {
      own_gz: gz(files.get(own) ?? new Uint8Array()),
      loaded_gz: loaded.reduce((sum, f) => sum + gz(files.get(f) ?? new Uint8Array()), 0),
      katex: inputs.some((i) => i.includes('node_modules/katex')),
    };
  }
  return {
    boot_gz: [...bootClosure].reduce((sum, f) => sum + gz(files.get(f) ?? new Uint8Array()), 0),
    demos,
    largest_own_gz: Math.max(...Object.values(demos).map((d) => d.own_gz)),
  };
}

// ---------- browser helpers ----------

const NAVIGATION = (name: DemoName) => `#demo-${name}`;

async function mounted(page: Page, name: DemoName): Promise<void> {
  await page.locator(NAVIGATION(name)).scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => document.querySelector(`#demo-${n}`)?.getAttribute('data-mounted') === 'true', name, { timeout: 20_000 });
}

/** Starts a demo's default activity: Play/Train where there is one; quantisation and pruning train on load; LoRA pre-trains on load, then adapts. */
async function start(page: Page, name: DemoName): Promise<void> {
  const el = page.locator(NAVIGATION(name));
  const label: Partial<Record<DemoName, string>> = {
    playground: 'Play',
    'linear-regression': 'Train',
    'learning-rate': 'Train',
    initialisation: 'Train all four',
  };
  if (label[name]) await el.getByRole('button', { name: label[name], exact: true }).click();
  if (name === 'neuron') await el.getByRole('button', { name: 'Learn: 20 steps' }).click();
}

/** Starts the demo and waits until it has shown everything it shows (summaries after training, adaptation under way). */
async function startAndSettle(page: Page, name: DemoName): Promise<void> {
  await start(page, name);
  if (name === 'quantisation' || name === 'pruning')
    await page.waitForFunction((n) => document.querySelector(`#demo-${n}`)?.getAttribute('data-state') === 'ready', name, { timeout: 60_000 });
  if (name === 'lora') await adaptLora(page);
  await page.waitForTimeout(2500);
}

async function adaptLora(page: Page): Promise<void> {
  const adapt = page.locator(NAVIGATION('lora')).getByRole('button', { name: 'Adapt', exact: true });
  await page.waitForFunction(() => !document.querySelector('#demo-lora button[aria-pressed]')?.hasAttribute('disabled'), undefined, { timeout: 30_000 });
  await adapt.click();
}

function framesPerSecond(page: Page, ms = 3000): Promise<number> {
  return page.evaluate(
    (duration) =>
      new Promise<number>((done) => {
        let frames = 0;
        const begin = performance.now();
        const tick = (now: number): void => {
          frames++;
          if (now - begin < duration) requestAnimationFrame(tick);
          else done(Math.round(((frames * 1000) / (now - begin)) * 10) / 10);
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

async function newPage(browser: Browser, url: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  // tsx compiles this file keeping function names, which wraps named functions inside page.evaluate
  // callbacks in a __name() helper that the page does not have: give it one.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.addInitScript(() => {
    const w = window as unknown as { kbShifts: number[] };
    w.kbShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!entry.hadRecentInput) w.kbShifts.push(entry.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  return page;
}

/** Scrolls like a reader with a mouse wheel, 120 px every 150 ms, to the end; returns the summed layout shift. */
async function scrollThrough(page: Page): Promise<number> {
  await page.mouse.move(100, 300);
  for (let guard = 0; guard < 2000; guard++) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    if (atEnd) break;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(1500);
  return page.evaluate(() => Math.round((window as unknown as { kbShifts: number[] }).kbShifts.reduce((s, v) => s + v, 0) * 10000) / 10000);
}

const boxHeight = (page: Page, name: DemoName): Promise<number> =>
  page.evaluate((n) => Math.round((document.querySelector(`#demo-${n}`)?.getBoundingClientRect().height ?? 0) * 10) / 10, name);

// ---------- measurements ----------

async function layoutAndFps(browser: Browser, url: string): Promise<{ layout: Record<string, unknown>; fps: Record<string, number> }> {
  const layout: Record<string, Record<string, { figure: number; live_max: number }>> = {};
  const fps: Record<string, number> = {};
  for (const width of [360, 1280]) {
    for (const name of DEMO_NAMES) {
      const page = await newPage(browser, url, width);
      const figure = await boxHeight(page, name);
      await mounted(page, name);
      if (width === 1280 && fps.idle === undefined) fps.idle = await framesPerSecond(page);
      await start(page, name);
      let live = await boxHeight(page, name);
      const sample = async (ms: number): Promise<void> => {
        for (const end = Date.now() + ms; Date.now() < end; ) {
          live = Math.max(live, await boxHeight(page, name));
          await page.waitForTimeout(100);
        }
      };
      if (width === 1280) {
        if (name === 'lora') {
          fps.lora_pretraining = await framesPerSecond(page, 2000);
          await adaptLora(page);
        }
        fps[name] = await framesPerSecond(page);
      } else if (name === 'lora') {
        await sample(2000);
        await adaptLora(page);
      }
      await sample(3000);
      (layout[name] ??= {})[String(width)] = { figure, live_max: live };
      await page.close();
    }
  }
  return { layout, fps };
}

async function cumulativeShift(browser: Browser, url: string): Promise<Record<string, number>> {
  const cls: Record<string, number> = {};
  for (const width of [360, 1280]) {
    const page = await newPage(browser, url, width);
    cls[`harness_${width}`] = await scrollThrough(page);
    await page.close();
  }
  return cls;
}

async function siteShift(browser: Browser, dist: string): Promise<Record<string, number>> {
  const pages: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (entry === 'index.html' && readFileSync(file, 'utf8').includes('data-demo=')) pages.push(path.relative(dist, dir));
    }
  };
  walk(dist);
  const server = await serveDir(dist);
  const cls: Record<string, number> = {};
  try {
    for (const width of [360, 1280]) {
      for (const page of pages.sort()) {
        const tab = await newPage(browser, `${server.url}${page ? `${page}/` : ''}`, width);
        cls[`${page || '/'} @${width}`] = await scrollThrough(tab);
        await tab.close();
      }
    }
  } finally {
    await server.close();
  }
  return cls;
}

/** --heights: the static figure's and the live demo's natural heights at container widths 280…1100 px. */
async function sweepHeights(browser: Browser, url: string): Promise<Record<string, Record<number, { figure: number; live: number }>>> {
  const widths = Array.from({ length: 83 }, (_, i) => 280 + 10 * i);
  const measure = (page: Page, name: DemoName): Promise<number[]> =>
    page.evaluate(
      async ({ n, ws }) => {
        const el = document.querySelector<HTMLElement>(`#demo-${n}`);
        const inner = el?.firstElementChild as HTMLElement | null;
        if (!el || !inner) return [];
        const result: number[] = [];
        for (const w of ws) {
          el.style.width = `${w + 26}px`; // content width w plus padding and border
          el.style.maxWidth = 'none';
          inner.style.minHeight = '0';
          await new Promise((done) => requestAnimationFrame(done));
          result.push(Math.ceil(inner.getBoundingClientRect().height));
        }
        el.style.width = el.style.maxWidth = inner.style.minHeight = '';
        return result;
      },
      { n: name, ws: widths },
    );
  const out: Record<string, Record<number, { figure: number; live: number }>> = {};
  for (const name of DEMO_NAMES) {
    const page = await newPage(browser, url, 1280);
    await page.addStyleTag({ content: 'body { max-width: none !important; }' });
    const figure = await measure(page, name);
    await mounted(page, name);
    await startAndSettle(page, name);
    const live = await measure(page, name);
    out[name] = Object.fromEntries(widths.map((w, i) => [w, { figure: figure[i], live: live[i] }]));
    await page.close();
  }
  return out;
}

/**
 * demos.css rules from a sweep: bands of container widths in which the needed height (the larger of figure
 * and live demo) varies by at most SLACK px; each band reserves its largest height plus MARGIN px.
 */
const SLACK = 48,
  MARGIN = 20;
function reservationCss(sweep: Record<string, Record<number, { figure: number; live: number }>>): string {
  const rules: string[] = [];
  for (const [name, byWidth] of Object.entries(sweep)) {
    const widths = Object.keys(byWidth)
      .map(Number)
      .sort((a, b) => a - b);
    const need = (w: number): number => Math.max(byWidth[w].figure, byWidth[w].live);
    const bands: number[][] = [];
    for (const w of widths) {
      const band = bands[bands.length - 1];
      const heights = band ? [...band, w].map(need) : [];
      if (band && Math.max(...heights) - Math.min(...heights) <= SLACK) band.push(w);
      else bands.push([w]);
    }
    bands.forEach((band, i) => {
      const rule = `.kb-demo[data-demo='${name}'] > * { min-height: ${Math.max(...band.map(need)) + MARGIN}px; }`;
      rules.push(i === 0 ? `  ${rule}` : `  @container kb-demo (min-width: ${band[0]}px) { ${rule} }`);
    });
  }
  return `@media (scripting: enabled) {\n${rules.join('\n')}\n}`;
}

// ---------- run ----------

const dir = await buildDemoHarness(
  DEMO_NAMES.map((name) => ({ name })),
  { spacerPx: 1200, paragraphs: 6 },
);
const server = await serveDir(dir);
const browser = await launchBrowser();
try {
  if (values.heights) {
    log('sweeping container widths…');
    const heights = await sweepHeights(browser, server.url);
    process.stdout.write(
      `${JSON.stringify({ unit: 'px: heights by container width; css: the reservations for demos.css', heights, css: reservationCss(heights) })}\n`,
    );
  } else {
    log('bundling…');
    const bundle = await bundleSizes();
    log('layout and frame rates (about two minutes)…');
    const { layout, fps } = await layoutAndFps(browser, server.url);
    log('layout shift while scrolling…');
    const cls = await cumulativeShift(browser, server.url);
    if (values.site) Object.assign(cls, await siteShift(browser, path.resolve(values.site)));
    process.stdout.write(
      `${JSON.stringify({
        unit: 'bytes (gzipped), frames per second, px, cumulative layout shift',
        bundle,
        fps,
        layout,
        cls,
      })}\n`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
