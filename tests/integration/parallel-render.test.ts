// Rendering in worker threads gives exactly what rendering on one thread gives.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { loadSiteConfig } from '../../src/config.ts';
import { buildSite, buildSiteParallel, type SiteBuild } from '../../src/lib/build/pipeline.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-par-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Everything a run hands on, per page: its slug, what the render cache keeps and the rendered page. */
const outputOf = (site: SiteBuild) => JSON.stringify(site.pages.map((p) => [p.node.slug, p.render, p.rendered]));

it('produces identical pages and diagnostics with two worker threads', async () => {
  generateCorpus({ pages: 360, seed: 5, out: tmp, defects: true });
  const options = { contentDir: path.join(tmp, 'pages'), config: loadSiteConfig({}) };
  const messages: string[] = [];
  const parallel = await buildSiteParallel({ ...options, workers: 2, onProgress: (m) => messages.push(m) });
  const serial = buildSite(options);
  expect(messages.some((m) => m.includes('2 worker threads'))).toBe(true);
  expect(parallel.pages.length).toBeGreaterThan(300);
  expect(outputOf(parallel)).toBe(outputOf(serial));
  expect(parallel.diagnostics).toEqual(serial.diagnostics);
});

it('renders on this thread when there is too little to render for workers to pay off', async () => {
  const small = path.join(tmp, 'small');
  generateCorpus({ pages: 40, seed: 6, out: small, defects: false });
  const options = { contentDir: path.join(small, 'pages'), config: loadSiteConfig({}) };
  const messages: string[] = [];
  const site = await buildSiteParallel({ ...options, workers: 2, onProgress: (m) => messages.push(m) });
  expect(messages.some((m) => m.includes('worker threads'))).toBe(false);
  expect(outputOf(site)).toBe(outputOf(buildSite(options)));
});
