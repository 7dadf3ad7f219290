// The prerender bundle's content-store module reads the store file Astro wrote instead of inlining it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { storeModule } from '../../src/lib/astro/data-store-file.ts';
import { LIVE_STORES_KEY, withLiveStores } from '../../src/lib/astro/live-store.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-store-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let modules = 0;
async function loadStoreModule(file: string): Promise<unknown> {
  const module = path.join(tmp, `store-${++modules}.mjs`);
  writeFileSync(module, storeModule(file));
  return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
}

const forgetLiveStores = () => delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(LIVE_STORES_KEY)];

/** A collection whose loader puts entries into the store it is given, as Astro's loaders do. */
function collection(entries: [string, unknown][]) {
  return { loader: { name: 'test', load: (ctx: { store: { set: (id: string, e: unknown) => void } }) => entries.forEach(([id, e]) => ctx.store.set(id, e)) } };
}

function fakeStore() {
  const map = new Map<string, unknown>();
  return { set: (id: string, e: unknown) => void map.set(id, e), entries: () => [...map.entries()] };
}

describe('content store module', () => {
  afterAll(forgetLiveStores);

  it('takes the content layer’s stores when every collection recorded one, ordered as in the store file', async () => {
    forgetLiveStores();
    const collections = withLiveStores({ zeta: collection([['b', { n: 2 }], ['a', { n: 1 }]]), alpha: collection([['x', { n: 3 }]]) });
    for (const [name, c] of Object.entries(collections)) {
      (c.loader as unknown as { load: (ctx: unknown) => void }).load({ collection: name, store: fakeStore() });
    }
    const store = await loadStoreModule(path.join(tmp, 'missing.json'));
    expect(store).toBeInstanceOf(Map);
    const m = store as Map<string, Map<string, unknown>>;
    expect([...m.keys()]).toEqual(['alpha', 'zeta']);
    expect([...(m.get('zeta')?.entries() ?? [])]).toEqual([['a', { n: 1 }], ['b', { n: 2 }]]);
  });

  it('reads the file when a collection never recorded its store, or when told to', async () => {
    forgetLiveStores();
    const collections = withLiveStores({ loaded: collection([['a', 1]]), never: collection([]) });
    (collections.loaded.loader as unknown as { load: (ctx: unknown) => void }).load({ collection: 'loaded', store: fakeStore() });
    const file = path.join(tmp, 'store.json');
    writeFileSync(file, JSON.stringify([1, 2, 3]));
    expect(await loadStoreModule(file)).toEqual([1, 2, 3]);
    (collections.never.loader as unknown as { load: (ctx: unknown) => void }).load({ collection: 'never', store: fakeStore() });
    expect(await loadStoreModule(file)).toBeInstanceOf(Map);
    process.env.KB_STORE_FROM_FILE = '1';
    try {
      expect(await loadStoreModule(file)).toEqual([1, 2, 3]);
    } finally {
      delete process.env.KB_STORE_FROM_FILE;
    }
  });

  it('exports what the store file holds, characters beyond Latin-1 included', async () => {
    const store = [['Map', 1, 2], 'concepts', { html: '<p>∥x − y∥ “quoted” — β</p>', title: 'Hinton–Osindero–Teh' }];
    const file = path.join(tmp, "data store's.json");
    writeFileSync(file, JSON.stringify(store));
    forgetLiveStores();
    expect(await loadStoreModule(file)).toEqual(store);
  });
});
