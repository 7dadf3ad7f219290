// Hover-preview files: one small JSON file per concept at /previews/<slug>.json (title, term id,
// summary, URL), fetched by the wikilink preview script instead of the whole target page. Written at
// the end of `astro build` from the site data folder's previews.json (a rebuild rewrites only the
// files whose bytes changed, and deletes the previews of concepts that are gone), and served from
// the same data in `astro dev`. The output folder's previews/ is this integration's alone.
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../../config.ts';
import { readPreviews, siteDataDir, type Preview } from '../build/site-data.ts';
import { conceptHref } from '../site/view.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The body of /previews/<slug>.json. */
export function previewJson(slug: string, p: Preview): string {
  return JSON.stringify({ title: p.title, termId: p.termId, summary: p.summary, url: conceptHref(slug) });
}

export interface PreviewWrite {
  written: number;
  kept: number;
  removed: number;
}

/**
 * Writes every preview into `<outDir>/previews/` (only files whose bytes differ) and deletes preview
 * files of concepts that are gone. Slugs are checked to be plain.
 */
export function writePreviewFiles(outDir: string, previews: Record<string, Preview>): PreviewWrite {
  const dir = path.join(outDir, 'previews');
  mkdirSync(dir, { recursive: true });
  const result: PreviewWrite = { written: 0, kept: 0, removed: 0 };
  const names = new Set<string>();
  for (const [slug, p] of Object.entries(previews)) {
    if (!SLUG.test(slug)) continue;
    const body = previewJson(slug, p);
    const file = path.join(dir, `${slug}.json`);
    names.add(`${slug}.json`);
    if (existsSync(file) && readFileSync(file, 'utf8') === body) result.kept++;
    else {
      writeFileSync(file, body);
      result.written++;
    }
  }
  for (const name of readdirSync(dir)) {
    if (names.has(name)) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    result.removed++;
  }
  return result;
}

export function previewFiles(): AstroIntegration {
  let dataDir = '';
  return {
    name: 'kb-previews',
    hooks: {
      'astro:config:done': ({ config }) => {
        dataDir = siteDataDir(fileURLToPath(config.cacheDir), resolveContentDir());
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const m = /^\/previews\/([^/?#]+)\.json(?:[?#]|$)/.exec(req.url ?? '');
          if (!m) return next();
          const slug = decodeURIComponent(m[1]);
          const previews = readPreviews(dataDir);
          const p = Object.hasOwn(previews, slug) ? previews[slug] : undefined;
          if (!p) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(previewJson(slug, p));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const r = writePreviewFiles(fileURLToPath(dir), readPreviews(dataDir));
        logger.info(`previews: ${r.written} written, ${r.kept} unchanged${r.removed > 0 ? `, ${r.removed} removed` : ''}`);
      },
    },
  };
}
