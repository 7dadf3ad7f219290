// Astro integration: in a static build, the prerender bundle takes the content store from the content
// layer's memory (live-store.ts) or, failing that, reads it from its file, instead of carrying it as
// a string literal. Astro's content plugin turns the store (220 MB for 10,000 pages) into
// `export default JSON.parse("…")`; building that costs seconds (the text is stringified, checked and
// bundled), and Node then compiles it before the first page is generated — 34 s when the text has
// characters beyond Latin-1 (math symbols, typographic quotes), which makes V8 build a two-byte
// string. Reading and parsing the same file takes 1.5 s; taking the store from memory, nothing. The
// bundle is only run by this build, in this process, after the store was written, so the file is
// there. This plugin's load hook runs before Astro's (order: 'pre') for the store module only, and
// only when the store is the single file Astro would read (not `experimental.collectionStorage:
// 'chunked'`). Dev mode is untouched.
import type { AstroIntegration } from 'astro';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { LIVE_STORE_EXPRESSION } from './live-store.ts';

const STORE_MODULE = '\0astro:data-layer-content';
/** Astro marks the store module so incremental builds leave it out of page dependency hashes. */
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

/** Set by the store module when it ran, to say where it took the store from. */
const SOURCE_KEY = 'kb.contentStoreSource';

/**
 * The store module's code: the content layer's own store when this process has it (see
 * live-store.ts), else the store file, read and parsed when the bundle runs.
 */
export function storeModule(file: string): string {
  return [
    `import { readFileSync } from 'node:fs';`,
    `const live = ${LIVE_STORE_EXPRESSION};`,
    `globalThis[Symbol.for(${JSON.stringify(SOURCE_KEY)})] = live ? 'memory' : 'file';`,
    `export default live ?? JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
    '',
  ].join('\n');
}

function plugin(storeFile: string): Plugin {
  return {
    name: 'kb-data-store-from-file',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    load: {
      order: 'pre',
      handler(id) {
        if (id !== STORE_MODULE || !existsSync(storeFile)) return null;
        return { code: storeModule(storeFile), map: null, meta: CONTENT_DATA_META };
      },
    },
  };
}

/** Set by the integration in `astro build` (single-file store only): the store file's path. */
const STORE_FILE_ENV = 'KB_BUILD_STORE_FILE';

/**
 * Deletes the store file of a build whose store has just changed, before Astro writes the new one.
 * Astro's writer first reads the old file (200 MB at 10,000 pages: a second and a half) to skip the
 * write if the text is the same; after a change it cannot be. Call it only right after a change:
 * the store is then dirty, and Astro writes it before the build goes on. Startup has loaded the old
 * file already. Only in `astro build`: dev mode watches the file.
 */
export function discardStoreFileBeforeWrite(): void {
  const file = process.env[STORE_FILE_ENV];
  if (file) rmSync(file, { force: true });
}

export function dataStoreFromFile(): AstroIntegration {
  return {
    name: 'kb-data-store-from-file',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build' || (config.experimental.collectionStorage ?? 'single-file') !== 'single-file') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        process.env[STORE_FILE_ENV] = storeFile;
        updateConfig({ vite: { plugins: [plugin(storeFile)] } });
      },
      'astro:build:done': ({ logger }) => {
        const source = (globalThis as unknown as Record<symbol, string | undefined>)[Symbol.for(SOURCE_KEY)];
        if (source) logger.info(`pages read the content store from ${source === 'memory' ? 'memory (the content layer’s own)' : 'its file'}`);
      },
    },
  };
}
