// End-to-end tests of what a reader meets on the built fixture site (tests/fixtures/site), in Debian's
// Chromium: formulas typeset right (a subscript is smaller than its base and lowered) in a concept page
// and a guide; the documentation layout (a header that never wraps from 360 to 1920 px, the taxonomy
// branch with the current page marked, "On this page" following the scroll, both folded on narrow
// screens, no horizontal scrolling); relations under unique, readable headings; quoted backlink
// sentences with typeset formulas; reference links; "Cite this term" copying; the Atom feed; the A–Z
// index's alternative terms; the tags index; the theme control; axe-core at 360 px in both themes; and
// the weight of a concept page without a demo.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { pageAssetsGz } from '../../scripts/lib/page-assets.ts';
import { builtPreview } from '../helpers/previews.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AXE_PATH = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const WIDTHS = [360, 768, 1280, 1600, 1920];

let outDir = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  // The whole build (`npm run build`'s script), search index included: the header's search box is used.
  outDir = inject('fixtureSite');
  server = await serveDir(outDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (p: string) => new URL(p, server.url).href;

async function withPage<T>(
  options: { width?: number; height?: number; theme?: 'light' | 'dark'; permissions?: string[] },
  pagePath: string,
  run: (page: Page, context: BrowserContext) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.theme ?? 'light',
    permissions: options.permissions,
  });
  if (options.theme) await context.addInitScript((t: string) => localStorage.setItem('kb-theme', t), options.theme);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  try {
    await page.goto(url(pagePath), { waitUntil: 'load' });
    const result = await run(page, context);
    expect(errors).toEqual([]);
    return result;
  } finally {
    await context.close();
  }
}

interface Box {
  top: number;
  bottom: number;
  height: number;
}

describe('formulas', () => {
  for (const pagePath of ['/concepts/weighted-sum/', '/guides/reading-the-formulas/']) {
    it(`typesets a subscript smaller than its base and lowered (${pagePath})`, async () => {
      const subs = await withPage({}, pagePath, async (page) => {
        await page.evaluate(() => document.fonts.ready);
        return page.evaluate(() => {
          const box = (el: Element) => {
            const r = document.createRange();
            r.selectNodeContents(el);
            const b = r.getBoundingClientRect();
            return { top: b.top, bottom: b.bottom, height: b.height };
          };
          const out: { text: string; base: Box; sub: Box; baseSize: number; subSize: number }[] = [];
          for (const sup of document.querySelectorAll('.katex-html .msupsub')) {
            const base = sup.previousElementSibling;
            const sub = sup.querySelector('.vlist .mord');
            if (!base || !sub) continue;
            const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
            out.push({
              text: (sup.parentElement?.textContent ?? '').replace(/\u200b/g, ''),
              base: box(base),
              sub: box(sub),
              baseSize: size(base),
              subSize: size(sub),
            });
          }
          return out;
        });
      });
      const w1 = subs.find((s) => s.text === 'w1');
      expect(w1, JSON.stringify(subs)).toBeDefined();
      for (const s of subs.filter((x) => x.text === 'w1' || x.text === 'x1')) {
        expect(s.subSize).toBeLessThan(s.baseSize * 0.8);
        expect(s.sub.height).toBeLessThan(s.base.height);
        expect(s.sub.bottom).toBeGreaterThan(s.base.bottom + 1);
        expect(s.sub.top).toBeGreaterThan(s.base.top);
      }
    });
  }

  it('quotes backlink sentences with typeset formulas and their links, never raw TeX', async () => {
    await withPage({}, '/concepts/weight/', async (page) => {
      const sentences = page.locator('#referenced-by ~ .ref-list .backlink-sentence');
      expect(await sentences.count()).toBeGreaterThan(2);
      const texts = await sentences.allTextContents();
      for (const t of texts) expect(t).not.toMatch(/\$|\\[a-z]+|\[\[/);
      const fromWeightedSum = page
        .locator('#referenced-by ~ .ref-list li', { has: page.locator('a[href="/concepts/weighted-sum/"]') })
        .locator('.backlink-sentence');
      expect(await fromWeightedSum.locator('.katex').count()).toBeGreaterThan(0);
      // The quoted page's own name is emphasised, not a link to itself.
      expect(await fromWeightedSum.locator('a[href="/concepts/weight/"]').count()).toBe(0);
      expect(await fromWeightedSum.locator('strong', { hasText: 'Weight' }).count()).toBeGreaterThan(0);
    });
  });

  it('keeps comparison signs in the meta description and preview made from the definition', async () => {
    const preview = builtPreview(outDir, 'weighted-sum');
    expect(preview?.summary).toBe('The weighted sum w₁x₁ + w₂x₂ adds each input of a unit times its Weight, before any activation.');
    await withPage({}, '/concepts/weighted-sum/', async (page) => {
      expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(preview?.summary);
    });
  });
});

describe('header', () => {
  it('stays one row, the same height, from 360 to 1920 px, without horizontal scrolling', async () => {
    const heights: number[] = [];
    for (const width of WIDTHS) {
      for (const pagePath of ['/', '/concepts/weighted-sum/']) {
        const m = await withPage({ width }, pagePath, (page) =>
          page.evaluate(() => {
            const header = document.querySelector('.site-header__inner') as HTMLElement;
            const kids = [...header.querySelectorAll<HTMLElement>('.site-title, .site-nav, .kb-search, .site-theme, .site-menu')].filter(
              (e) => e.offsetParent !== null,
            );
            const mids = kids.map((e) => {
              const r = e.getBoundingClientRect();
              return (r.top + r.bottom) / 2;
            });
            return {
              height: header.getBoundingClientRect().height,
              spread: Math.max(...mids) - Math.min(...mids),
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            };
          }),
        );
        expect(m.spread, `${pagePath} at ${width}px`).toBeLessThan(4);
        expect(m.overflow, `${pagePath} at ${width}px`).toBe(0);
        heights.push(m.height);
      }
    }
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1);
    expect(Math.max(...heights)).toBeLessThanOrEqual(64);
  });

  it('moves the navigation and the theme control into the menu on narrow screens', async () => {
    await withPage({ width: 360 }, '/concepts/weight/', async (page) => {
      expect(await page.locator('.site-nav').isVisible()).toBe(false);
      await page.locator('.site-menu > summary').click();
      await expect.poll(() => page.locator('.site-menu nav a[href="/a-z/"]').isVisible()).toBe(true);
      expect(await page.locator('.site-menu select[data-theme-choice]').isVisible()).toBe(true);
      // The search box folds to an icon and opens over the header row when focused.
      const input = page.locator('.kb-search__input');
      await input.focus();
      const width = await page.locator('.kb-search').evaluate((e) => e.getBoundingClientRect().width);
      expect(width).toBeGreaterThan(250);
    });
  });

  it('shows the theme in use and changes it; Auto follows the system again', async () => {
    await withPage({ theme: undefined }, '/a-z/', async (page) => {
      const select = page.locator('.site-theme select[data-theme-choice]');
      expect(await select.inputValue()).toBe('auto');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
      await select.selectOption('dark');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await page.reload();
      expect(await page.locator('.site-theme select[data-theme-choice]').inputValue()).toBe('dark');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await page.locator('.site-theme select[data-theme-choice]').selectOption('auto');
      expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
      expect(await page.evaluate(() => localStorage.getItem('kb-theme'))).toBeNull();
    });
  });
});

describe('documentation layout', () => {
  it('shows the branch with the current page marked, and "On this page" highlighting the section in view', async () => {
    await withPage({ width: 1280, height: 500 }, '/concepts/weighted-sum/', async (page) => {
      const sidebar = page.locator('nav.doc-sidebar');
      expect(await sidebar.isVisible()).toBe(true);
      expect(await sidebar.locator('a[aria-current="page"]').textContent()).toBe('Weighted Sum');
      expect(await sidebar.locator('a[href="/domains/ai/"]').count()).toBe(1);
      const toc = page.locator('nav.doc-toc');
      expect(await toc.isVisible()).toBe(true);
      const entries = await toc.locator('a').allTextContents();
      expect(entries.slice(0, 4)).toEqual(['Overview', 'Two inputs', 'Many inputs', 'Where it comes from']);
      expect(entries).toEqual(expect.arrayContaining(['Related terms', 'Referenced by', 'Details', 'Cite this term']));
      const current = () => toc.locator('a[aria-current="location"]').textContent();
      await expect.poll(current).toBe('Overview');
      await page.locator('#where-it-comes-from').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 10));
      await expect.poll(current).toBe('Where it comes from');
      await page.locator('#details').evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 10));
      await expect.poll(current).toBe('Details');
      // The sidebar's folds close and open.
      const fold = sidebar.locator('details').first();
      await fold.locator('> summary').click();
      expect(await sidebar.locator('a[aria-current="page"]').isVisible()).toBe(false);
    });
  });

  it('folds both above the page on a narrow screen, with nothing wider than the screen', async () => {
    await withPage({ width: 360 }, '/concepts/weighted-sum/', async (page) => {
      expect(await page.locator('nav.doc-sidebar').isVisible()).toBe(false);
      expect(await page.locator('nav.doc-toc').isVisible()).toBe(false);
      const tocFold = page.locator('details.doc-fold--toc');
      await tocFold.locator('summary').click();
      await page.locator('details.doc-fold--toc a[href="#details"]').click();
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      const top = await page.evaluate(() => document.getElementById('details')?.getBoundingClientRect().top ?? -1);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
      await page.locator('details.doc-fold--browse > summary').click();
      expect(await page.locator('details.doc-fold--browse a[aria-current="page"]').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
    });
  });
});

describe('relations and references', () => {
  it('gives every relation one heading, in words that read both ways', async () => {
    const concepts = readdirSync(path.join(outDir, 'concepts'));
    for (const slug of concepts) {
      const headings = await withPage({}, `/concepts/${slug}/`, (page) => page.locator('section[aria-labelledby="relations"] h3').allTextContents());
      expect(new Set(headings).size, `${slug}: ${headings.join(', ')}`).toBe(headings.length);
      for (const h of headings) expect(h).not.toMatch(/Related from|Depended on by|inverse/);
    }
    // Written as "is-part-of" here and as "has-part" on Unit Output: one "Part of" with both.
    await withPage({}, '/concepts/weighted-sum/', async (page) => {
      const group = page.locator('.relation-group', { has: page.locator('h3', { hasText: /^Part of$/ }) });
      expect(await group.locator('a').allTextContents()).toEqual(['Unit Output', 'Weight']);
    });
  });

  it('links DOIs, arXiv ids, ISBNs and URLs, but not inside code', async () => {
    await withPage({}, '/concepts/weighted-sum/', async (page) => {
      const hrefs = await page.locator('.concept-body a[href^="https:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual([
        'https://doi.org/10.1037/h0042519',
        'https://arxiv.org/abs/1706.03762',
        'https://openlibrary.org/isbn/9780262035613',
        'https://example.org/weighted-sum',
      ]);
      expect(await page.locator('.concept-body pre a').count()).toBe(0);
    });
    await withPage({}, '/guides/reading-the-formulas/', async (page) => {
      expect(await page.locator('article a[href="https://doi.org/10.1037/h0042519"]').textContent()).toBe('doi:10.1037/h0042519');
    });
  });

  it('shows wikilinks without a title tooltip over the hover preview', async () => {
    await withPage({}, '/concepts/weighted-sum/', async (page) => {
      expect(await page.locator('a.wikilink').count()).toBeGreaterThan(0);
      expect(await page.locator('a.wikilink[title]').count()).toBe(0);
    });
  });

  it('copies the citation as text and as BibTeX', async () => {
    await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, '/concepts/weighted-sum/', async (page) => {
      const box = page.locator('[data-cite]');
      await box.locator('button[data-copy="text"]').click();
      await expect.poll(() => box.locator('[data-cite-status]').textContent()).toBe('Copied the citation.');
      const text = await page.evaluate(() => navigator.clipboard.readText());
      expect(text).toBe(
        `“Weighted Sum” (term FX-0010). In Model Weights Glossary. https://glossary.example.org/concepts/weighted-sum/. Last updated 2026-11-18.`,
      );
      await box.locator('button[data-copy="bibtex"]').click();
      await expect.poll(() => box.locator('[data-cite-status]').textContent()).toBe('Copied BibTeX.');
      const bibtex = await page.evaluate(() => navigator.clipboard.readText());
      expect(bibtex.startsWith('@misc{kb-fx-0010,\n  title = {{Weighted Sum}},')).toBe(true);
      expect(bibtex).toContain('year = {2026}');
    });
  });
});

describe('indexes and the feed', () => {
  it('serves a valid Atom feed of recently updated terms, linked from every page', async () => {
    await withPage({}, '/', async (page) => {
      expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href')).toBe('/feed.xml');
      expect(await page.locator('main a[href="/feed.xml"]').count()).toBe(1);
      const feed = await page.evaluate(async () => {
        const response = await fetch('/feed.xml');
        const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
        const ns = 'http://www.w3.org/2005/Atom';
        const entries = [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
          id: e.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
          title: e.getElementsByTagNameNS(ns, 'title')[0]?.textContent,
          updated: e.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
          link: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href'),
        }));
        return {
          error: doc.getElementsByTagName('parsererror').length,
          root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
          feedId: doc.documentElement.getElementsByTagNameNS(ns, 'id')[0]?.textContent,
          updated: doc.documentElement.getElementsByTagNameNS(ns, 'updated')[0]?.textContent,
          entries,
        };
      });
      expect(feed.error).toBe(0);
      expect(feed.root).toBe('http://www.w3.org/2005/Atom feed');
      expect(feed.feedId).toBe('https://glossary.example.org/');
      expect(feed.entries.length).toBe(11);
      expect(feed.entries[0]).toEqual({
        id: 'https://glossary.example.org/concepts/weighted-sum/',
        title: 'Weighted Sum (FX-0010)',
        updated: '2026-11-18T00:00:00Z',
        link: 'https://glossary.example.org/concepts/weighted-sum/',
      });
      expect(feed.updated).toBe('2026-11-18T00:00:00Z');
      const dates = feed.entries.map((e) => e.updated ?? '');
      expect([...dates].sort().reverse()).toEqual(dates);
      expect(JSON.stringify(feed)).not.toContain('Secret Draft');
    });
    for (const pagePath of ['/a-z/', '/concepts/weight/', '/guides/reading-the-formulas/', '/tags/']) {
      await withPage({}, pagePath, async (page) => {
        expect(await page.locator('head link[rel="alternate"][type="application/atom+xml"]').count()).toBe(1);
      });
    }
  });

  it('lists alternative terms in the A–Z index, each pointing to its concept', async () => {
    await withPage({}, '/a-z/', async (page) => {
      const entry = page.locator('li.az-see', { hasText: 'Connection Strength' });
      expect((await entry.textContent())?.replace(/\s+/g, ' ').trim()).toBe('Connection Strength → see Weight');
      expect(await entry.locator('a').getAttribute('href')).toBe('/concepts/weight/');
      expect(await page.locator('section[aria-labelledby="letter-n"] li', { hasText: 'Net Input' }).count()).toBe(1);
    });
  });

  it('has a tags index with each tag and its number of terms', async () => {
    await withPage({}, '/tags/', async (page) => {
      const item = page.locator('.tag-index li', { has: page.locator('a[href="/tags/core-idea/"]') });
      expect((await item.textContent())?.replace(/\s+/g, ' ').trim()).toBe('#core-idea 1 term');
      expect(await page.locator('.site-nav a[href="/tags/"]').getAttribute('aria-current')).toBe('page');
    });
  });

  it('shows on the home page only the counts that are not zero', async () => {
    await withPage({}, '/', async (page) => {
      const stats = (await page.locator('.stats li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
      expect(stats.length).toBeGreaterThan(0);
      for (const s of stats) expect(s).not.toMatch(/^0 /);
    });
  });
});

describe('accessibility and weight', () => {
  // One page of every type.
  const pages = [
    '/',
    '/concepts/weighted-sum/',
    '/concepts/bias-term/',
    '/a-z/',
    '/taxonomy/',
    '/domains/ai/',
    '/tags/core-idea/',
    '/tags/',
    '/guides/reading-the-formulas/',
    '/guides/',
    '/404.html',
  ];
  for (const theme of ['light', 'dark'] as const) {
    it(`axe-core finds no violations at 360 px, menus and folds open (${theme} theme)`, async () => {
      for (const pagePath of pages) {
        const violations = await withPage({ width: 360, theme }, pagePath, async (page) => {
          for (const summary of await page.locator('details.doc-fold > summary').all()) await summary.click();
          await page.locator('.site-menu > summary').click();
          await page.addScriptTag({ path: AXE_PATH });
          return page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
            return (await axe.run(document)).violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
          });
        });
        expect(violations, `${pagePath}: ${JSON.stringify(violations)}`).toEqual([]);
      }
    });
  }

  it('keeps a concept page without a demo under 30 KB of gzipped JS and CSS', () => {
    const html = readFileSync(path.join(outDir, 'concepts/tied-parameter/index.html'), 'utf8');
    expect(html).not.toContain('kb-demo');
    expect(pageAssetsGz(outDir, path.join(outDir, 'concepts/tied-parameter/index.html'))).toBeLessThanOrEqual(30 * 1024);
  });
});
