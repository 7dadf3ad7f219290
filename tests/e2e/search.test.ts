// End-to-end test of search: builds a site from a generated corpus (150 pages, with defects and
// withheld pages), serves it and drives Debian's Chromium. Checks ranking (preferred term, alias, term
// id, definition words), filters (domain, status, taxonomy branch), keyboard use, lazy loading of
// Pagefind, safe excerpts (the definition for a query that names the concept), more results on
// demand, the full results page, did-you-mean, accessibility (axe-core, both themes, 360 px) and
// that no withheld page reached the search index.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { buildSite, type CorpusManifest, generateCorpus, PROJECT_ROOT } from '../../scripts/lib/site-build.ts';

interface BuiltConcept {
  title: string;
  termId: string;
  url: string;
  file: string;
  domain: string;
  text: string;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

let work = '';
let dist = '';
let manifest: CorpusManifest;
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
const eligible: BuiltConcept[] = [];
const pageTexts = new Map<string, string>();

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const decodeHtml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Files named by any planted defect (duplicate ids, XSS, malformed, …): excluded from ranking checks. */
function defectFiles(m: CorpusManifest): Set<string> {
  const raw = JSON.parse(readFileSync(path.join(work, 'c', 'manifest.json'), 'utf8')) as { planted: Record<string, unknown[]> };
  const files = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && value.endsWith('.md')) files.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(raw.planted);
  for (const p of m.private) files.add(p.file);
  return files;
}

/** Crude stem (a prefix), so that "encodes" and "encoding" count as the same word, as Pagefind's stemmer would. */
const stem = (word: string): string => word.toLowerCase().slice(0, Math.max(4, word.length - 3));
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z]{5,}/g) ?? [];

async function search(page: Page, query: string): Promise<{ titles: string[]; hrefs: string[]; total: number; status: string }> {
  const input = page.locator('.kb-search__input');
  await input.focus();
  await input.fill('');
  await input.pressSequentially(query, { delay: 15 });
  await page.waitForFunction((q) => document.querySelector('.kb-search [role="listbox"]')?.getAttribute('data-query') === q, query, { timeout: 20_000 });
  return page.evaluate(() => {
    const options = [...document.querySelectorAll<HTMLAnchorElement>('.kb-search [role="option"]')];
    const listbox = document.querySelector<HTMLElement>('.kb-search [role="listbox"]');
    return {
      titles: options.map((o) => o.querySelector('.kb-search__title')?.textContent ?? ''),
      hrefs: options.map((o) => new URL(o.href).pathname),
      total: Number(listbox?.dataset.total ?? '0'),
      status: document.querySelector('.kb-search [data-kb-status]')?.textContent ?? '',
    };
  });
}

async function freshPage(url = server.url): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage();
  const errors = collectConsoleErrors(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, errors, requests };
}

/** The header panel's rows as they stand. */
async function panelRows(page: Page): Promise<{ hrefs: string[]; ids: string[]; shown: number; total: number; status: string }> {
  return page.evaluate(() => {
    const options = [...document.querySelectorAll<HTMLAnchorElement>('.kb-search [role="option"]')];
    const listbox = document.querySelector<HTMLElement>('.kb-search [role="listbox"]');
    return {
      hrefs: options.map((o) => new URL(o.href).pathname),
      ids: options.map((o) => o.id),
      shown: Number(listbox?.dataset.shown ?? '0'),
      total: Number(listbox?.dataset.total ?? '0'),
      status: document.querySelector('.kb-search [data-kb-status]')?.textContent ?? '',
    };
  });
}

/** Clicks a "more" button (scrolled into view inside its panel first) and waits until more rows are shown. */
async function clickMore(page: Page, button: string, shownOf: string): Promise<void> {
  const before = await page.evaluate((sel) => Number(document.querySelector<HTMLElement>(sel)?.dataset.shown ?? '0'), shownOf);
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'nearest' }), button);
  await page.locator(button).click();
  await page.waitForFunction(([sel, n]) => Number(document.querySelector<HTMLElement>(sel as string)?.dataset.shown ?? '0') > (n as number), [
    shownOf,
    before,
  ] as const);
}

/** The results page's list as it stands. */
async function pageResults(page: Page): Promise<{ titles: string[]; hrefs: string[]; excerpts: string[]; total: number; shown: number; status: string }> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.kb-results__item')];
    const list = document.querySelector<HTMLElement>('[data-kb-list]');
    return {
      titles: items.map((i) => i.querySelector('.kb-results__title')?.textContent ?? ''),
      hrefs: items.map((i) => new URL(i.querySelector<HTMLAnchorElement>('a')?.href ?? '', location.href).pathname),
      excerpts: items.map((i) => i.querySelector('.kb-results__excerpt')?.textContent ?? ''),
      total: Number(list?.dataset.total ?? '0'),
      shown: Number(list?.dataset.shown ?? '0'),
      status: document.querySelector('.kb-results [data-kb-status]')?.textContent ?? '',
    };
  });
}

async function openResultsPage(page: Page, query: string, site = server.url): Promise<void> {
  await page.goto(`${site}search/?${query}`, { waitUntil: 'networkidle' });
  const q = new URLSearchParams(query).get('q') ?? '';
  await page.waitForFunction((term) => document.querySelector('[data-kb-list]')?.getAttribute('data-query') === term, q, { timeout: 20_000 });
}

/** Every published title under `head` in the corpus's taxonomy (head included), from the manifest's parents. */
function branchOf(head: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const c of manifest.concepts) for (const p of c.parents) children.set(p, [...(children.get(p) ?? []), c.title]);
  const out = new Set<string>([head]);
  const stack = [head];
  while (stack.length > 0)
    for (const child of children.get(stack.pop() as string) ?? [])
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
  return out;
}

/** A near miss of a title: two neighbouring letters inside its first word swapped. */
function typo(title: string): string | null {
  for (let k = 1; k + 2 < title.length; k++) {
    const a = title[k];
    const b = title[k + 1];
    if (/[a-z]/.test(a) && /[a-z]/.test(b) && a !== b) return title.slice(0, k) + b + a + title.slice(k + 2);
  }
  return null;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-search-e2e-'));
  manifest = generateCorpus(path.join(work, 'c'), 150, 3, true);
  dist = path.join(work, 'dist');
  buildSite(path.join(work, 'c', 'pages'), dist);

  // Published concept pages as built: title, term id and URL from the HTML; source text from the corpus.
  const built = new Map<string, { termId: string; url: string }>();
  for (const slug of readdirSync(path.join(dist, 'concepts'))) {
    const file = path.join(dist, 'concepts', slug, 'index.html');
    let html = '';
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];
    const termId = /data-term-id="([^"]*)"/.exec(html)?.[1] ?? '';
    if (h1) built.set(decodeHtml(h1), { termId, url: `/concepts/${slug}/` });
  }
  const skip = defectFiles(manifest);
  const pagesDir = path.join(work, 'c', 'pages');
  for (const name of readdirSync(pagesDir))
    if (!manifest.private.some((p) => p.file === name)) pageTexts.set(name, readFileSync(path.join(pagesDir, name), 'utf8'));
  for (const c of manifest.concepts) {
    const page = built.get(c.title);
    if (skip.has(c.file) || !page || page.termId !== c.termId || !/^[A-Z]{2}-\d{4}$/.test(c.termId) || c.title.includes('/')) continue;
    eligible.push({ title: c.title, termId: c.termId, url: page.url, file: c.file, domain: c.domain, text: pageTexts.get(c.file) ?? '' });
  }
}, 900_000);

beforeAll(async () => {
  server = await serveDir(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('search index', () => {
  it('contains no text of withheld pages', () => {
    expect(manifest.private.length).toBeGreaterThan(0);
    const files = walk(path.join(dist, 'pagefind'));
    let pagefindFiles = 0;
    const texts = files.map((file) => {
      const raw = readFileSync(file);
      let data = raw;
      try {
        data = gunzipSync(raw);
      } catch {
        // Not gzip (the JS and CSS of Pagefind's UI): search the raw bytes.
      }
      if (data.subarray(0, 12).toString('latin1') === 'pagefind_dcd') pagefindFiles += 1;
      return { file, text: data.toString('latin1') };
    });
    expect(pagefindFiles).toBeGreaterThan(3);
    expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    for (const { marker } of manifest.private) {
      const leaks = texts.filter((t) => t.text.includes(marker)).map((t) => path.relative(dist, t.file));
      expect(leaks, `private marker ${marker}`).toEqual([]);
    }
  });
});

describe('header search', () => {
  it('does not load Pagefind until the reader starts searching', async () => {
    const { page, errors, requests } = await freshPage(`${server.url}${eligible[0].url.slice(1)}`);
    expect(await page.locator('.kb-search__input').isVisible()).toBe(true);
    // freshPage waited for the network to be idle: whatever the page loads on its own is loaded.
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.locator('.kb-search__input').focus();
    await expect.poll(() => requests.some((u) => u.endsWith('/pagefind.js') && u.includes('/pagefind/')), { timeout: 10_000 }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers the A–Z index without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    expect(await page.locator('.kb-search a[href="/a-z/"]').first().isVisible()).toBe(true);
    expect(await page.locator('.kb-search__input').isVisible()).toBe(false);
    await context.close();
  });

  it('ranks the concept first for its preferred term, term id and alias', async () => {
    const { page, errors } = await freshPage();
    const sample = eligible.filter((_, i) => i % Math.max(1, Math.floor(eligible.length / 6)) === 0).slice(0, 6);
    expect(sample.length).toBeGreaterThanOrEqual(4);
    for (const c of sample) {
      const byTitle = await search(page, c.title);
      expect(byTitle.titles[0], `title query ${c.title}`).toBe(c.title);
      expect(byTitle.hrefs[0]).toBe(c.url);
      const byId = await search(page, c.termId);
      expect(byId.titles[0], `term id query ${c.termId}`).toBe(c.title);
      const byLowerId = await search(page, c.termId.toLowerCase());
      expect(byLowerId.titles[0], `term id query ${c.termId.toLowerCase()}`).toBe(c.title);
    }
    // Aliases as the corpus writes them: `alias:: A, B`, `alt-terms:: A, B` or a YAML list.
    const withAlias = eligible
      .map((c) => {
        const line = /^\s*-?\s*(?:alias|alt-terms)::\s*(.+)$/m.exec(c.text)?.[1];
        const yaml = /^alt-terms:\n\s+-\s+"?([^"\n]+)"?/m.exec(c.text)?.[1];
        const aliases = (line ? line.split(',') : yaml ? [yaml] : []).map((a) => a.trim()).filter((a) => /^[\w ()-]+$/.test(a));
        return { c, alias: aliases[0] };
      })
      .filter((x): x is { c: BuiltConcept; alias: string } => Boolean(x.alias));
    expect(withAlias.length).toBeGreaterThan(0);
    for (const { c, alias } of withAlias.slice(0, 4)) {
      const byAlias = await search(page, alias);
      expect(byAlias.titles[0], `alias query ${alias}`).toBe(c.title);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds a concept by words from its definition', async () => {
    const { page, errors } = await freshPage();
    // Definition words are shared across the generated corpus, so take the fewest words (up to three,
    // rarest first) that only this page contains; Pagefind requires every word, so it must come first.
    const stemsByPage = new Map([...pageTexts].map(([file, text]) => [file, new Set(wordsOf(text).map(stem))]));
    const titleStems = new Set(manifest.concepts.flatMap((c) => wordsOf(c.title).map(stem)));
    let tried = 0;
    for (const c of eligible) {
      const definition = /definition::\s*(?:### Primary Definition\s*\n\s*)?(.+)/.exec(c.text)?.[1] ?? '';
      const words = [...new Set(wordsOf(definition))].filter((w) => !titleStems.has(stem(w)));
      const df = (w: string) => [...stemsByPage.values()].filter((s) => s.has(stem(w))).length;
      words.sort((a, b) => df(a) - df(b));
      const chosen: string[] = [];
      for (const w of words.slice(0, 3)) {
        chosen.push(w);
        const holders = [...stemsByPage.entries()].filter(([, s]) => chosen.every((x) => s.has(stem(x))));
        if (holders.length === 1) break;
      }
      const holders = [...stemsByPage.entries()].filter(([, s]) => chosen.every((x) => s.has(stem(x))));
      if (chosen.length === 0 || holders.length !== 1 || holders[0][0] !== c.file) continue;
      const found = await search(page, chosen.join(' '));
      expect(found.titles[0], `definition words "${chosen.join(' ')}"`).toBe(c.title);
      // And the rarest single word alone at least finds it.
      const single = await search(page, chosen[0]);
      expect(single.total).toBeGreaterThan(0);
      if (++tried === 3) break;
    }
    expect(tried).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows results with the domain and status filters', async () => {
    const { page, errors } = await freshPage();
    const broad = await search(page, 'practice');
    expect(broad.total).toBeGreaterThan(8);
    await page.locator('[data-kb-filter-toggle]').click();
    const domain = page.locator('select[data-filter="domain"]');
    await page.waitForFunction(() => (document.querySelector('select[data-filter="domain"]')?.querySelectorAll('option').length ?? 0) > 2);
    const domainValue = await domain.locator('option').nth(1).getAttribute('value');
    expect(domainValue).toBeTruthy();
    await domain.selectOption(domainValue ?? '');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.kb-search [role="listbox"]')?.dataset.total) !== n, broad.total);
    const byDomain = await page.evaluate(() => ({
      total: Number(document.querySelector<HTMLElement>('.kb-search [role="listbox"]')?.dataset.total),
      facts: [...document.querySelectorAll('.kb-search [role="option"] .kb-search__facts')].map((f) => f.textContent ?? ''),
    }));
    expect(byDomain.total).toBeLessThan(broad.total);
    expect(byDomain.total).toBeGreaterThan(0);
    for (const facts of byDomain.facts) expect(facts).toContain(domainValue);

    const status = page.locator('select[data-filter="status"]');
    const statusValue = await status.locator('option').nth(1).getAttribute('value');
    await status.selectOption(statusValue ?? '');
    await page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.kb-search [role="listbox"]')?.dataset.total) !== n, byDomain.total);
    const both = await page.evaluate(() => ({
      total: Number(document.querySelector<HTMLElement>('.kb-search [role="listbox"]')?.dataset.total),
      facts: [...document.querySelectorAll('.kb-search [role="option"] .kb-search__facts')].map((f) => f.textContent ?? ''),
    }));
    expect(both.total).toBeLessThan(byDomain.total);
    for (const facts of both.facts) {
      expect(facts).toContain(domainValue);
      expect(facts).toContain(statusValue);
    }
    // A filter combination with nothing in it says so.
    const none = await search(page, 'zzqxjv');
    expect(none.titles).toEqual([]);
    expect(none.status).toMatch(/No results/);
    expect(await page.locator('[data-kb-status]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard: / and Ctrl+K focus, arrows move, Escape closes, Enter opens', async () => {
    const c = eligible[1];
    const { page, errors } = await freshPage();
    const input = page.locator('.kb-search__input');
    await page.locator('body').click({ position: { x: 1, y: 300 } });
    await page.keyboard.press('/');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(c.title, { delay: 10 });
    await page.waitForFunction((q) => document.querySelector('.kb-search [role="listbox"]')?.getAttribute('data-query') === q, c.title);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const ids = await page.$$eval('.kb-search [role="option"]', (els) => els.map((e) => e.id));
    expect(ids.length).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    expect(await page.locator(`#${ids[0]}`).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[1]);
    await page.keyboard.press('ArrowUp');
    expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-kb-panel]').isVisible()).toBe(false);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();

    // `/` typed into another field stays there; Ctrl+K from the page focuses the search.
    await page.evaluate(() => {
      const other = document.createElement('input');
      other.id = 'other-field';
      other.setAttribute('aria-label', 'other');
      document.body.prepend(other);
    });
    await page.locator('#other-field').focus();
    await page.keyboard.type('a/b');
    expect(await page.locator('#other-field').inputValue()).toBe('a/b');
    await page.locator('#other-field').evaluate((el) => el.blur());
    await page.keyboard.press('Control+K');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

    // Results are real links (middle-click / open in new tab works), and Enter opens the active one.
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('[data-kb-panel]')?.hasAttribute('hidden') === false);
    const href = await page.locator(`#${ids[0]}`).getAttribute('href');
    expect(href).toBe(c.url);
    await Promise.all([page.waitForURL((u) => u.pathname === c.url), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').first().textContent()).toContain(c.title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows excerpts as text with <mark> only (no injected markup)', async () => {
    const { page, errors } = await freshPage();
    let checked = 0;
    let marks = 0;
    for (const query of ['onerror', 'iframe', 'javascript', 'alert', 'practice']) {
      const found = await search(page, query);
      if (found.total === 0) continue;
      checked += 1;
      const tags = await page.$$eval('.kb-search [role="listbox"] *', (els) => [...new Set(els.map((e) => e.tagName.toLowerCase()))]);
      expect(
        tags.every((t) => ['a', 'span', 'mark'].includes(t)),
        tags.join(','),
      ).toBe(true);
      // A result the query names (a planted alias such as `javascript:…`) shows its definition, which need not contain the word.
      marks += await page.locator('.kb-search [role="listbox"] mark').count();
    }
    expect(checked).toBeGreaterThan(0);
    expect(marks).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe-core in the light and dark theme, and fits a 360 px screen', async () => {
    const axeSource = readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: theme });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
      await search(page, eligible[2].title);
      await page.locator('[data-kb-filter-toggle]').click();
      await page.keyboard.press('ArrowDown');
      await page.locator('.kb-search__input').focus();
      await page.keyboard.press('ArrowDown');
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
        return axe.run({ include: [['.kb-search']] }, { resultTypes: ['violations'] });
      })) as AxeResult;
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} @ ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      expect(violations, theme).toEqual([]);
      const box = await page.locator('[data-kb-panel]').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('more results, the results page and did-you-mean', () => {
  it('shows more results in the panel on demand, each once, until there are none left', async () => {
    const { page, errors } = await freshPage();
    const first = await search(page, 'practice');
    expect(first.total).toBeGreaterThan(8);
    expect(first.titles).toHaveLength(8);
    expect(first.status).toBe(`Showing 8 of ${first.total} results`);
    expect(await page.locator('[data-kb-all]').getAttribute('href')).toBe('/search/?q=practice');
    await clickMore(page, '.kb-search [data-kb-more]', '.kb-search [role="listbox"]');
    let rows = await panelRows(page);
    expect(rows.shown).toBe(Math.min(16, first.total));
    // The arrow keys reach the new rows.
    await page.locator('.kb-search__input').focus();
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.kb-search__input').getAttribute('aria-activedescendant')).toBe(rows.ids[rows.ids.length - 1]);
    while (await page.locator('.kb-search [data-kb-more]').isVisible()) await clickMore(page, '.kb-search [data-kb-more]', '.kb-search [role="listbox"]');
    rows = await panelRows(page);
    expect(rows.shown).toBe(first.total);
    expect(new Set(rows.hrefs).size).toBe(first.total);
    expect(new Set(rows.ids).size).toBe(first.total);
    expect(rows.status).toBe(`${first.total} results`);
    expect(await page.locator('[data-kb-panel]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the full results page from Enter and lists every result, a page at a time', async () => {
    const { page, errors } = await freshPage();
    const header = await search(page, 'practice');
    await Promise.all([page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === 'practice'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.querySelector('[data-kb-list]')?.getAttribute('data-query') === 'practice');
    let results = await pageResults(page);
    expect(results.total).toBe(header.total);
    expect(results.shown).toBe(Math.min(20, header.total));
    expect(await page.locator('.kb-results__input').inputValue()).toBe('practice');
    while (await page.locator('.kb-results [data-kb-more]').isVisible()) await clickMore(page, '.kb-results [data-kb-more]', '[data-kb-list]');
    results = await pageResults(page);
    expect(results.hrefs).toHaveLength(header.total);
    expect(new Set(results.hrefs).size).toBe(header.total);
    expect(results.status).toBe(`${header.total} results for “practice”`);
    // A new query from the page's own form goes into the URL.
    await page.locator('.kb-results__input').fill(eligible[0].termId);
    await page.keyboard.press('Enter');
    await page.waitForFunction((t) => document.querySelector('[data-kb-list]')?.getAttribute('data-query') === t, eligible[0].termId);
    expect(new URL(page.url()).searchParams.get('q')).toBe(eligible[0].termId);
    expect((await pageResults(page)).titles[0]).toBe(eligible[0].title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the definition, not the title line, as the excerpt of a concept the query names', async () => {
    const { page, errors } = await freshPage();
    for (const c of eligible.slice(0, 4)) {
      await page.goto(`${server.url}${c.url.slice(1)}`);
      const lead = ((await page.locator('.lead').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
      const sentence = /^(.+?[.!?])(\s|$)/.exec(lead)?.[1] ?? lead;
      await openResultsPage(page, `q=${encodeURIComponent(c.title)}`);
      const results = await pageResults(page);
      expect(results.titles[0]).toBe(c.title);
      expect(results.excerpts[0].replace(/\s+/g, ' ').trim()).toBe(sentence.length > 240 ? `${sentence.slice(0, 239).trimEnd()}…` : sentence);
      expect(results.excerpts[0]).not.toMatch(/\$|\\[a-z]+|\[\[/);
      expect(await page.locator('.kb-results__item').first().locator('mark').count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers did-you-mean for a near miss of a title, in the panel and on the results page', async () => {
    const { page, errors } = await freshPage();
    const c = eligible.find((x) => typo(x.title) && x.title.split(' ')[0].length >= 6) ?? eligible[0];
    const near = typo(c.title) as string;
    await search(page, near);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.kb-search [data-kb-suggest]')?.dataset.terms !== undefined, null, {
      timeout: 10_000,
    });
    const offered = await page.locator('.kb-search .kb-search__suggestion').allTextContents();
    expect(offered, `suggestions for ${near}`).toContain(c.title);
    await page.locator('.kb-search .kb-search__suggestion', { hasText: c.title }).first().click();
    await page.waitForFunction((t) => document.querySelector('.kb-search [role="listbox"]')?.getAttribute('data-query') === t, c.title);
    expect(await page.locator('.kb-search__input').inputValue()).toBe(c.title);
    expect((await panelRows(page)).hrefs[0]).toBe(c.url);
    expect(await page.locator('.kb-search .kb-search__suggestion').count()).toBe(0);

    await openResultsPage(page, `q=${encodeURIComponent(near)}`);
    await page.waitForSelector('.kb-results__suggestion');
    const link = page.locator('.kb-results__suggestion', { hasText: c.title }).first();
    const href = new URL((await link.getAttribute('href')) ?? '', server.url);
    expect([href.pathname, href.searchParams.get('q')]).toEqual(['/search/', c.title]);
    await link.click();
    await page.waitForFunction((t) => document.querySelector('[data-kb-list]')?.getAttribute('data-query') === t, c.title);
    expect((await pageResults(page)).titles[0]).toBe(c.title);
    expect(new URL(page.url()).searchParams.get('q')).toBe(c.title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters by taxonomy branch: only the branch head and its narrower terms', async () => {
    const { page, errors } = await freshPage();
    // A branch head with several published narrower terms, searched by its own title.
    const heads = [...new Set(manifest.concepts.flatMap((c) => c.parents))]
      .map((head) => ({ head, branch: branchOf(head) }))
      .filter((h) => h.branch.size >= 3 && eligible.some((e) => e.title === h.head))
      .sort((a, b) => b.branch.size - a.branch.size);
    expect(heads.length).toBeGreaterThan(0);
    let checked = 0;
    for (const { head, branch } of heads.slice(0, 4)) {
      const word = head.split(' ').sort((a, b) => b.length - a.length)[0];
      await openResultsPage(page, `q=${encodeURIComponent(word)}`);
      const all = await pageResults(page);
      await openResultsPage(page, `q=${encodeURIComponent(word)}&branch=${encodeURIComponent(head)}`);
      expect(await page.locator('select[name="branch"]').inputValue()).toBe(head);
      while (await page.locator('.kb-results [data-kb-more]').isVisible()) await clickMore(page, '.kb-results [data-kb-more]', '[data-kb-list]');
      const inBranch = await pageResults(page);
      expect(inBranch.titles, `branch ${head}`).toContain(head);
      for (const title of inBranch.titles) expect(branch.has(title), `${title} in branch ${head}`).toBe(true);
      if (all.total > inBranch.total) checked++;
    }
    expect(checked).toBeGreaterThan(0);

    // The same filter in the header panel.
    const { head, branch } = heads[0];
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await search(page, head.split(' ')[0]);
    await page.locator('[data-kb-filter-toggle]').click();
    const select = page.locator('select[data-filter="branch"]');
    await page.waitForFunction(() => (document.querySelector('select[data-filter="branch"]')?.querySelectorAll('option').length ?? 0) > 2);
    await select.selectOption(head);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.kb-search [data-kb-status]')?.textContent !== '');
    await page.waitForFunction(
      (h) => new URL(document.querySelector<HTMLAnchorElement>('[data-kb-all]')?.href ?? 'http://x/').searchParams.get('branch') === h,
      head,
    );
    const titles = await page.$$eval('.kb-search [role="option"] .kb-search__title', (els) => els.map((e) => e.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(branch.has(title), `${title} in branch ${head}`).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes axe-core with more results and suggestions open, and on the results page, in both themes at 360 px', async () => {
    const axeSource = readFileSync(path.join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const near = typo(eligible.find((x) => typo(x.title))?.title ?? '') ?? 'practise';
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme: theme });
      await context.addInitScript((t) => localStorage.setItem('kb-theme', t), theme);
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      await page.goto(server.url, { waitUntil: 'networkidle' });
      await page.addScriptTag({ content: axeSource });
      const check = async (selector: string, what: string) => {
        const result = (await page.evaluate(async (sel) => {
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe;
          return axe.run({ include: [[sel]] }, { resultTypes: ['violations'] });
        }, selector)) as AxeResult;
        expect(
          result.violations.map((v) => `${v.id}: ${v.help} @ ${JSON.stringify(v.nodes.map((n) => n.target))}`),
          `${what}, ${theme}`,
        ).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${what}, ${theme}: horizontal scroll`).toBeLessThanOrEqual(0);
      };
      await search(page, 'practice');
      await clickMore(page, '.kb-search [data-kb-more]', '.kb-search [role="listbox"]');
      await check('.kb-search', 'panel with more results');
      await search(page, near);
      await page.waitForSelector('.kb-search .kb-search__suggestion', { timeout: 10_000 });
      await check('.kb-search', 'panel with suggestions');
      await openResultsPage(page, `q=${encodeURIComponent(near)}`);
      await page.waitForSelector('.kb-results__suggestion');
      await page.addScriptTag({ content: axeSource });
      await check('html', 'results page with suggestions');
      await openResultsPage(page, 'q=practice');
      await clickMore(page, '.kb-results [data-kb-more]', '[data-kb-list]');
      await page.addScriptTag({ content: axeSource });
      await check('html', 'results page with more results');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});

describe('search over concepts indexed in groups (what large glossaries get)', () => {
  let grouped: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    const out = path.join(work, 'dist-grouped');
    const log = buildSite(path.join(work, 'c', 'pages'), out, undefined, { KB_SEARCH_GROUPS: 'always' });
    expect(log).toContain('(concepts in groups)');
    grouped = await serveDir(out);
  }, 900_000);
  afterAll(async () => grouped?.close());

  it('ranks the concept first for its preferred term and term id, and links to its page', async () => {
    const { page, errors } = await freshPage(grouped.url);
    const sample = eligible.filter((_, i) => i % Math.max(1, Math.floor(eligible.length / 4)) === 0).slice(0, 4);
    for (const c of sample) {
      const byTitle = await search(page, c.title);
      expect(byTitle.titles[0], `title query ${c.title}`).toBe(c.title);
      expect(byTitle.hrefs[0]).toBe(c.url);
      const byId = await search(page, c.termId);
      expect(byId.titles[0], `term id query ${c.termId}`).toBe(c.title);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a taxonomy-branch filter to the branch, concept by concept', async () => {
    const { page, errors } = await freshPage(grouped.url);
    const heads = [...new Set(manifest.concepts.flatMap((c) => c.parents))]
      .map((head) => ({ head, branch: branchOf(head) }))
      .filter((h) => h.branch.size >= 3 && eligible.some((e) => e.title === h.head))
      .sort((a, b) => b.branch.size - a.branch.size);
    const { head, branch } = heads[0];
    const word = head.split(' ').sort((a, b) => b.length - a.length)[0];
    await openResultsPage(page, `q=${encodeURIComponent(word)}&branch=${encodeURIComponent(head)}`, grouped.url);
    while (await page.locator('.kb-results [data-kb-more]').isVisible()) await clickMore(page, '.kb-results [data-kb-more]', '[data-kb-list]');
    const inBranch = await pageResults(page);
    expect(inBranch.titles).toContain(head);
    for (const title of inBranch.titles) expect(branch.has(title), `${title} in branch ${head}`).toBe(true);
    for (const href of inBranch.hrefs) expect(href).toMatch(/^\/concepts\/[a-z0-9-]+\/$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
