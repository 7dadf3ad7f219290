// Astro Content Layer loaders over the pipeline. `glossaryLoader` runs the pipeline and stores one
// entry per published concept with pre-rendered HTML (`rendered: { html, metadata: { headings } }`),
// re-rendering only pages whose source or link environment changed: the previous build's entries in
// its own collection store are the render cache (digests in `metadata.kb`). It also writes the
// hover-preview data (src/lib/astro/previews.ts). `siteLoader` waits for that run and stores one
// `summary` entry (domains, roots, tags, counts, optionally diagnostics).
// In `astro dev` both reload when a file in the content folder changes.
import type { Loader, LoaderContext } from 'astro/loaders';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveContentDir } from '../../config.ts';
import { countBySeverity, formatDiagnostic } from '../diagnostics.ts';
import { buildSiteParallel, type RenderedBody, type SiteBuild } from '../site/build-graph.ts';
import { siteSummary } from '../site/summary.ts';
import { discardStoreFileBeforeWrite } from './data-store-file.ts';
import { previewDataFile, writePreviewData, type Preview } from './previews.ts';
import type { ConceptEntryData } from '../site/types.ts';

/** The current load cycle's pipeline run (started by the glossary loader), and who waits for it. */
let current: Promise<SiteBuild> | null = null;
const waiting: ((build: Promise<SiteBuild>) => void)[] = [];

/**
 * What a concept entry keeps in `rendered.metadata`, beside its HTML and headings, to be reused by the
 * next build; the rest of a RenderedBody (definition HTML, math and demo flags) is in the entry's data.
 */
type CachedRender = Pick<RenderedBody, 'diagnostics' | 'bodyDigest'>;

async function runPipeline(ctx: LoaderContext): Promise<SiteBuild> {
  // ctx is the concepts collection's: its entries from the previous build are the render cache.
  const cache = {
    get(slug: string): RenderedBody | undefined {
      const entry = ctx.store.get(slug);
      const rendered = entry?.rendered;
      const kb = rendered?.metadata?.kb as CachedRender | undefined;
      if (!entry || !rendered || !kb) return undefined;
      const data = entry.data as unknown as ConceptEntryData;
      return {
        ...kb,
        html: rendered.html,
        headings: (rendered.metadata?.headings ?? []) as RenderedBody['headings'],
        definitionHtml: data.definitionHtml,
        hasMath: data.hasMath,
        demos: data.demos,
      };
    },
  };
  // An empty store means nothing can be reused: start the render workers right away.
  const expectRender = ctx.store.keys().length === 0;
  const site = await buildSiteParallel({ cache, expectRender, digest: (s) => ctx.generateDigest(s), onProgress: (m) => ctx.logger.info(m) });
  const counts = countBySeverity(site.diagnostics);
  for (const d of site.diagnostics) {
    if (d.severity === 'info') continue;
    (d.severity === 'error' ? ctx.logger.error : ctx.logger.warn).call(ctx.logger, formatDiagnostic(d));
  }
  ctx.logger.info(
    `${site.stats.published} concepts published, ${site.stats.withheld} withheld; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info`,
  );
  // The build script prints the final summary from this report (KB_BUILD_REPORT names the file).
  const reportFile = path.resolve(process.env.KB_BUILD_REPORT ?? path.join('.astro', 'kb-build-report.json'));
  mkdirSync(path.dirname(reportFile), { recursive: true });
  writeFileSync(reportFile, JSON.stringify({ stats: site.stats, counts, diagnostics: site.diagnostics }));
  if (site.config.strict && counts.error > 0) {
    throw new Error(`KB_STRICT is set and the content has ${counts.error} errors (listed above); fix them or unset KB_STRICT`);
  }
  return site;
}

/** Loaders that have yet to take this cycle's run; when both have, it is let go (see release). */
let consumers = 0;

/** Starts this load cycle's pipeline run (glossary loader only) and hands it to anyone waiting. */
function startBuild(ctx: LoaderContext): Promise<SiteBuild> {
  current = runPipeline(ctx);
  consumers = 2;
  for (const notify of waiting.splice(0)) notify(current);
  return current;
}

/**
 * A loader is done with this cycle's run. Once both are, the run (parsed pages, graph, diagnostics:
 * a gigabyte at 10,000 pages) is no longer referenced here, so it does not weigh on the rest of the
 * build (bundling and page generation hold the content store, which has what the pages need).
 */
function release(): void {
  if (--consumers === 0) current = null;
}

/** This load cycle's pipeline run, once the glossary loader has started it. */
function awaitBuild(): Promise<SiteBuild> {
  if (current) return current;
  return new Promise<SiteBuild>((resolve, reject) => waiting.push((build) => build.then(resolve, reject)));
}

/** Reload callbacks of the loaders, run once per content change (dev only). */
const reloaders = new Set<() => void>();
let watching = false;

function watchContent(ctx: LoaderContext, reload: () => void): void {
  if (!ctx.watcher) return;
  reloaders.add(reload);
  if (watching) return;
  watching = true;
  const dir = resolveContentDir();
  ctx.watcher.add(dir);
  const onChange = (file: string) => {
    if (!path.resolve(file).startsWith(dir) || !/\.(md|mdx|markdown)$/i.test(file)) return;
    current = null;
    for (const r of reloaders) r();
  };
  ctx.watcher.on('change', onChange);
  ctx.watcher.on('add', onChange);
  ctx.watcher.on('unlink', onChange);
}

function cachedRender(body: RenderedBody): CachedRender {
  return { diagnostics: body.diagnostics, bodyDigest: body.bodyDigest };
}

export function glossaryLoader(): Loader {
  return {
    name: 'kb-glossary',
    load: async (ctx) => {
      const sync = async () => {
        const site = await startBuild(ctx);
        const keep = new Set<string>();
        let changed = false;
        for (const { data, body } of site.entries) {
          keep.add(data.slug);
          const set = ctx.store.set({
            id: data.slug,
            data: data as unknown as Record<string, unknown>,
            rendered: { html: body.html, metadata: { headings: body.headings, kb: cachedRender(body) } },
            digest: ctx.generateDigest(JSON.stringify(data) + body.bodyDigest),
          });
          changed ||= set;
        }
        for (const id of ctx.store.keys()) {
          if (keep.has(id)) continue;
          ctx.store.delete(id);
          changed = true;
        }
        if (changed) discardStoreFileBeforeWrite();
        const previews: Record<string, Preview> = {};
        for (const { data } of site.entries) previews[data.slug] = { title: data.title, termId: data.termId, summary: data.summary };
        writePreviewData(previewDataFile(ctx.config.cacheDir), previews);
        release();
      };
      await sync();
      watchContent(ctx, () => void sync());
    },
  };
}

export function siteLoader(): Loader {
  return {
    name: 'kb-site',
    load: async (ctx) => {
      const sync = async () => {
        const site = await awaitBuild();
        const summary = siteSummary(site);
        ctx.store.set({ id: 'summary', data: summary as unknown as Record<string, unknown>, digest: ctx.generateDigest(JSON.stringify(summary)) });
        release();
      };
      await sync();
      watchContent(ctx, () => void sync());
    },
  };
}
