// End-to-end specification of the live demos in Chromium: lazy mounting over the static fallbacks into the same
// box (nothing on the page moves), every demo training visibly at its default pace, controls that change the
// model, visible divergence, URL sharing, both themes and a 360 px screen, axe-core with the demos running, and
// no console or page errors. Frame rates are measured by `npm run bench:demos`, not here.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { buildDemoHarness } from '../../scripts/lib/demo-harness.ts';
import { LEARNING_RATE_PRESETS } from '../../src/demos/experiments.ts';
import { DEMO_NAMES, type DemoName } from '../../src/demos/registry.ts';

const SPACER_PX = 3000;
const TIMEOUT = { timeout: 20_000 };

let dir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const errors: string[] = [];
const requested: string[] = [];

const demoIn = (p: Page, name: DemoName): Locator => p.locator(`#demo-${name}`);
const demo = (name: DemoName): Locator => demoIn(page, name);
const numberAttribute = async (el: Locator, attribute: string): Promise<number> => Number(await el.getAttribute(attribute));
const loss = (name: DemoName): Promise<number> => numberAttribute(demo(name), 'data-loss');

async function mountedIn(p: Page, name: DemoName): Promise<Locator> {
  const el = demoIn(p, name);
  await el.scrollIntoViewIfNeeded();
  await expect.poll(() => el.getAttribute('data-mounted'), TIMEOUT).toBe('true');
  return el;
}
const mounted = (name: DemoName): Promise<Locator> => mountedIn(page, name);

async function openPage(width: number, theme: 'light' | 'dark' = 'light'): Promise<Page> {
  const p = await browser.newPage({ viewport: { width, height: 900 } });
  const own = collectConsoleErrors(p);
  p.on('close', () => errors.push(...own));
  await p.goto(server.url);
  await p.evaluate((t) => {
    document.documentElement.dataset.theme = t;
  }, theme);
  return p;
}

/** Starts what each demo does by default: Play/Train, or nothing for the demos that train on load. */
async function start(el: Locator, name: DemoName): Promise<void> {
  const label: Partial<Record<DemoName, string>> = {
    playground: 'Play',
    'linear-regression': 'Train',
    'learning-rate': 'Train',
    initialisation: 'Train all four',
  };
  if (label[name]) await el.getByRole('button', { name: label[name], exact: true }).click();
  if (name === 'neuron') await el.getByRole('button', { name: 'Learn: 1 gradient step' }).click();
  if (name === 'lora') {
    const adapt = el.getByRole('button', { name: 'Adapt', exact: true });
    await expect.poll(() => adapt.isEnabled(), { timeout: 60_000 }).toBe(true);
    await adapt.click();
  }
}

/** Waits until a started demo shows what it shows while working: trained (demos that train on load), adapting, or changed. */
async function settle(el: Locator, name: DemoName, before: string): Promise<void> {
  if (name === 'pruning' || name === 'quantisation') await expect.poll(() => el.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
  else if (name === 'lora') await expect.poll(() => numberAttribute(el, 'data-steps'), TIMEOUT).toBeGreaterThan(0);
  else await expect.poll(() => snapshot(el), TIMEOUT).not.toBe(before);
}

/** What changes while a demo trains: epochs, steps or the loss (and the status text). */
const snapshot = (el: Locator): Promise<string> =>
  el.evaluate((node) => {
    const d = (node as HTMLElement).dataset;
    return [d.epoch, d.steps, d.loss, d.lossHe, node.querySelector('.kb-demo-status')?.textContent].join('|');
  });

beforeAll(async () => {
  dir = await buildDemoHarness(
    DEMO_NAMES.map((name) => ({ name })),
    { spacerPx: SPACER_PX },
  );
  server = await serveDir(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const own = collectConsoleErrors(page);
  page.on('close', () => errors.push(...own));
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(server.url);
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('mounting', () => {
  it('keeps the static fallbacks and loads no demo code until a demo scrolls into view', async () => {
    for (const name of DEMO_NAMES) {
      await expect.poll(() => demo(name).locator('.kb-demo-fallback svg').count()).toBe(1);
      expect(await demo(name).getAttribute('data-mounted')).toBeNull();
    }
    expect(requested.some((url) => /\/(neuron|playground|pruning|quantisation|lora)-[^/]*\.js$/.test(url))).toBe(false);
  });

  it('mounts each demo when it becomes visible, replacing the fallback', async () => {
    for (const name of DEMO_NAMES) {
      const el = await mounted(name);
      expect(await el.locator('.kb-demo-fallback').count()).toBe(0);
      expect(await el.locator('.kb-demo-status').textContent()).not.toBe('');
    }
    expect(requested.some((url) => /\/playground-[^/]*\.js$/.test(url))).toBe(true);
  });

  it('says "The interactive version needs JavaScript" only where there is none', async () => {
    const p = await openPage(1280);
    expect(await p.locator('.kb-demo-nojs').first().isVisible()).toBe(false);
    await p.close();
    const noScript = await browser.newPage({ javaScriptEnabled: false });
    await noScript.goto(server.url);
    expect(await noScript.locator('.kb-demo-nojs').first().isVisible()).toBe(true);
    await noScript.close();
  });
});

describe.each([360, 1280])('at %i px', (width) => {
  it.each(DEMO_NAMES)('%s: the live demo takes exactly the box of its static figure, and keeps it while running', async (name) => {
    const p = await openPage(width);
    const el = demoIn(p, name);
    const before = (await el.boundingBox())?.height;
    await mountedIn(p, name);
    const mountedState = await snapshot(el);
    await start(el, name);
    await settle(el, name, mountedState);
    expect((await el.boundingBox())?.height).toBeCloseTo(before ?? NaN, 0);
    // nothing sticks out sideways on a small screen
    expect(await el.evaluate((node) => node.scrollWidth <= node.clientWidth + 1)).toBe(true);
    await p.close();
  });
});

describe('every demo trains visibly at its default pace', () => {
  it.each(DEMO_NAMES.filter((n) => n !== 'neuron'))('%s: its state differs between two moments at least a second apart', async (name) => {
    const p = await openPage(1280);
    const el = await mountedIn(p, name);
    await start(el, name);
    const first = await snapshot(el);
    const startedAt = await p.evaluate(() => performance.now());
    await p.waitForFunction((t) => performance.now() - t >= 1000, startedAt); // the second moment: a second later at least
    await expect.poll(() => snapshot(el), TIMEOUT).not.toBe(first);
    await p.close();
  });

  it('the playground forms its boundary at a watchable pace: a few epochs a second, not thousands', async () => {
    const p = await openPage(1280);
    const el = await mountedIn(p, 'playground');
    await el.getByRole('button', { name: 'Play' }).click();
    const rate = await el.evaluate(async (node) => {
      const epoch = (): number => Number((node as HTMLElement).dataset.epoch);
      const t0 = performance.now(),
        e0 = epoch();
      await new Promise<void>((done) => {
        const check = (): void => {
          if (performance.now() - t0 >= 2000 && epoch() > e0) done();
          else requestAnimationFrame(check);
        };
        check();
      });
      return (epoch() - e0) / ((performance.now() - t0) / 1000);
    });
    // circles by default: 2 steps per frame, 20 steps per epoch → at most 6 epochs a second at 60 frames per second
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(7);
    expect(await el.locator('.kb-pg-epoch-value').textContent()).toMatch(/^\d{3},\d{3}$/);
    await p.close();
  });
});

describe('accessibility and themes', () => {
  it.each([1280, 360])('running demos have no WCAG 2 A/AA violations (axe-core) in the light and the dark theme at %i px', async (width) => {
    const p = await openPage(width);
    for (const name of DEMO_NAMES) await start(await mountedIn(p, name), name);
    await p.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    for (const theme of ['light', 'dark']) {
      await p.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      const violations = await p.evaluate(async () => {
        // axe is the global installed by the script tag above
        const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } })
          .axe;
        const result = await axe.run({ include: [['.kb-demo']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, theme).toEqual([]);
    }
    await p.close();
  });

  it('canvas drawings follow the theme: the playground is redrawn in the dark palette', async () => {
    const p = await openPage(1280, 'dark');
    const el = await mountedIn(p, 'playground');
    const corner = await el
      .locator('canvas.kb-demo-canvas')
      .first()
      .evaluate((c) => [...(c as HTMLCanvasElement).getContext('2d')!.getImageData(2, 2, 1, 1).data].slice(0, 3));
    expect(corner.reduce((a, b) => a + b, 0)).toBeLessThan(3 * 128); // a dark surface, not the light one
    await p.close();
  });
});

describe('neuron', () => {
  it('keeps the neuron diagram and the build-time KaTeX formula; numbers follow the sliders', async () => {
    const el = await mounted('neuron');
    expect(await el.locator('.kb-demo-neuron svg').count()).toBe(1);
    expect(await el.locator('.kb-demo-formula .katex').count()).toBe(1);
    const before = await el.locator('.kb-demo-output').textContent();
    await el.getByLabel('Weight 1').fill('-2');
    expect(await el.locator('.kb-demo-output').textContent()).not.toBe(before);
    expect(await el.locator('.kb-demo-substituted').textContent()).toContain('(−2.00)');
    expect(await el.locator('.kb-demo-neuron svg').getAttribute('aria-label')).toContain(`output ${await el.locator('.kb-demo-output').textContent()}`);
  });
  it('gradient steps reduce the squared error towards the target', async () => {
    const el = await mounted('neuron');
    const before = await loss('neuron');
    await el.getByRole('button', { name: 'Learn: 20 steps' }).click();
    expect(await loss('neuron')).toBeLessThan(before);
  });
  it('the formula fits its box at 360 px', async () => {
    const p = await openPage(360);
    const el = await mountedIn(p, 'neuron');
    expect(await el.locator('.kb-demo-formula').evaluate((f) => f.scrollWidth <= f.clientWidth + 1)).toBe(true);
    expect(await el.locator('.kb-demo-substituted').evaluate((f) => f.scrollWidth <= f.clientWidth + 1)).toBe(true);
    await p.close();
  });
});

describe('linear-regression', () => {
  it('training by gradient descent lowers the loss', async () => {
    const el = await mounted('linear-regression');
    const before = await loss('linear-regression');
    await el.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => loss('linear-regression'), TIMEOUT).toBeLessThan(before * 0.5);
    await el.getByRole('button', { name: 'Pause' }).click();
  });
  it('the w slider moves the line and changes the loss', async () => {
    const el = await mounted('linear-regression');
    await el.getByRole('button', { name: 'Reset' }).click();
    const before = await loss('linear-regression');
    await el.getByLabel('w (slope)').fill('2');
    expect(await loss('linear-regression')).toBeLessThan(before);
    expect(await el.locator('.kb-demo-status').textContent()).toContain('w = 2.000');
  });
  it('the loss surface caption says what its colours mean in either theme, and the surface carries a scale', async () => {
    const el = await mounted('linear-regression');
    expect(await el.locator('figcaption').nth(1).textContent()).toContain('the greener, the lower');
    expect(await el.locator('figcaption').nth(1).textContent()).not.toContain('darker');
  });
});

describe('learning-rate', () => {
  it('has exactly the presets too small, good, oscillating and diverging', async () => {
    const el = await mounted('learning-rate');
    const presets = await el.locator('.kb-demo-control .kb-demo-actions button').allTextContents();
    expect(presets).toEqual(LEARNING_RATE_PRESETS.map((q) => `${q.name} (${q.lr})`));
  });
  it('a good learning rate lowers the loss', async () => {
    const el = await mounted('learning-rate');
    await el.getByRole('button', { name: 'good (0.3)' }).click();
    const before = await loss('learning-rate');
    await el.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => loss('learning-rate'), TIMEOUT).toBeLessThan(before * 0.5);
    await el.getByRole('button', { name: 'Pause' }).click();
  });
  it('the oscillating preset says that b overshoots', async () => {
    const el = await mounted('learning-rate');
    await el.getByRole('button', { name: 'oscillating (0.9)' }).click();
    await el.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => el.locator('.kb-demo-status').textContent(), TIMEOUT).toMatch(/b overshoots the minimum: its update has changed sign \d+ times/);
    await el.getByRole('button', { name: 'Pause' }).click();
  });
  it('the diverging preset diverges: a text status says so, training stops, reset recovers', async () => {
    const el = await mounted('learning-rate');
    await el.getByRole('button', { name: 'diverging (1.5)' }).click();
    await el.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => el.getAttribute('data-state'), TIMEOUT).toBe('diverged');
    expect(await el.locator('.kb-demo-status').textContent()).toContain('Diverged: loss became infinite/NaN');
    expect(await el.getByRole('button', { name: 'Train' }).getAttribute('aria-pressed')).toBe('false');
    await el.getByRole('button', { name: 'Reset' }).click();
    expect(await el.getAttribute('data-state')).toBe('paused');
    expect(Number.isFinite(await loss('learning-rate'))).toBe(true);
  });
});

describe('playground', () => {
  it('trains: the loss decreases while playing', async () => {
    const el = await mounted('playground');
    const before = await loss('playground');
    await el.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => loss('playground'), TIMEOUT).toBeLessThan(before * 0.8);
    await el.getByRole('button', { name: 'Pause' }).click();
  });

  it('lays out data and features | network | output side by side on a wide screen, with a heat map on every neuron', async () => {
    const p = await openPage(1280);
    const el = await mountedIn(p, 'playground');
    const columns = await el.locator('.kb-pg-column').evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().top)));
    expect(new Set(columns).size).toBe(1); // one row of three
    // circles by default: 2 inputs, 4 + 4 hidden, 1 output
    expect(await el.locator('.kb-pg-node').count()).toBe(2 + 4 + 4 + 1);
    await p.close();
  });

  it('input features are toggles: adding x₁² adds an input node; the last one cannot be removed', async () => {
    const el = await mounted('playground');
    const x1sq = el.getByRole('button', { name: 'Input feature x₁²' });
    expect(await x1sq.getAttribute('aria-pressed')).toBe('false');
    const nodes = await el.locator('.kb-pg-node').count();
    await x1sq.click();
    expect(await x1sq.getAttribute('aria-pressed')).toBe('true');
    expect(await el.locator('.kb-pg-node').count()).toBe(nodes + 1);
    await x1sq.click();
    await el.getByRole('button', { name: 'Input feature x₂', exact: true }).click();
    const x1 = el.getByRole('button', { name: 'Input feature x₁', exact: true });
    await x1.click();
    expect(await x1.getAttribute('aria-pressed')).toBe('true');
    expect(await el.locator('.kb-demo-status').textContent()).toContain('at least one input feature');
    await el.getByRole('button', { name: 'Input feature x₂', exact: true }).click();
  });

  it('choosing a data set loads settings that learn it (spirals: sine features, two layers of 8, 10 steps per frame)', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Data set').selectOption('spirals');
    expect(await el.getByRole('button', { name: 'Input feature sin x₁' }).getAttribute('aria-pressed')).toBe('true');
    expect(await el.getByLabel('Neurons per layer').inputValue()).toBe('8');
    expect(await el.getByLabel('Speed').inputValue()).toBe('10');
    await el.getByLabel('Data set').selectOption('circles');
    expect(await el.getByLabel('Speed').inputValue()).toBe('2');
  });

  it('the speed control sets steps per frame', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Speed').selectOption('20');
    await el.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => el.locator('.kb-demo-status').textContent(), TIMEOUT).toContain('20 steps per frame');
    await el.getByRole('button', { name: 'Pause' }).click();
    await el.getByLabel('Speed').selectOption('2');
  });

  it('reports divergence and stops when the weights blow up (linear activation, learning rate 10, 8 layers of 8)', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Hidden layers').fill('8');
    await el.getByLabel('Neurons per layer').fill('8');
    await el.getByLabel('Learning rate').selectOption('10');
    await el.getByLabel('Activation').selectOption('linear'); // (ReLU networks die at this rate rather than diverge)
    await el.getByLabel('Speed').selectOption('100');
    await el.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => el.getAttribute('data-state'), TIMEOUT).toBe('diverged');
    expect(await el.locator('.kb-demo-status').textContent()).toContain('Diverged: loss became infinite/NaN');
    await el.getByRole('button', { name: 'Reset' }).click();
    expect(await el.getAttribute('data-state')).toBe('paused');
    await el.getByLabel('Speed').selectOption('2');
  });

  it('controls change the model: fewer layers redraw the network; a weight can be read, edited and zeroed by mouse or keyboard', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Activation').selectOption('tanh');
    await el.getByLabel('Learning rate').selectOption('0.1');
    await el.getByLabel('Hidden layers').fill('0');
    expect(await el.locator('.kb-demo-network .kb-demo-edge').count()).toBe(2);
    await el.getByLabel('Hidden layers').fill('1');
    await el.getByLabel('Neurons per layer').fill('3');
    expect(await el.locator('.kb-demo-network .kb-demo-edge').count()).toBe(2 * 3 + 3 * 1);
    const edge = el.locator('.kb-demo-network .kb-demo-edge').first();
    expect(await edge.locator('title').textContent()).toMatch(/^weight from input 1 to layer 1 neuron 1: -?\d+\.\d{3}$/);
    await edge.click();
    await el.getByRole('button', { name: 'Zero it' }).click();
    expect(await edge.getAttribute('class')).toContain('zero');
    expect(await edge.locator('title').textContent()).toMatch(/: 0\.000$/);
    // keyboard: next weight, type a value
    await el.getByRole('button', { name: 'Next weight' }).focus();
    await page.keyboard.press('Enter');
    await el.getByLabel('Value').fill('1.5');
    await el.getByLabel('Value').press('Enter');
    expect(await el.locator('.kb-demo-network .kb-demo-edge').nth(1).locator('title').textContent()).toMatch(/: 1\.500$/);
  });

  it('Copy link puts the settings in the URL hash, and opening that link restores them', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Data set').selectOption('xor');
    await el.getByLabel('Learning rate').selectOption('0.3');
    await el.getByRole('button', { name: 'Input feature x₁x₂' }).click();
    await el.getByRole('button', { name: 'Copy link' }).click();
    const url = page.url();
    expect(url).toContain('#demo-playground=');
    expect(url).toContain('lr:0.3');
    expect(url).toContain('dataset:xor');
    expect(url).toContain('features:x1-x2-x1x2');
    const second = await browser.newPage();
    const secondErrors = collectConsoleErrors(second);
    await second.goto(url);
    const restored = await mountedIn(second, 'playground');
    expect(await restored.getByLabel('Learning rate').inputValue()).toBe('0.3');
    expect(await restored.getByLabel('Data set').inputValue()).toBe('xor');
    expect(await restored.getByRole('button', { name: 'Input feature x₁x₂' }).getAttribute('aria-pressed')).toBe('true');
    await second.close();
    expect(secondErrors).toEqual([]);
  });
});

describe('pruning', () => {
  it('trains on load (the loss falls), then pruning most weights lowers the accuracy', async () => {
    const el = await mounted('pruning');
    await expect.poll(() => el.getAttribute('data-state'), TIMEOUT).toBe('ready');
    const trainedAccuracy = Number(await el.getAttribute('data-accuracy'));
    expect(trainedAccuracy).toBeGreaterThan(0.8);
    expect(await loss('pruning')).toBeLessThan(0.5);
    await el.getByLabel('Prune smallest weights').fill('95');
    expect(Number(await el.getAttribute('data-accuracy'))).toBeLessThan(trainedAccuracy);
    await el.getByLabel('Prune smallest weights').fill('0');
    expect(Number(await el.getAttribute('data-accuracy'))).toBe(trainedAccuracy);
  });
  it('finds the super weight; zeroing it raises the loss and restoring undoes it', async () => {
    const el = await mounted('pruning');
    const base = await loss('pruning');
    await el.getByRole('button', { name: 'Find the super weight' }).click();
    expect(await el.locator('.kb-demo-status').textContent()).toMatch(/^Super weight: weight from .+ raises the training loss/);
    await el.getByRole('button', { name: 'Zero the super weight' }).click();
    expect(await loss('pruning')).toBeGreaterThan(base);
    await el.getByRole('button', { name: 'Restore the super weight' }).click();
    expect(await loss('pruning')).toBe(base);
  });
});

describe('initialisation', () => {
  it('trains all four at a pace; zeros keeps identical hidden units and a flat loss while the others learn; one shared y-scale', async () => {
    const el = await mounted('initialisation');
    const start = Number(await el.getAttribute('data-loss-he'));
    await el.getByRole('button', { name: 'Train all four' }).click();
    await expect.poll(async () => Number(await el.getAttribute('data-loss-he')), { timeout: 30_000 }).toBeLessThan(start * 0.5);
    await el.getByRole('button', { name: 'Pause' }).click();
    // zeros can only learn the output bias (the class balance): its loss stays near ln 2 ≈ 0.69
    expect(Number(await el.getAttribute('data-loss-zeros'))).toBeGreaterThan(0.6);
    expect(Number(await el.getAttribute('data-loss-he'))).toBeLessThan(0.4);
    expect(await el.getByText('All hidden units identical.').count()).toBe(1);
    // the shared scale spans every chart's losses
    const [low, high] = (await el.getAttribute('data-loss-range'))?.split(' ').map(Number) ?? [];
    for (const init of ['zeros', 'he']) {
      const value = Number(await el.getAttribute(`data-loss-${init}`));
      expect(value).toBeGreaterThanOrEqual(low);
      expect(value).toBeLessThanOrEqual(high);
    }
  });
});

describe('quantisation', () => {
  it('trains on load, then fewer bits cost accuracy and per-channel scales win some back', async () => {
    const el = await mounted('quantisation');
    await expect.poll(() => el.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    const accuracy = (): Promise<number> => numberAttribute(el, 'data-accuracy');
    const size = (): Promise<number> => numberAttribute(el, 'data-bytes');
    await el.getByLabel('Bits', { exact: true }).selectOption('8');
    const eightBit = { accuracy: await accuracy(), bytes: await size() };
    await el.getByLabel('Bits', { exact: true }).selectOption('2');
    expect(await size()).toBeLessThan(eightBit.bytes);
    expect(await accuracy()).toBeLessThan(eightBit.accuracy);
    const perTensor = await accuracy();
    await el.getByLabel('Scales', { exact: true }).selectOption('channel');
    expect(await accuracy()).toBeGreaterThan(perTensor);
    expect(await el.locator('.kb-demo-note').textContent()).toMatch(/int2 symmetric, one scale per output channel: [\d.]+ bits per weight/);
  });
  it('MXFP4 disables the integer settings and reports about 4.25 bits per weight', async () => {
    const el = await mounted('quantisation');
    await el.getByLabel('Format', { exact: true }).selectOption('mxfp4');
    expect(await el.getByLabel('Bits', { exact: true }).isDisabled()).toBe(true);
    expect(await el.locator('.kb-demo-note').textContent()).toMatch(/^MXFP4 .*: 4\.\d\d bits per weight/);
    await el.getByLabel('Format', { exact: true }).selectOption('int');
  });
  it('the histogram can show any layer, and the link keeps the scheme', async () => {
    const el = await mounted('quantisation');
    await el.getByLabel('Histogram of', { exact: true }).selectOption('1');
    expect(await el.locator('figcaption').first().textContent()).toContain('Layer 2 weights');
    await el.getByRole('button', { name: 'Copy link' }).click();
    expect(page.url()).toMatch(/#.*demo-quantisation=.*scales:channel/);
  });
});

describe('lora', () => {
  it('pre-trains on load, then adapting lifts accuracy on the shifted task; the rank slider picks the update shown', async () => {
    const el = await mounted('lora');
    const adapt = el.getByRole('button', { name: 'Adapt', exact: true });
    await expect.poll(() => adapt.isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await el.locator('.kb-demo-status').textContent()).toContain('press Adapt');
    await adapt.click();
    await expect.poll(() => numberAttribute(el, 'data-accuracy'), { timeout: 60_000 }).toBeGreaterThan(0.85);
    await el.getByRole('button', { name: 'Pause' }).click();
    await el.getByLabel('Rank r').fill('4');
    expect(await el.locator('figcaption').nth(1).textContent()).toMatch(/^LoRA, rank 4: \d+ trainable parameters$/);
    expect(await el.locator('.kb-demo-note').textContent()).toMatch(/LoRA rank 4 \(\d+ parameters, \d+% of all\) \d+%; full fine-tuning \(1,249\) \d+%/);
  });
  it('Reset starts the adaptation again from the pre-trained network', async () => {
    const el = await mounted('lora');
    await el.getByRole('button', { name: 'Reset' }).click();
    expect(await el.getAttribute('data-steps')).toBe('0');
  });
});

describe('console', () => {
  it('no console errors or uncaught page errors happened', async () => {
    await page.close();
    expect(errors).toEqual([]);
  });
});
