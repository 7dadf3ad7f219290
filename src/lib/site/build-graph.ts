// One run of the pipeline for the site: read the content folder, build the graph, and render every
// published page (reusing cached HTML when a page's source and link environment are unchanged).
// Shared by the Astro loaders (src/content.config.ts) and the tests; no Astro imports here.
import { availableParallelism } from 'node:os';
import { loadSiteConfig, resolveContentDir, type SiteConfig } from '../../config.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { GraphBuild, GraphNode, LinkTarget } from '../ontology/graph.ts';
import { loadContent } from '../ontology/load.ts';
import type { PageRecord } from '../ontology/extract.ts';
import { renderBlocks, renderInline, type RenderContext } from '../render/pipeline.ts';
import type { HeadingInfo } from '../render/rehype-headings.ts';
import { firstSentence } from '../render/text.ts';
import { demoRenderer, DEMO_RENDER_VERSION } from './demo-embed.ts';
import type { ConceptEntryData } from './types.ts';
import { conceptHref, GraphView, guideHref } from './view.ts';
import { startRenderWorker, type RenderWorker } from './render-pool.ts';

/** Bump when rendering changes in a way cached HTML must not survive. */
export const RENDER_VERSION = 8;

export interface RenderedBody {
  html: string;
  headings: HeadingInfo[];
  definitionHtml: string;
  hasMath: boolean;
  demos: string[];
  diagnostics: Diagnostic[];
  bodyDigest: string;
}

export interface SiteBuild {
  config: SiteConfig;
  contentDir: string;
  build: GraphBuild;
  view: GraphView;
  entries: { data: ConceptEntryData; body: RenderedBody }[];
  /** Diagnostics from the graph and from rendering, sorted. */
  diagnostics: Diagnostic[];
  stats: { files: number; published: number; withheld: number; rendered: number; reused: number; seconds: { parse: number; render: number } };
}

export function makeRenderContext(build: GraphBuild): RenderContext {
  const paths = new Set(build.graph.nodes.map((n) => (n.kind === 'guide' ? guideHref(n.slug) : conceptHref(n.slug))));
  return {
    resolveLink: build.resolveLink,
    isPublishedPath: (p) => paths.has(p.split('#')[0].split('?')[0].replace(/\/?$/, '/')),
    tagHref: (tag) => {
      const t = build.tagOf(tag);
      return t ? `/tags/${t.slug}/` : null;
    },
    pageHref: (t) => (t.kind === 'guide' ? guideHref(t.slug) : conceptHref(t.slug)),
    demos: demoRenderer,
  };
}

/** What a page's rendering depends on besides its own source: how each of its links resolves. */
function linkEnvironment(record: PageRecord, resolve: (t: string) => LinkTarget, tagOf: GraphBuild['tagOf'], summaries: Map<string, string>): string {
  const c = record.concept;
  if (!c) return '';
  const parts: string[] = [];
  for (const l of c.linkRefs) {
    const t = resolve(l.target);
    if (t.state !== 'published') {
      parts.push(`${l.target}>${t.state}`);
      continue;
    }
    const key = `${t.kind}:${t.slug}`;
    let summary = summaries.get(key);
    if (summary === undefined) summaries.set(key, (summary = firstSentence(t.definition)));
    parts.push(`${l.target}>${t.slug}|${summary}`);
  }
  for (const tag of c.tags) parts.push(`#${tag}:${tagOf(tag)?.slug ?? ''}`);
  return parts.join('\n');
}

export interface RenderCache {
  get(slug: string): RenderedBody | undefined;
}

export interface BuildOptions {
  contentDir?: string;
  config?: SiteConfig;
  cache?: RenderCache;
  digest: (s: string) => string;
  onProgress?: (msg: string) => void;
}

/** Renders one concept page's body and definition. */
export function renderConceptBody(record: PageRecord, ctx: RenderContext): Omit<RenderedBody, 'bodyDigest'> {
  const c = record.concept as NonNullable<PageRecord['concept']>;
  const r = renderBlocks(record.body, record.page.file, ctx, c.title);
  const d = c.definition ? renderInline(c.definition, c.titleLine, record.page.file, ctx) : null;
  return {
    html: r.html,
    headings: r.headings,
    definitionHtml: d?.html ?? '',
    hasMath: r.hasMath || (d?.hasMath ?? false),
    demos: r.demos,
    diagnostics: [...r.diagnostics, ...(d?.diagnostics ?? [])],
  };
}

/** A build in progress: the graph is built and each page knows whether its cached HTML still holds. */
interface Prepared {
  config: SiteConfig;
  contentDir: string;
  build: GraphBuild;
  ctx: RenderContext;
  pages: { node: GraphNode; record: PageRecord; bodyDigest: string; body: RenderedBody | undefined }[];
  parseSeconds: number;
  started: number;
}

function prepare(options: BuildOptions): Prepared {
  const config = options.config ?? loadSiteConfig();
  const contentDir = options.contentDir ?? resolveContentDir();
  const started = performance.now();
  const build = loadContent(contentDir, config);
  const parseSeconds = (performance.now() - started) / 1000;
  options.onProgress?.(`parsed ${build.records.length} files in ${parseSeconds.toFixed(1)} s`);
  const ctx = makeRenderContext(build);
  /** First sentence of each link target's definition (by kind and slug), computed once per target. */
  const summaries = new Map<string, string>();
  const recordBySlug = new Map<string, PageRecord>();
  for (const r of build.records) if (r.status === 'published' && r.concept?.kind === 'concept') recordBySlug.set(r.concept.slug, r);
  const pages = build.graph.nodes
    .filter((n) => n.kind === 'concept')
    .map((node) => {
      const record = recordBySlug.get(node.slug) as PageRecord;
      const bodyDigest = options.digest(`${RENDER_VERSION}/${DEMO_RENDER_VERSION}\n${record.page.digest}\n${linkEnvironment(record, build.resolveLink, build.tagOf, summaries)}`);
      const cached = options.cache?.get(node.slug);
      return { node, record, bodyDigest, body: cached && cached.bodyDigest === bodyDigest ? cached : undefined };
    });
  return { config, contentDir, build, ctx, pages, parseSeconds, started };
}

function assemble(p: Prepared, rendered: number, options: BuildOptions): SiteBuild {
  const view = new GraphView(p.build.graph, p.config);
  const diagnostics = [...p.build.diagnostics];
  const entries: SiteBuild['entries'] = [];
  for (const page of p.pages) {
    const body = page.body as RenderedBody;
    diagnostics.push(...body.diagnostics);
    entries.push({ data: view.entry(page.node, body), body });
  }
  diagnostics.sort(compareDiagnostics);
  const renderSeconds = (performance.now() - p.started) / 1000 - p.parseSeconds;
  options.onProgress?.(`rendered ${rendered} pages, reused ${p.pages.length - rendered} unchanged, in ${renderSeconds.toFixed(1)} s`);
  return {
    config: p.config,
    contentDir: p.contentDir,
    build: p.build,
    view,
    entries,
    diagnostics,
    stats: {
      files: p.build.records.length,
      published: p.pages.length,
      withheld: p.build.withheld,
      rendered,
      reused: p.pages.length - rendered,
      seconds: { parse: p.parseSeconds, render: renderSeconds },
    },
  };
}

/** Builds the site data on this thread. */
export function buildSite(options: BuildOptions): SiteBuild {
  const p = prepare(options);
  let rendered = 0;
  for (const page of p.pages) {
    if (page.body) continue;
    page.body = { ...renderConceptBody(page.record, p.ctx), bodyDigest: page.bodyDigest };
    if (++rendered % 1000 === 0) options.onProgress?.(`rendered ${rendered} pages`);
  }
  return assemble(p, rendered, options);
}

/** Below this many pages to render, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 300;

/**
 * Builds the site data, rendering pages in worker threads (one per core) when there are many to
 * render. Each worker re-reads the content folder (the graph is deterministic, so it is the same
 * graph) and renders its share of pages; results are identical to buildSite's. With `expectRender`
 * (no render cache yet: a cold build) the workers start before this thread parses the content, so
 * the parsing overlaps; otherwise they start only if enough pages turn out to need rendering.
 */
export async function buildSiteParallel(options: BuildOptions & { workers?: number; expectRender?: boolean }): Promise<SiteBuild> {
  const config = options.config ?? loadSiteConfig();
  const contentDir = options.contentDir ?? resolveContentDir();
  const cores = options.workers ?? availableParallelism();
  const early: RenderWorker[] = options.expectRender && cores >= 2 ? Array.from({ length: cores }, () => startRenderWorker({ contentDir, config })) : [];
  let p: Prepared;
  try {
    p = prepare({ ...options, config, contentDir });
  } catch (err) {
    for (const w of early) w.stop();
    throw err;
  }
  const pending = p.pages.filter((page) => !page.body);
  const workers = Math.min(cores, Math.ceil(pending.length / 100));
  if (pending.length < PARALLEL_THRESHOLD || workers < 2) {
    for (const w of early) w.stop();
    for (const page of pending) page.body = { ...renderConceptBody(page.record, p.ctx), bodyDigest: page.bodyDigest };
    return assemble(p, pending.length, options);
  }
  // Workers started early are one per core, at least as many as needed: stop the rest.
  for (const w of early.slice(workers)) w.stop();
  const pool = early.length > 0 ? early.slice(0, workers) : Array.from({ length: workers }, () => startRenderWorker({ contentDir, config }));
  options.onProgress?.(`rendering ${pending.length} pages in ${workers} worker threads`);
  const shares: (typeof pending)[] = Array.from({ length: workers }, () => []);
  pending.forEach((page, k) => shares[k % workers].push(page));
  try {
    await Promise.all(
      shares.map(async (share, k) => {
        const bodies = await pool[k].render(share.map((page) => page.record.page.file));
        share.forEach((page, j) => (page.body = { ...bodies[j], bodyDigest: page.bodyDigest }));
      }),
    );
  } finally {
    for (const w of pool) w.stop();
  }
  return assemble(p, pending.length, options);
}
