// Hover-preview files: /previews/<k>.json holds the previews (title, term id, summary, URL) of the
// concepts whose slug falls in shard k (src/lib/site/preview-shards.ts), fetched by the wikilink
// preview script instead of the whole target page. Written at the end of `astro build` from the site
// data folder's previews.json (a rebuild rewrites only the files whose bytes changed, and deletes
// shards no longer used), and served from the same data in `astro dev`. The output folder's
// previews/ is this integration's alone.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { resolveContentDir } from '../../config.ts';
import { type Preview, readPreviews, siteDataDir } from '../build/site-data.ts';
import { type PreviewEntry, previewShardCount, previewShardOf } from '../site/preview-shards.ts';
import { conceptHref } from '../site/view.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The body of each shard file, by shard number (slugs are checked to be plain). */
export function previewShards(previews: Record<string, Preview>): Map<number, string> {
  const count = previewShardCount(Object.keys(previews).length);
  const shards = new Map<number, Record<string, PreviewEntry>>();
  for (const slug of Object.keys(previews).sort()) {
    if (!SLUG.test(slug)) continue;
    const k = previewShardOf(slug, count);
    const p = previews[slug];
    const shard = shards.get(k) ?? {};
    shard[slug] = { title: p.title, termId: p.termId, summary: p.summary, url: conceptHref(slug) };
    shards.set(k, shard);
  }
  return new Map([...shards].map(([k, entries]) => [k, JSON.stringify(entries)]));
}

export interface PreviewWrite {
  written: number;
  kept: number;
  removed: number;
}

/** Writes the shard files into `<outDir>/previews/` (only those whose bytes differ) and deletes the rest. */
export function writePreviewFiles(outDir: string, previews: Record<string, Preview>): PreviewWrite {
  const dir = path.join(outDir, 'previews');
  mkdirSync(dir, { recursive: true });
  const result: PreviewWrite = { written: 0, kept: 0, removed: 0 };
  const names = new Set<string>();
  for (const [k, body] of previewShards(previews)) {
    const file = path.join(dir, `${k}.json`);
    names.add(`${k}.json`);
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
          const m = /^\/previews\/(\d+)\.json(?:[?#]|$)/.exec(req.url ?? '');
          if (!m) return next();
          const body = previewShards(readPreviews(dataDir)).get(Number(m[1]));
          if (body === undefined) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const r = writePreviewFiles(fileURLToPath(dir), readPreviews(dataDir));
        logger.info(`previews: ${r.written} files written, ${r.kept} unchanged${r.removed > 0 ? `, ${r.removed} removed` : ''}`);
      },
    },
  };
}
