// Search under `astro dev`: starts the dev server on a copy of the site fixture (its own build cache,
// a free port), waits until it answers, and searches in Chromium: results come from the index the dev
// server builds in memory (no 404 under /pagefind/), did-you-mean works, and a page added while the
// server runs is found once the server has read it.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser } from '../../scripts/lib/browser.ts';
import { type DevServer, startDevServer } from '../helpers/dev-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let work = '';
let content = '';
let url = '';
let server: DevServer | undefined;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-search-dev-'));
  content = path.join(work, 'content');
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'site'), content, { recursive: true });
  server = await startDevServer(content, path.join(work, 'cache'));
  url = server.url;
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('.kb-search__input');
  await input.focus();
  await input.fill('');
  await input.pressSequentially(query, { delay: 15 });
  await page.waitForFunction((q) => document.querySelector('.kb-search [role="listbox"]')?.getAttribute('data-query') === q, query, { timeout: 60_000 });
  return page.$$eval('.kb-search [role="option"] .kb-search__title', (els) => els.map((e) => e.textContent ?? ''));
}

describe('search under astro dev', () => {
  it('finds terms from an index built in memory, with no missing files', async () => {
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/pagefind/') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}concepts/weight/`, { waitUntil: 'load' });
    expect((await search(page, 'weight'))[0]).toBe('Weight');
    expect((await search(page, 'FX-0005'))[0]).toBe('Tied Parameter');
    expect(await page.locator('.kb-search [data-kb-status]').textContent()).not.toMatch(/unavailable/);
    await search(page, 'wieght');
    await page.waitForSelector('.kb-search .kb-search__suggestion');
    expect(await page.locator('.kb-search .kb-search__suggestion').allTextContents()).toContain('Weight');
    expect(failed).toEqual([]);
    expect(errors.filter((e) => !/\[vite\]/.test(e))).toEqual([]);
    await page.close();
  });

  it('finds a page added while the server runs', async () => {
    writeFileSync(
      path.join(content, 'Momentum Term.md'),
      '- ### OntologyBlock\n\t- term-id:: FX-0042\n\t- preferred-term:: Momentum Term\n\t- public-access:: true\n\t- definition:: A momentum term adds a decaying sum of past updates.\n',
    );
    const page = await browser.newPage();
    await server!.until(async () => (await fetch(`${url}concepts/momentum-term/`)).ok, 60_000, 'the new page');
    await page.goto(`${url}concepts/momentum-term/`, { waitUntil: 'load' });
    expect((await search(page, 'momentum term'))[0]).toBe('Momentum Term');
    await page.close();
  });
});
