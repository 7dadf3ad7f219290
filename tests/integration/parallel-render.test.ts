// Rendering in worker threads gives exactly what rendering on one thread gives.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { loadSiteConfig } from '../../src/config.ts';
import { buildSite, buildSiteParallel } from '../../src/lib/site/build-graph.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-par-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('produces identical entries and diagnostics with two worker threads', async () => {
  generateCorpus({ pages: 360, seed: 5, out: tmp, defects: true });
  const options = { contentDir: path.join(tmp, 'pages'), config: loadSiteConfig({}), digest: (s: string) => createHash('sha1').update(s).digest('hex') };
  const messages: string[] = [];
  const parallel = await buildSiteParallel({ ...options, workers: 2, onProgress: (m) => messages.push(m) });
  const early = await buildSiteParallel({ ...options, workers: 2, expectRender: true });
  const serial = buildSite(options);
  expect(messages.some((m) => m.includes('2 worker threads'))).toBe(true);
  expect(parallel.entries.length).toBeGreaterThan(300);
  expect(JSON.stringify(parallel.entries)).toBe(JSON.stringify(serial.entries));
  expect(JSON.stringify(early.entries)).toBe(JSON.stringify(serial.entries));
  expect(parallel.diagnostics).toEqual(serial.diagnostics);
});

it('stops workers started early when the cache leaves too little to render', async () => {
  const small = path.join(tmp, 'small');
  generateCorpus({ pages: 40, seed: 6, out: small, defects: false });
  const options = { contentDir: path.join(small, 'pages'), config: loadSiteConfig({}), digest: (s: string) => createHash('sha1').update(s).digest('hex') };
  const messages: string[] = [];
  const site = await buildSiteParallel({ ...options, workers: 2, expectRender: true, onProgress: (m) => messages.push(m) });
  expect(messages.some((m) => m.includes('worker threads'))).toBe(false);
  expect(JSON.stringify(site.entries)).toBe(JSON.stringify(buildSite(options).entries));
});
