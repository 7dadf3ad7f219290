// Astro's Content Layer loader for the glossary. Its collection holds one entry, `site`: where the
// site data folder is and the digest of its index (src/lib/build/site-data.ts). Pages read their data
// from that folder (src/lib/astro/page-data.ts); the entry's digest changing is what tells Astro, in
// `astro dev`, that pages must be rendered again. When `npm run build` has already run the pipeline
// for this content (it sets KB_SITE_DATA_READY to the index digest it wrote), the loader only reads
// the index; otherwise (dev, a bare `astro build`) it runs the pipeline stage itself, and in dev runs
// it again whenever a page file in the content folder changes.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadSiteConfig, resolveContentDir } from '../../config.ts';
import { readSiteIndex, type SiteIndex, siteDataDir } from '../build/site-data.ts';
import { runSiteDataStage } from '../build/site-data-stage.ts';
import { countBySeverity, formatDiagnostic } from '../diagnostics.ts';
import { PAGE_FILE } from '../ontology/load.ts';

/** The `site` entry's data. */
export interface SiteEntry {
  dir: string;
  digest: string;
}

/** Set by `npm run build` (scripts/build.ts) to the digest of the site data index it has just written. */
export const SITE_DATA_READY_ENV = 'KB_SITE_DATA_READY';

async function prepareSiteData(ctx: LoaderContext, contentDir: string): Promise<{ dir: string; index: SiteIndex }> {
  const cacheDir = fileURLToPath(ctx.config.cacheDir);
  const dir = siteDataDir(cacheDir, contentDir);
  const ready = process.env[SITE_DATA_READY_ENV];
  const existing = ready ? readSiteIndex(dir) : null;
  if (existing && existing.digest === ready) return { dir, index: existing };
  const config = loadSiteConfig();
  const run = await runSiteDataStage({ contentDir, config, cacheDir, onProgress: (m) => ctx.logger.info(m) });
  const { site } = run;
  for (const d of site.diagnostics) {
    if (d.severity === 'info') continue;
    (d.severity === 'error' ? ctx.logger.error : ctx.logger.warn).call(ctx.logger, formatDiagnostic(d));
  }
  const counts = countBySeverity(site.diagnostics);
  ctx.logger.info(
    `${site.stats.published} concepts published, ${site.stats.withheld} withheld; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
  );
  if (config.strict && counts.error > 0) {
    throw new Error(`KB_STRICT is set and the content has ${counts.error} errors (listed above); fix them or unset KB_STRICT`);
  }
  return { dir: run.dir, index: run.index };
}

export function glossaryLoader(): Loader {
  return {
    name: 'kb-glossary',
    load: async (ctx) => {
      const contentDir = resolveContentDir();
      const sync = async () => {
        const { dir, index } = await prepareSiteData(ctx, contentDir);
        const data: SiteEntry = { dir, digest: index.digest };
        ctx.store.set({ id: 'site', data: data as unknown as Record<string, unknown>, digest: index.digest });
      };
      await sync();
      if (!ctx.watcher) return;
      // Dev: one run at a time, in the order the changes came.
      let queue = Promise.resolve();
      const onChange = (file: string) => {
        const resolved = path.resolve(file);
        if (!resolved.startsWith(contentDir + path.sep) || !PAGE_FILE.test(resolved)) return;
        queue = queue
          .then(sync)
          .catch((err: unknown) => ctx.logger.error(`could not rebuild the site data: ${err instanceof Error ? err.message : String(err)}`));
      };
      ctx.watcher.add(contentDir);
      ctx.watcher.on('change', onChange);
      ctx.watcher.on('add', onChange);
      ctx.watcher.on('unlink', onChange);
    },
  };
}
