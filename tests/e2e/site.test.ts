// End-to-end tests of the reader-facing site: serves tests/fixtures/site as built once for the e2e
// tests (fixture-site.setup.ts), and drives Debian's Chromium through playwright-core. Covers every page type (no
// console errors, axe-core clean in both themes), wikilink navigation, hover previews, KaTeX, the
// theme toggle, private-content leaks and demo code staying off pages without demos.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { builtPreview } from '../helpers/previews.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const PRIVATE_MARKERS = ['PRIVATEMARKER-ZQX-7731', 'PRIVATEGUIDE-ZQX-4410'];

/** One URL per page type (the 404 page is served as /404.html by static hosts). */
const PAGES: Record<string, string> = {
  home: '/',
  concept: '/concepts/weight/',
  'concept with demo': '/concepts/bias-term/',
  'a-z': '/a-z/',
  taxonomy: '/taxonomy/',
  domain: '/domains/ai/',
  tag: '/tags/core-idea/',
  tags: '/tags/',
  guide: '/guides/first-steps-with-parameters/',
  guides: '/guides/',
  '404': '/404.html',
};

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let outDir = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

async function open(pagePath: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  // Network idle: the page's scripts have run and fetched what they fetch on load.
  await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'networkidle' });
  return { page, errors };
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

beforeAll(async () => {
  outDir = inject('fixtureSite');
  server = await serveDir(outDir);
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('built fixture site', () => {
  it('contains no text of the private page or private guide in any output file', () => {
    const files = allFiles(outDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const marker of PRIVATE_MARKERS) expect(text.includes(marker), `${marker} in ${path.relative(outDir, file)}`).toBe(false);
    }
  });

  it('references no demo script or demo styles on pages without demos', () => {
    const demoFree = ['concepts/weight/index.html', 'concepts/parameter/index.html', 'index.html', 'a-z/index.html', 'taxonomy/index.html'];
    for (const file of demoFree) {
      const html = readFileSync(path.join(outDir, file), 'utf8');
      const refs = [...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      expect(
        refs.filter((r) => /demo/i.test(r)),
        file,
      ).toEqual([]);
    }
    const withDemo = readFileSync(path.join(outDir, 'concepts/bias-term/index.html'), 'utf8');
    expect(withDemo).toMatch(/<script type="module" src="[^"]*DemoBoot[^"]*"/);
  });

  it('loads KaTeX CSS only on pages with math or demos', () => {
    const read = (p: string) => readFileSync(path.join(outDir, p), 'utf8');
    expect(read('concepts/weight/index.html')).toContain('/vendor/katex/katex.min.css');
    expect(read('concepts/tied-parameter/index.html')).not.toContain('/vendor/katex/katex.min.css');
  });

  it('emits no diagnostics page unless it is switched on, and a helpful 404 page', () => {
    expect(allFiles(outDir).some((f) => f.includes(`${path.sep}diagnostics${path.sep}`))).toBe(false);
    const notFound = readFileSync(path.join(outDir, '404.html'), 'utf8');
    expect(notFound).toContain('href="/a-z/"');
    expect(notFound).toContain('search');
  });

  it('emits a hover preview for each concept, in the shard its slug falls in', () => {
    const preview = builtPreview(outDir, 'weight');
    expect(preview).toMatchObject({ title: 'Weight', termId: 'FX-0002', url: '/concepts/weight/' });
  });
});

describe('pages in the browser', () => {
  for (const [kind, pagePath] of Object.entries(PAGES)) {
    it(`${kind} page loads without console errors and has one h1`, async () => {
      const { page, errors } = await open(pagePath);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('main#main').count()).toBe(1);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('concept page carries data-term-id and schema.org JSON-LD', async () => {
    const { page } = await open('/concepts/shared-weight/');
    expect(await page.locator('article[data-term-id="FX-0004"]').count()).toBe(1);
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({ '@type': 'DefinedTerm', name: 'Shared Weight', termCode: 'FX-0004' });
    // Two parents (Weight, Tied Parameter) → two breadcrumb paths in one navigation landmark.
    expect(await page.locator('nav[aria-label="Breadcrumbs"] ol').count()).toBe(2);
    await page.close();
  });

  it('a wikilink navigates to the target concept page', async () => {
    const { page, errors } = await open('/concepts/parameter/');
    await Promise.all([page.waitForURL('**/concepts/weight/'), page.locator('.concept-body a.wikilink[data-preview="weight"]').first().click()]);
    expect(await page.locator('h1').textContent()).toBe('Weight');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hovering a wikilink shows a preview with the target title; Escape dismisses it', async () => {
    const { page, errors } = await open('/concepts/parameter/');
    const link = page.locator('.concept-body a.wikilink[data-preview="tied-parameter"]').first();
    const heightBefore = await page.evaluate(() => document.body.scrollHeight);
    await link.hover();
    const tooltip = page.locator('#wl-preview[role="tooltip"]');
    await tooltip.waitFor({ state: 'visible', timeout: 5000 });
    expect(await tooltip.textContent()).toContain('Tied Parameter');
    expect(await tooltip.textContent()).toContain('FX-0005');
    expect(await link.getAttribute('aria-describedby')).toBe('wl-preview');
    expect(await page.evaluate(() => document.body.scrollHeight)).toBe(heightBefore);
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'hidden', timeout: 2000 });
    // Keyboard focus shows it too.
    await link.focus();
    await tooltip.waitFor({ state: 'visible', timeout: 5000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders KaTeX on the math page', async () => {
    const { page } = await open('/concepts/weight/');
    expect(await page.locator('.katex').count()).toBeGreaterThan(1);
    const fontLoaded = await page.evaluate(() => getComputedStyle(document.querySelector('.katex') as Element).fontFamily);
    expect(fontLoaded).toContain('KaTeX');
    await page.close();
  });

  it('the theme control switches data-theme and the choice survives a reload', async () => {
    const themed = await browser.newContext({ colorScheme: 'light' });
    const page = await themed.newPage();
    await page.goto(new URL('/a-z/', server.url).href);
    const html = page.locator('html');
    expect(await html.getAttribute('data-theme')).toBe('light');
    const control = page.locator('.site-theme select[data-theme-choice]');
    expect(await control.inputValue()).toBe('auto');
    await control.selectOption('dark');
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await page.reload();
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(await page.locator('.site-theme select[data-theme-choice]').inputValue()).toBe('dark');
    await page.goto(new URL('/concepts/weight/', server.url).href);
    expect(await html.getAttribute('data-theme')).toBe('dark');
    await themed.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [kind, pagePath] of Object.entries(PAGES)) {
      it(`axe-core finds no violations on the ${kind} page (${theme} theme)`, async () => {
        const themed = await browser.newContext({ colorScheme: theme });
        await themed.addInitScript((t: string) => localStorage.setItem('kb-theme', t), theme);
        const page = await themed.newPage();
        await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load' });
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        const violations = await axeViolations(page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        await themed.close();
      });
    }
  }
});
