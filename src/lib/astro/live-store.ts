// The content store as the build's content layer holds it, for the prerender bundle of the same
// `astro build` process (src/lib/astro/data-store-file.ts). The bundle would otherwise read and parse
// the store file Astro has just written: 200 MB at 10,000 pages, a second and a half, and a second
// copy in memory. Every collection's loader is wrapped to record its store (`withLiveStores` in
// src/content.config.ts); the bundle uses them only if every collection recorded one, and otherwise
// reads the file. The entries are the very objects Astro serialises into that file, ordered as
// Astro orders them there (collections and ids by localeCompare).

/** What a loader's `ctx.store` offers that is needed here. */
interface EntrySource {
  entries(): [string, unknown][];
}

interface Registry {
  /** Every collection of the content config. */
  expected: Set<string>;
  stores: Map<string, EntrySource>;
}

/** A global both module graphs (content config via Vite, the prerender bundle via Node) can reach. */
export const LIVE_STORES_KEY = 'kb.liveContentStores';

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  const key = Symbol.for(LIVE_STORES_KEY);
  g[key] ??= { expected: new Set(), stores: new Map() };
  return g[key];
}

interface LoaderLike {
  load?: (ctx: { collection: string; store: EntrySource }) => unknown;
}

/** Wraps each collection's loader so that its store is recorded when it loads. */
export function withLiveStores<T extends Record<string, object>>(collections: T): T {
  const r = registry();
  for (const [name, collection] of Object.entries(collections)) {
    r.expected.add(name);
    const loader = (collection as { loader?: unknown }).loader as LoaderLike | undefined;
    // A loader that is a plain function (not an object with `load`) is not wrapped: its store is
    // never recorded, so the prerender bundle reads the store file.
    if (!loader || typeof loader !== 'object' || typeof loader.load !== 'function') continue;
    const load = loader.load.bind(loader);
    (collection as { loader: unknown }).loader = {
      ...loader,
      load: (ctx: { collection: string; store: EntrySource }) => {
        r.stores.set(ctx.collection, ctx.store);
        return load(ctx);
      },
    };
  }
  return collections;
}

/**
 * The code the prerender bundle's store module evaluates to get the live store: a Map of
 * collections (each a Map of entries) or null. Self-contained: it runs inside the bundle.
 */
export const LIVE_STORE_EXPRESSION = `(() => {
  if (process.env.KB_STORE_FROM_FILE === '1') return null;
  const r = globalThis[Symbol.for(${JSON.stringify(LIVE_STORES_KEY)})];
  if (!r || r.expected.size === 0 || [...r.expected].some((name) => !r.stores.has(name))) return null;
  const byName = ([a], [b]) => a.localeCompare(b);
  return new Map([...r.stores].sort(byName).map(([name, store]) => [name, new Map(store.entries().sort(byName))]));
})()`;
