// The first stage of a build: run the pipeline over a content folder (reusing the page records and
// the bodies the last run read and rendered, where they still hold) and write the site data folder.
// `npm run build` runs it before Astro starts; Astro's content loader runs it itself in `astro dev`
// and in a bare `astro build`. `check` runs the same pipeline (so it reports exactly the diagnostics a
// build does) and keeps only what it rendered, for the next run.
import path from 'node:path';
import type { SiteConfig } from '../../config.ts';
import type { RecordMemory } from './page-records.ts';
import { buildSiteParallel, type CachedRender, type SiteBuild } from './pipeline.ts';
import { readRenderCache, type SiteIndex, siteDataDir, writeRenderedPage, writeRenderResults, writeSiteData } from './site-data.ts';

export interface StageOptions {
  contentDir: string;
  config: SiteConfig;
  /** The build cache folder (Astro's cacheDir): the site data folder lives inside it. */
  cacheDir: string;
  workers?: number;
  onProgress?: (msg: string) => void;
}

export interface StageResult {
  /** The site data folder. */
  dir: string;
  index: SiteIndex;
  site: SiteBuild;
}

export async function runSiteDataStage(options: StageOptions): Promise<StageResult> {
  const dir = siteDataDir(options.cacheDir, options.contentDir);
  const cache = readRenderCache(dir);
  const site = await buildSiteParallel({
    contentDir: options.contentDir,
    config: options.config,
    cache,
    recordCache: path.join(dir, 'records.bin'),
    store: (digest, page) => writeRenderedPage(dir, digest, page),
    workers: options.workers,
    onProgress: options.onProgress,
  });
  const { index, written } = writeSiteData(dir, site);
  options.onProgress?.(`site data: ${written} files written`);
  return { dir, index, site };
}

/** What `check --watch` keeps in memory from one check to the next: page records and render results. */
export interface CheckMemory {
  records: RecordMemory;
  renders?: Map<string, CachedRender>;
}

/**
 * The pipeline as `check` runs it: every diagnostic a build reports, and no pages written. With
 * `memory`, page records and render results are kept in it between runs instead of being read back
 * and written again.
 */
export async function runCheckStage(options: StageOptions, memory?: CheckMemory): Promise<SiteBuild> {
  const dir = siteDataDir(options.cacheDir, options.contentDir);
  const site = await buildSiteParallel({
    contentDir: options.contentDir,
    config: options.config,
    cache: memory?.renders ?? readRenderCache(dir),
    recordCache: path.join(dir, 'records.bin'),
    recordMemory: memory?.records,
    store: (digest, page) => writeRenderedPage(dir, digest, page),
    workers: options.workers,
    onProgress: options.onProgress,
  });
  // Rendered bodies are stored as they are rendered; the render cache file is written by a plain check
  // and by a watch's first one (later runs of a watch keep it in memory: a build after them re-renders
  // the few pages they rendered).
  if (!memory?.renders) writeRenderResults(dir, site);
  if (memory) memory.renders = new Map(site.pages.map((page) => [page.node.slug, page.render]));
  return site;
}
