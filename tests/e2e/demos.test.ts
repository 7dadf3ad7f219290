// End-to-end specification of the live demos in Chromium: lazy mounting over the static fallbacks,
// training that lowers the loss, controls that change the model, visible divergence, URL sharing,
// frame rate while the playground trains, and no console or page errors.

import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NAMES } from '../../src/demos/registry.ts';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { buildDemoHarness } from './helpers/demo-harness.ts';

const SPACER_PX = 3000;

let dir: string;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let errors: string[];
const requested: string[] = [];
/** Frame rates measured in this run, printed at the end for the report. */
const measuredFps: Record<string, number> = {};

const demo = (name: string): Locator => page.locator(`#demo-${name}`);
const loss = async (name: string): Promise<number> => Number(await demo(name).getAttribute('data-loss'));

async function mounted(name: string): Promise<Locator> {
  const el = demo(name);
  await el.scrollIntoViewIfNeeded();
  await expect.poll(() => el.getAttribute('data-mounted'), { timeout: 15_000 }).toBe('true');
  return el;
}

/** requestAnimationFrame callbacks per second over `ms` milliseconds. */
function measureFps(ms = 2000): Promise<number> {
  return page.evaluate((duration) => new Promise<number>((done) => {
    let frames = 0;
    const start = performance.now();
    const tick = (now: number): void => {
      frames++;
      if (now - start < duration) requestAnimationFrame(tick);
      else done((frames * 1000) / (now - start));
    };
    requestAnimationFrame(tick);
  }), ms);
}

beforeAll(async () => {
  dir = await buildDemoHarness(DEMO_NAMES.map((name) => ({ name })), { spacerPx: SPACER_PX });
  server = await serveDir(dir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  errors = collectConsoleErrors(page);
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.info('demo frame rates (fps):', JSON.stringify(measuredFps));
});

describe('mounting', () => {
  it('keeps the static fallbacks and loads no demo code until a demo scrolls into view', async () => {
    await page.waitForTimeout(500);
    for (const name of DEMO_NAMES) {
      await expect.poll(() => demo(name).locator('.kb-demo-fallback svg').count()).toBe(1);
      expect(await demo(name).getAttribute('data-mounted')).toBeNull();
    }
    expect(requested.some((url) => /\/(neuron|playground|pruning)-[^/]*\.js$/.test(url))).toBe(false);
  });

  it('mounts each demo when it becomes visible, replacing the fallback', async () => {
    for (const name of DEMO_NAMES) {
      const el = await mounted(name);
      expect(await el.locator('.kb-demo-fallback').count()).toBe(0);
      expect(await el.locator('.kb-demo-status').textContent()).not.toBe('');
    }
    expect(requested.some((url) => /\/playground-[^/]*\.js$/.test(url))).toBe(true);
  });
});

describe('accessibility', () => {
  it('mounted demos have no WCAG 2 A/AA violations (axe-core) in the light and the dark theme', async () => {
    for (const name of DEMO_NAMES) await mounted(name);
    await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
      const violations = await page.evaluate(async () => {
        // axe is the global installed by the script tag above
        const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const result = await axe.run({ include: [['.kb-demo']] }, { runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, theme).toEqual([]);
    }
    await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
  });
});

describe('neuron', () => {
  it('updates output and KaTeX formula when a weight changes', async () => {
    const el = await mounted('neuron');
    const before = await el.locator('.kb-demo-output').textContent();
    await el.getByLabel('Weight 1').fill('-2');
    expect(await el.locator('.kb-demo-output').textContent()).not.toBe(before);
    expect(await el.locator('.kb-demo-formula .katex').count()).toBe(1);
    expect(await el.locator('.kb-demo-formula').textContent()).toContain('-2.00');
  });
  it('gradient steps reduce the squared error towards the target', async () => {
    const el = await mounted('neuron');
    const before = await loss('neuron');
    await el.getByRole('button', { name: 'Learn: 20 steps' }).click();
    expect(await loss('neuron')).toBeLessThan(before);
  });
});

describe('linear-regression', () => {
  it('training by gradient descent lowers the loss', async () => {
    const el = await mounted('linear-regression');
    const before = await loss('linear-regression');
    await el.getByRole('button', { name: 'Train' }).click();
    await page.waitForTimeout(1000);
    expect(await loss('linear-regression')).toBeLessThan(before * 0.5);
  });
  it('the w slider moves the line and changes the loss', async () => {
    const el = await mounted('linear-regression');
    await el.getByRole('button', { name: 'Reset' }).click();
    const before = await loss('linear-regression');
    await el.getByLabel('w (slope)').fill('2');
    expect(await loss('linear-regression')).toBeLessThan(before);
    expect(await el.locator('.kb-demo-status').textContent()).toContain('w = 2.000');
  });
});

describe('learning-rate', () => {
  it('a good learning rate lowers the loss', async () => {
    const el = await mounted('learning-rate');
    await el.getByRole('button', { name: 'good (0.3)' }).click();
    const before = await loss('learning-rate');
    await el.getByRole('button', { name: 'Train' }).click();
    await page.waitForTimeout(800);
    expect(await loss('learning-rate')).toBeLessThan(before * 0.5);
  });
  it('learning rate 10 diverges: a text status says so, training stops, reset recovers', async () => {
    const el = await mounted('learning-rate');
    await el.getByRole('button', { name: '10 (10)' }).click();
    await el.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => el.getAttribute('data-state'), { timeout: 10_000 }).toBe('diverged');
    expect(await el.locator('.kb-demo-status').textContent()).toContain('Diverged: loss became infinite/NaN');
    expect(await el.getByRole('button', { name: 'Train' }).getAttribute('aria-pressed')).toBe('false');
    await el.getByRole('button', { name: 'Reset' }).click();
    expect(await el.getAttribute('data-state')).toBe('paused');
    expect(Number.isFinite(await loss('learning-rate'))).toBe(true);
  });
});

/**
 * Lenient frame-rate floor: 30 fps (the target is 55+), relaxed to 60% of what the same page reaches with
 * nothing training when the shared 2-core machine is so loaded that even the idle page is slow.
 */
const fpsFloor = (): number => Math.min(30, 0.6 * measuredFps.idle);

describe('playground', () => {
  it('trains: the loss decreases while playing, and the page keeps its frame rate', async () => {
    const el = await mounted('playground');
    measuredFps.idle = await measureFps();
    const before = await loss('playground');
    await el.getByRole('button', { name: 'Play' }).click();
    measuredFps.playgroundDefault = await measureFps();
    await el.getByRole('button', { name: 'Pause' }).click();
    expect(await loss('playground')).toBeLessThan(before * 0.8);
    expect(measuredFps.playgroundDefault).toBeGreaterThanOrEqual(fpsFloor());
  });

  it('extreme settings (8 layers of 8, max noise, learning rate 10) do not freeze the page', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Noise').fill('0.5');
    await el.getByLabel('Hidden layers').fill('8');
    await el.getByLabel('Neurons per layer').fill('8');
    await el.getByLabel('Learning rate').selectOption('10');
    await el.getByRole('button', { name: 'Play' }).click();
    measuredFps.playgroundExtreme = await measureFps();
    await el.getByRole('button', { name: 'Pause' }).click();
    expect(measuredFps.playgroundExtreme).toBeGreaterThanOrEqual(fpsFloor());
  });

  it('reports divergence and stops when the weights blow up (ReLU, learning rate 10)', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Activation').selectOption('relu');
    await el.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => el.getAttribute('data-state'), { timeout: 10_000 }).toBe('diverged');
    expect(await el.locator('.kb-demo-status').textContent()).toContain('Diverged: loss became infinite/NaN');
    await el.getByRole('button', { name: 'Reset' }).click();
    expect(await el.getAttribute('data-state')).toBe('paused');
  });

  it('controls change the model: fewer layers redraw the network; a clicked edge can be read and zeroed', async () => {
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
  });

  it('Copy link puts the settings in the URL hash, and opening that link restores them', async () => {
    const el = await mounted('playground');
    await el.getByLabel('Learning rate').selectOption('0.3');
    await el.getByLabel('Data set').selectOption('xor');
    await el.getByRole('button', { name: 'Copy link' }).click();
    const url = page.url();
    expect(url).toContain('#demo-playground=');
    expect(url).toContain('lr:0.3');
    expect(url).toContain('dataset:xor');
    const second = await browser.newPage();
    const secondErrors = collectConsoleErrors(second);
    await second.goto(url);
    const restored = second.locator('#demo-playground');
    await restored.scrollIntoViewIfNeeded();
    await expect.poll(() => restored.getAttribute('data-mounted'), { timeout: 15_000 }).toBe('true');
    expect(await restored.getByLabel('Learning rate').inputValue()).toBe('0.3');
    expect(await restored.getByLabel('Data set').inputValue()).toBe('xor');
    await second.close();
    expect(secondErrors).toEqual([]);
  });
});

describe('pruning', () => {
  it('trains on load (the loss falls), then pruning most weights lowers the accuracy', async () => {
    const el = await mounted('pruning');
    await expect.poll(() => el.getAttribute('data-state'), { timeout: 20_000 }).toBe('ready');
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
  it('trains all four initialisations; zeros keeps identical hidden units and a flat loss while the others learn', async () => {
    const el = await mounted('initialisation');
    const start = Number(await el.getAttribute('data-loss-he'));
    await el.getByRole('button', { name: 'Train all four' }).click();
    await expect.poll(async () => Number(await el.getAttribute('data-loss-he')), { timeout: 20_000 }).toBeLessThan(start * 0.5);
    await el.getByRole('button', { name: 'Pause' }).click();
    // zeros can only learn the output bias (the class balance): its loss stays near ln 2 ≈ 0.69
    expect(Number(await el.getAttribute('data-loss-zeros'))).toBeGreaterThan(0.6);
    expect(Number(await el.getAttribute('data-loss-he'))).toBeLessThan(0.4);
    expect(await el.getByText('All hidden units identical.').count()).toBe(1);
  });
});

describe('console', () => {
  it('no console errors or uncaught page errors happened', () => {
    expect(errors).toEqual([]);
  });
});
