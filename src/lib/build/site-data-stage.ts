// The first stage of a build: run the pipeline over a content folder (reusing the page records and
// the bodies the last run read and rendered, where they still hold) and write the site data folder.
// `npm run build` runs it before Astro starts; Astro's content loader runs it itself in `astro dev`
// and in a bare `astro build`. `check` runs the same pipeline (so it reports exactly the diagnostics a
// build does) and keeps only what it rendered, for the next run.
import path from 'node:path';
import type { SiteConfig } from '../../config.ts';
import { buildSiteParallel, type SiteBuild } from './pipeline.ts';
import { readRenderCache, siteDataDir, writeRenderedPage, writeRenderResults, writeSiteData, type SiteIndex } from './site-data.ts';

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

/** The pipeline as `check` runs it: every diagnostic a build reports, and no pages written. */
export async function runCheckStage(options: StageOptions): Promise<SiteBuild> {
  const dir = siteDataDir(options.cacheDir, options.contentDir);
  const site = await buildSiteParallel({
    contentDir: options.contentDir,
    config: options.config,
    cache: readRenderCache(dir),
    recordCache: path.join(dir, 'records.bin'),
    store: (digest, page) => writeRenderedPage(dir, digest, page),
    workers: options.workers,
    onProgress: options.onProgress,
  });
  writeRenderResults(dir, site);
  return site;
}
