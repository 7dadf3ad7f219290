// End-to-end test of automatic term links: builds a small glossary written for the purpose with
// `npm run build`'s script, serves it and checks the pages in Chromium: the first mention of a term
// in prose is a link with the hover preview; headings, code, existing links, the page itself and a
// page that says `autolink:: false` get none; a term of two concepts is left as text and reported.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { buildSite } from '../helpers/build.ts';

const page = (id: number, title: string, definition: string, extra = '', body = '') =>
  `- ### OntologyBlock\n\t- term-id:: AX-${String(id).padStart(4, '0')}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n${extra}\t- definition:: ${definition}\n${body}`;

const PAGES: Record<string, string> = {
  'Weight.md': page(1, 'Weight', 'A weight scales one input of a unit.', '\t- alt-terms:: Connection Strength\n', '## Use\n- A weight is learned.\n'),
  'Bias.md': page(2, 'Bias', 'A bias shifts the sum of a unit.'),
  'Kernel Matrix.md': page(3, 'Kernel Matrix', 'A matrix of pairwise similarities.', '\t- alt-terms:: Kernel\n'),
  'Convolution Kernel.md': page(4, 'Convolution Kernel', 'A small filter slid over an input.', '\t- alt-terms:: Kernel\n'),
  'Gradient Step.md': page(
    5,
    'Gradient Step',
    'A gradient step moves the parameters against the gradient.',
    '',
    [
      '## Weight and bias',
      '- Code such as `weight = weight - step` is left alone.',
      '- A [[Bias]] link is written by hand; the bias is not linked again.',
      '- Each weight changes, and the connection strength with it; the weight changes again.',
      '- A gradient step never links to its own page.',
      '- The kernel here is ambiguous.',
      '',
    ].join('\n'),
  ),
  'Quiet.md': page(6, 'Quiet Page', 'A page that turns automatic links off.', '\t- autolink:: false\n', '- The weight and the bias stay plain text here.\n'),
};

let work = '';
let output = '';
let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-autolink-e2e-'));
  const content = path.join(work, 'content');
  mkdirSync(content);
  for (const [file, text] of Object.entries(PAGES)) writeFileSync(path.join(content, file), text);
  output = buildSite(content, path.join(work, 'dist'), path.join(work, 'cache'));
  server = await serveDir(path.join(work, 'dist'));
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const p = await browser.newPage();
  const errors = collectConsoleErrors(p);
  await p.goto(new URL(url, server.url).href, { waitUntil: 'networkidle' });
  return { page: p, errors };
}

describe('terms that link themselves', () => {
  it('links the first mention in prose, once per concept, with the hover preview', async () => {
    const { page: p, errors } = await open('/concepts/gradient-step/');
    const links = await p.$$eval('.prose a.autolink, article a.autolink', (els) =>
      [...new Set(els)].map((a) => ({ text: a.textContent, href: a.getAttribute('href'), preview: a.getAttribute('data-preview'), cls: a.className })),
    );
    expect(links).toEqual([{ text: 'weight', href: '/concepts/weight/', preview: 'weight', cls: 'wikilink autolink' }]);
    await p.locator('a.autolink').first().hover();
    await p.waitForSelector('#wl-preview:not([hidden])');
    expect(await p.locator('#wl-preview .wl-preview__title').textContent()).toBe('Weight');
    expect(errors).toEqual([]);
    await p.close();
  });

  it('leaves headings, code, existing links, the page itself and ambiguous terms alone', async () => {
    const { page: p, errors } = await open('/concepts/gradient-step/');
    expect(await p.locator('h2 a, h3 a').count()).toBe(0);
    expect(await p.locator('code a').count()).toBe(0);
    expect(await p.locator('a[href="/concepts/bias/"]').count()).toBe(1);
    expect(await p.locator('a[href="/concepts/bias/"]').first().getAttribute('class')).not.toContain('autolink');
    // (The sidebar and the citation box name the page itself; its text never links to it.)
    expect(await p.locator('.concept-body a[href="/concepts/gradient-step/"], .lead a[href="/concepts/gradient-step/"]').count()).toBe(0);
    expect(await p.locator('a[href^="/concepts/kernel"], a[href^="/concepts/convolution"]').count()).toBe(0);
    expect(await p.getByText('The kernel here is ambiguous.').count()).toBe(1);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('adds no link on a page that says autolink:: false, and keeps the setting out of its details', async () => {
    const { page: p, errors } = await open('/concepts/quiet-page/');
    expect(await p.locator('a.autolink').count()).toBe(0);
    expect(await p.getByText('The weight and the bias stay plain text here.').count()).toBe(1);
    expect(await p.locator('body').textContent()).not.toMatch(/autolink/i);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('reports the ambiguous term with its file and line', () => {
    expect(output).toMatch(/^Gradient Step\.md:11: warning ambiguous-term: "kernel" is a term of several concepts \(Convolution Kernel, Kernel Matrix\)/m);
    const html = readFileSync(path.join(work, 'dist', 'concepts', 'gradient-step', 'index.html'), 'utf8');
    expect(html).toContain('class="wikilink autolink"');
  });
});
