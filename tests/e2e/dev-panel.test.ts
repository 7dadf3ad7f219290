// The diagnostics panel of `npm run dev`: the dev server is started on a copy of the site fixture (its
// own build cache, a free port) in which one page has broken links, and driven in Chromium. A concept
// page lists its own file's problems with file:line, code and message; the list follows a save
// without a reload; a page without problems says so; a page made from many files shows no panel. A
// production build of the same fixture has no trace of the panel, and prints no warning.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser } from '../../scripts/lib/browser.ts';
import { buildSite } from '../helpers/build.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'site');

let work = '';
let content = '';
let url = '';
let server: DevServer | undefined;
let browser: Browser;
/** The line of Weight.md that holds the broken links. */
let brokenLine = 0;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-dev-panel-'));
  content = path.join(work, 'content');
  cpSync(FIXTURE, content, { recursive: true });
  const weight = path.join(content, 'Weight.md');
  const text = `${readFileSync(weight, 'utf8').replace(/\s*$/, '')}\n- See also [[Wieghted Sum]] and [[Nowhere Page]].\n`;
  writeFileSync(weight, text);
  brokenLine = text.split('\n').length - 1;
  server = await startDevServer(content, path.join(work, 'cache'));
  url = server.url.slice(0, -1);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const panelItems = (page: import('playwright-core').Page) =>
  page.$$eval('.kb-dev-panel__item', (items) =>
    items.map((item) => ({
      severity: item.querySelector('.kb-dev-panel__severity')?.textContent,
      location: item.querySelector('.kb-dev-panel__location')?.textContent,
      code: item.querySelector('.kb-dev-panel__code')?.textContent,
      message: item.querySelector('.kb-dev-panel__message')?.textContent,
    })),
  );

describe('the diagnostics panel under astro dev', () => {
  it("lists the page's own problems with file:line, code and message", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = collectConsoleErrors(page);
    await page.goto(`${url}/concepts/weight/`, { waitUntil: 'load' });
    await page.waitForSelector('.kb-dev-panel');
    expect(await page.textContent('.kb-dev-panel__toggle')).toBe('2 warnings in Weight.md');
    expect(await page.getAttribute('.kb-dev-panel__toggle', 'aria-expanded')).toBe('true');
    expect(await panelItems(page)).toEqual([
      {
        severity: 'warning',
        location: `Weight.md:${brokenLine}`,
        code: 'broken-link',
        message: 'link "Wieghted Sum" resolves to no page; did you mean "Weighted Sum"?',
      },
      { severity: 'warning', location: `Weight.md:${brokenLine}`, code: 'broken-link', message: 'link "Nowhere Page" resolves to no page' },
    ]);
    expect(await page.textContent('.kb-dev-panel__totals')).toMatch(/^All content: \d+ errors?, \d+ warnings?, \d+ info; npm run check lists them/);
    // Closing it is remembered for the tab.
    await page.click('.kb-dev-panel__toggle');
    expect(await page.isHidden('.kb-dev-panel__body')).toBe(true);
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('.kb-dev-panel');
    expect(await page.getAttribute('.kb-dev-panel__toggle', 'aria-expanded')).toBe('false');
    expect(errors.filter((e) => !/\[vite\]/.test(e))).toEqual([]);
    await page.close();
  });

  it('follows a save: a fixed link leaves the list, a new problem joins it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/concepts/weight/`, { waitUntil: 'load' });
    await page.waitForSelector('.kb-dev-panel');
    const weight = path.join(content, 'Weight.md');
    writeFileSync(weight, readFileSync(weight, 'utf8').replace('[[Wieghted Sum]] and [[Nowhere Page]]', '[[Weighted Sum]] and [[Paramter]]'));
    await page.waitForFunction(() => document.querySelector('.kb-dev-panel')?.textContent?.includes('Paramter'), null, { timeout: 60_000 });
    expect(await page.textContent('.kb-dev-panel__toggle')).toBe('1 warning in Weight.md');
    expect(await panelItems(page)).toEqual([
      {
        severity: 'warning',
        location: `Weight.md:${brokenLine}`,
        code: 'broken-link',
        message: 'link "Paramter" resolves to no page; did you mean "Parameter"?',
      },
    ]);
    await page.close();
  });

  it('says so on a page without problems, and shows nothing on a page made from many files', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${url}/concepts/bias-term/`, { waitUntil: 'load' });
    await page.waitForSelector('.kb-dev-panel');
    expect(await page.textContent('.kb-dev-panel__toggle')).toBe('No problems in Bias Term.md');
    expect(await page.getAttribute('.kb-dev-panel__toggle', 'aria-expanded')).toBe('false');
    const asked = page.waitForResponse((r) => r.url().includes('/__kb/diagnostics.json'));
    await page.goto(`${url}/a-z/`, { waitUntil: 'load' });
    expect(await (await asked).json()).toMatchObject({ file: null, diagnostics: [] });
    expect(await page.$('.kb-dev-panel')).toBeNull();
    await page.close();
  });
});

describe('a production build', () => {
  it('has no trace of the panel and prints no warning', () => {
    const out = path.join(work, 'dist');
    const stdout = buildSite(FIXTURE, out, path.join(work, 'build-cache'));
    expect(stdout).not.toMatch(/\[WARN\]|MODULE_LEVEL_DIRECTIVE/);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(path.join(f.parentPath, f.name), 'latin1');
      for (const trace of ['kb-dev-panel', '__kb/diagnostics', 'kb:diagnostics', 'diagnostics-panel']) {
        expect(text.includes(trace), `${trace} in ${path.relative(out, path.join(f.parentPath, f.name))}`).toBe(false);
      }
    }
  });
});
