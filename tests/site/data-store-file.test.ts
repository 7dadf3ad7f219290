// The prerender bundle's content-store module reads the store file Astro wrote instead of inlining it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeModule } from '../../src/lib/astro/data-store-file.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('content store module', () => {
  it('exports what the store file holds, characters beyond Latin-1 included', async () => {
    const store = [['Map', 1, 2], 'concepts', { html: '<p>∥x − y∥ “quoted” — β</p>', title: 'Hinton–Osindero–Teh' }];
    const file = path.join(tmp, "data store's.json");
    writeFileSync(file, JSON.stringify(store));
    const module = path.join(tmp, 'store.mjs');
    writeFileSync(module, storeModule(file));
    const loaded = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(loaded.default).toEqual(store);
  });
});
