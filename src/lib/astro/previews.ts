// Hover-preview data: one small JSON file per concept at /previews/<slug>.json (title, term id,
// summary, URL), fetched by the wikilink preview script instead of the whole target page. The glossary
// loader writes the previews of the current content to one file in the cache; this integration writes
// them out at the end of a build (10,000 files in about a second, where generating them as an Astro
// endpoint took 5 s; a rebuild rewrites only the ones that changed) and serves them in dev from the
// same file. The previews/ folder is this integration's: it also deletes previews of removed concepts.
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveContentDir } from '../../config.ts';
import { conceptHref } from '../site/view.ts';

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
  return JSON.stringify({ title: p.title, termId: p.termId, summary: p.summary, url: conceptHref(slug) });
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

export interface PreviewWrite {
  written: number;
  kept: number;
  removed: number;
  /** Slug → file body of every preview now in the folder (pass it as `previous` next time). */
  files: Record<string, string>;
}

/**
 * Writes every preview into `<outDir>/previews/` and deletes preview files of concepts that are gone.
 * Slugs are checked to be plain. A file whose body equals the one in `previous` (what the last build
 * wrote into this folder) and that still exists is left alone: a rebuild rewrites only what changed.
 */
export function writePreviewFiles(outDir: string, previews: Record<string, Preview>, previous: Record<string, string> = {}): PreviewWrite {
  const dir = path.join(outDir, 'previews');
  mkdirSync(dir, { recursive: true });
  const result: PreviewWrite = { written: 0, kept: 0, removed: 0, files: {} };
  for (const [slug, p] of Object.entries(previews)) {
    if (!SLUG.test(slug)) continue;
    const body = previewJson(slug, p);
    const file = path.join(dir, `${slug}.json`);
    result.files[slug] = body;
    if (Object.hasOwn(previous, slug) && previous[slug] === body && existsSync(file)) result.kept++;
    else {
      writeFileSync(file, body);
      result.written++;
    }
  }
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.json') && Object.hasOwn(result.files, name.slice(0, -5))) continue;
    rmSync(path.join(dir, name), { recursive: true, force: true });
    result.removed++;
  }
  return result;
}

/** What the last build wrote into an output folder's previews/, kept in the cache. */
function writtenRecordFile(cacheDir: URL, outDir: string): string {
  const key = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(fileURLToPath(cacheDir), `kb-previews-written-${key}.json`);
}

export function previewFiles(): AstroIntegration {
  let dataFile = '';
  let cacheDir: URL | null = null;
  return {
    name: 'kb-previews',
    hooks: {
      'astro:config:done': ({ config }) => {
        dataFile = previewDataFile(config.cacheDir);
        cacheDir = config.cacheDir;
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
        const outDir = fileURLToPath(dir);
        const record = cacheDir ? writtenRecordFile(cacheDir, outDir) : null;
        let previous: Record<string, string> = {};
        try {
          if (record) previous = JSON.parse(readFileSync(record, 'utf8')) as Record<string, string>;
        } catch {
          previous = {};
        }
        const r = writePreviewFiles(outDir, readPreviewData(dataFile), previous);
        if (record) writeFileSync(record, JSON.stringify(r.files));
        logger.info(`previews: ${r.written} written, ${r.kept} unchanged${r.removed > 0 ? `, ${r.removed} removed` : ''}`);
      },
    },
  };
}
