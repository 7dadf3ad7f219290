// Search under `astro dev`: the dev server answers /pagefind/* from a search index built in memory
// (Pagefind's Node API, src/lib/build/search-index.ts) from the site data folder's search records, the
// same records `npm run build` indexes. The index is built when a reader first searches and again
// whenever the site data changes (the loader rewrites it on every content edit). Guides have no
// built HTML in dev, so they are indexed by their title and description only. A build writes its
// index itself (scripts/build.ts); this integration does nothing outside the dev server.

import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadSiteConfig, resolveContentDir } from '../../config.ts';
import { searchIndexFiles } from '../build/search-index.ts';
import { searchLimits } from '../build/search-plan.ts';
import { readSearchRecords, readSiteIndex, siteDataDir } from '../build/site-data.ts';
import { guideHref } from '../site/view.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export function searchInDev(): AstroIntegration {
  let dataDir = '';
  /** The index of the site data as it was when it was built (keyed by the site index's digest). */
  let built: { digest: string; files: Promise<Map<string, Uint8Array>> } | null = null;
  let seen: { mtime: number; digest: string } | null = null;

  /** The digest of the current site data (site.json is read again only when it changed on disk). */
  const currentDigest = (): string | null => {
    const mtime = statSync(path.join(dataDir, 'site.json'), { throwIfNoEntry: false })?.mtimeMs;
    if (mtime === undefined) return null;
    if (seen?.mtime !== mtime) {
      const index = readSiteIndex(dataDir);
      if (!index) return null;
      seen = { mtime, digest: index.digest };
    }
    return seen.digest;
  };

  const filesFor = (digest: string): Promise<Map<string, Uint8Array>> => {
    if (built?.digest === digest) return built.files;
    const index = readSiteIndex(dataDir);
    const plainPages = (index?.guides ?? []).map((g) => ({ url: guideHref(g.slug), title: g.title, text: g.description ?? '' }));
    const files = searchIndexFiles({ records: readSearchRecords(dataDir), htmlPages: [], plainPages }, searchLimits(loadSiteConfig().searchGroups));
    built = { digest, files };
    files.catch(() => {
      if (built?.files === files) built = null;
    });
    return files;
  };

  return {
    name: 'kb-search-dev',
    hooks: {
      'astro:config:done': ({ config }) => {
        dataDir = siteDataDir(fileURLToPath(config.cacheDir), resolveContentDir());
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use((req, res, next) => {
          const m = /^\/pagefind\/([^?#]+)/.exec(req.url ?? '');
          if (!m) return next();
          const name = decodeURIComponent(m[1]);
          const digest = currentDigest();
          if (!digest) {
            res.statusCode = 503;
            res.end('the site data is not ready yet');
            return;
          }
          filesFor(digest).then(
            (files) => {
              const body = files.get(name);
              if (!body) {
                res.statusCode = 404;
                res.end('not found');
                return;
              }
              res.setHeader('Content-Type', TYPES[path.extname(name)] ?? 'application/octet-stream');
              res.setHeader('Cache-Control', 'no-store');
              res.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
            },
            (error: unknown) => {
              logger.error(`could not build the search index: ${error instanceof Error ? error.message : String(error)}`);
              res.statusCode = 500;
              res.end('the search index could not be built');
            },
          );
        });
      },
    },
  };
}
