// Hover-preview data: one small JSON file per concept at /previews/<slug>.json (title, term id,
// summary, URL), fetched by the wikilink preview script instead of the whole target page. The glossary
// loader writes the previews of the current content to one file in the cache; this integration writes
// them out at the end of a build (10,000 files in well under a second, where generating them as an
// Astro endpoint took 5 s) and serves them in dev from the same file.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../../config.ts';

export interface Preview {
  title: string;
  termId: string | null;
  summary: string;
}

/**
 * Where the loader keeps the current previews, in the build cache: one file per content folder, so
 * builds of different folders sharing a cache never write each other's previews.
 */
export function previewDataFile(cacheDir: URL): string {
  const folder = createHash('sha256').update(resolveContentDir()).digest('hex').slice(0, 16);
  return path.join(fileURLToPath(cacheDir), `kb-previews-${folder}.json`);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The body of /previews/<slug>.json. */
export function previewJson(slug: string, p: Preview): string {
  return JSON.stringify({ title: p.title, termId: p.termId, summary: p.summary, url: `/concepts/${slug}/` });
}

export function writePreviewData(file: string, previews: Record<string, Preview>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(previews));
}

function readPreviewData(file: string): Record<string, Preview> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Preview>;
  } catch {
    return {};
  }
}

/** Writes every preview into `<outDir>/previews/`; returns how many. Slugs are checked to be plain. */
export function writePreviewFiles(outDir: string, previews: Record<string, Preview>): number {
  const dir = path.join(outDir, 'previews');
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const [slug, p] of Object.entries(previews)) {
    if (!SLUG.test(slug)) continue;
    writeFileSync(path.join(dir, `${slug}.json`), previewJson(slug, p));
    n++;
  }
  return n;
}

export function previewFiles(): AstroIntegration {
  let dataFile = '';
  return {
    name: 'kb-previews',
    hooks: {
      'astro:config:done': ({ config }) => {
        dataFile = previewDataFile(config.cacheDir);
      },
      'astro:server:setup': ({ server }) => {
        let cached: { mtime: number; data: Record<string, Preview> } = { mtime: -1, data: {} };
        server.middlewares.use((req, res, next) => {
          const m = /^\/previews\/([^/?#]+)\.json(?:[?#]|$)/.exec(req.url ?? '');
          if (!m) return next();
          let mtime = 0;
          try {
            mtime = statSync(dataFile).mtimeMs;
          } catch {
            mtime = 0;
          }
          if (mtime !== cached.mtime) cached = { mtime, data: readPreviewData(dataFile) };
          const slug = decodeURIComponent(m[1]);
          const p = Object.hasOwn(cached.data, slug) ? cached.data[slug] : undefined;
          if (!p) return next();
          res.setHeader('Content-Type', 'application/json');
          res.end(previewJson(slug, p));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const n = writePreviewFiles(fileURLToPath(dir), readPreviewData(dataFile));
        logger.info(`wrote ${n} preview files`);
      },
    },
  };
}
