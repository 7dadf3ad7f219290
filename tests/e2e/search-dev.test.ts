// Search under `astro dev`: starts the dev server on a copy of the site fixture (its own build cache,
// a free port), waits until it answers, and searches in Chromium: results come from the index the dev
// server builds in memory (no 404 under /pagefind/), did-you-mean works, and a page added while the
// server runs is found once the server has read it.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser } from '../../scripts/lib/browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

let work = '';
let content = '';
let url = '';
let dev: ChildProcess | null = null;
let log = '';
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it returns true (or throws after `ms`, with the dev server's log). */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; dev server log:\n${log.slice(-3000)}`);
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-search-dev-'));
  content = path.join(work, 'content');
  cpSync(path.join(ROOT, 'tests', 'fixtures', 'site'), content, { recursive: true });
  const port = await freePort();
  url = `http://127.0.0.1:${port}/`;
  dev = spawn(path.join(BIN, 'astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      // Not Vitest's own variables (NODE_ENV=test, VITEST…): the dev server must run as it does for an editor.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k))),
      PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
      KB_CONTENT_DIR: content,
      KB_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  dev.on('exit', (code, signal) => (log += `\n(dev server exited: ${code ?? signal})`));
  await until(async () => (await fetch(url)).ok, 180_000, 'the dev server');
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (dev && dev.exitCode === null) {
    const exited = new Promise((r) => dev?.once('exit', r));
    dev.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (dev.exitCode === null) dev.kill('SIGKILL');
  }
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
    await until(async () => (await fetch(`${url}concepts/momentum-term/`)).ok, 60_000, 'the new page');
    await page.goto(`${url}concepts/momentum-term/`, { waitUntil: 'load' });
    expect((await search(page, 'momentum term'))[0]).toBe('Momentum Term');
    await page.close();
  });
});
