// The build pipeline up to rendered pages: read the content folder, build the concept graph (the
// publication rule has already decided what is published: withheld pages only resolve links),
// render every published concept page that changed, and assemble the view data each page shows.
// Rendering reuses a cached body when the page's source, how each of its links resolves and the
// renderer's code (its fingerprint) are all unchanged. Plain data in, plain data out: no Astro.
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { SiteConfig } from '../../config.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { GraphBuild, GraphNode, LinkTarget } from '../ontology/graph.ts';
import { buildGraph } from '../ontology/graph.ts';
import type { RenderContext } from '../render/pipeline.ts';
import type { ConceptEntryData } from '../site/types.ts';
import { GraphView } from '../site/view.ts';
import { describeTable, pageTerms } from './autolink-terms.ts';
import { codeFingerprint } from './fingerprint.ts';
import { guideDiagnostics } from './guide-checks.ts';
import { bodyOf, READER_MODULE, type RecordMemory, type RecordsResult, readRecords, readRecordsParallel } from './page-records.ts';
import { RENDERER_MODULE, type RenderEnvironment, type RenderedPage, renderConceptPage, renderContextOf, renderEnvironment } from './render-page.ts';
import { startRenderWorker } from './render-pool.ts';

/**
 * The terms a page's source mentions (autolink-terms.ts `pageTerms`), remembered with the digests of
 * the term table and the page source they were found with, so a build whose table and page are
 * unchanged need not scan the page again.
 */
export interface TermScan {
  table: string;
  page: string;
  terms: string;
}

/** What the render cache keeps of a rendered page besides its body (which is stored by digest). */
export interface CachedRender {
  /** Digest of everything the body depends on: renderer code, page source, link environment, terms. */
  bodyDigest: string;
  /** The page's term scan (null when automatic links are off). */
  terms: TermScan | null;
  definitionHtml: string;
  /** The definition as plain text and its first sentence (the concept's summary), from the rendered tree. */
  definitionText: string;
  summary: string;
  hasMath: boolean;
  demos: string[];
  diagnostics: Diagnostic[];
}

export interface RenderCache {
  get(slug: string): CachedRender | undefined;
}

export interface SitePage {
  node: GraphNode;
  record: PageRecord;
  render: CachedRender;
  /** The freshly rendered page, or null when the cached body was reused (or the run stored it). */
  rendered: RenderedPage | null;
}

export interface SiteBuild {
  config: SiteConfig;
  contentDir: string;
  build: GraphBuild;
  view: GraphView;
  /** Published concept pages, in slug order. */
  pages: SitePage[];
  /** The renderer's code fingerprint this build rendered with. */
  renderer: string;
  /** Diagnostics from the graph and from rendering, sorted. */
  diagnostics: Diagnostic[];
  stats: { files: number; published: number; withheld: number; rendered: number; reused: number; seconds: { parse: number; render: number } };
}

export interface PipelineOptions {
  contentDir: string;
  config: SiteConfig;
  cache?: RenderCache;
  /** Where page records are cached between runs (src/lib/build/page-records.ts); none when absent. */
  recordCache?: string;
  /** Page records kept in memory between runs of this process instead (`check --watch`). */
  recordMemory?: RecordMemory;
  /**
   * Where a rendered page goes as soon as it is rendered (its body, by its digest). When given, the
   * run keeps only what the render cache keeps of it (`SitePage.rendered` stays null): on a large
   * glossary the rendered pages would not fit in memory together.
   */
  store?: (bodyDigest: string, page: RenderedPage) => void;
  onProgress?: (msg: string) => void;
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 27);

let rendererFingerprint: string | null = null;
/** The fingerprint of the renderer's code (computed once per process). */
export function currentRenderer(): string {
  rendererFingerprint ??= codeFingerprint([RENDERER_MODULE]);
  return rendererFingerprint;
}

let readerFingerprint: string | null = null;
/** The fingerprint of the page reader's code (parsing and extraction; computed once per process). */
export function currentReader(): string {
  readerFingerprint ??= codeFingerprint([READER_MODULE]);
  return readerFingerprint;
}

/** What a page's rendering depends on besides its own source: how each of its links resolves. */
function linkEnvironment(record: PageRecord, resolve: (t: string) => LinkTarget, tagOf: GraphBuild['tagOf']): string {
  const c = record.concept;
  if (!c) return '';
  const parts: string[] = [];
  for (const l of c.linkRefs) {
    const t = resolve(l.target);
    if (t.state !== 'published') {
      parts.push(`${l.target}>${t.state}`);
      continue;
    }
    parts.push(`${l.target}>${t.kind}:${t.slug}|${t.title}`);
  }
  for (const tag of c.tags) parts.push(`#${tag}:${tagOf(tag)?.slug ?? ''}`);
  return parts.join('\n');
}

/**
 * What a page's automatic term links depend on: whether they are on, the page's own slug and the
 * terms its source mentions, with how each resolves. The scan is reused while the term table and the
 * page are unchanged.
 */
function termEnvironment(
  node: GraphNode,
  record: PageRecord,
  ctx: RenderContext,
  table: string,
  cached: TermScan | null | undefined,
  readBody: (r: PageRecord) => void,
): { env: string; scan: TermScan | null } {
  if (!ctx.autolink) return { env: 'autolink:off', scan: null };
  const page = ctx.autolink.page(record.page.file);
  const head = `autolink:${node.slug}:${page?.enabled ?? false}`;
  if (!page?.enabled) return { env: head, scan: null };
  if (cached && cached.table === table && cached.page === record.page.digest) return { env: `${head}\n${cached.terms}`, scan: cached };
  if (record.termText === undefined) readBody(record);
  const scan = { table, page: record.page.digest, terms: pageTerms(record, ctx.autolink.matcher) };
  return { env: `${head}\n${scan.terms}`, scan };
}

function cachedRenderOf(bodyDigest: string, terms: TermScan | null, r: RenderedPage): CachedRender {
  return {
    bodyDigest,
    terms,
    definitionHtml: r.definitionHtml,
    definitionText: r.definitionText,
    summary: r.summary,
    hasMath: r.hasMath,
    demos: r.demos,
    diagnostics: r.diagnostics,
  };
}

interface PendingPage {
  node: GraphNode;
  record: PageRecord;
  bodyDigest: string;
  terms: TermScan | null;
  render: CachedRender | null;
  rendered: RenderedPage | null;
}

/** A build in progress: the graph is built and each page knows whether its cached render still holds. */
interface Prepared {
  options: PipelineOptions;
  build: GraphBuild;
  env: RenderEnvironment;
  ctx: RenderContext;
  renderer: string;
  pages: PendingPage[];
  parseSeconds: number;
  started: number;
}

function prepare(options: PipelineOptions, started: number, read: RecordsResult): Prepared {
  const { records, parsed } = read;
  const build = buildGraph(records, options.config.domains);
  const parseSeconds = (performance.now() - started) / 1000;
  options.onProgress?.(`read ${records.length} files (${parsed} parsed, ${records.length - parsed} unchanged) in ${parseSeconds.toFixed(1)} s`);
  const renderer = currentRenderer();
  const recordBySlug = new Map<string, PageRecord>();
  for (const r of build.records) if (r.status === 'published' && r.concept?.kind === 'concept') recordBySlug.set(r.concept.slug, r);
  const env = renderEnvironment(build, { autolink: options.config.autolink });
  const ctx = renderContextOf(env);
  const readBody = (r: PageRecord) => void bodyOf(options.contentDir, r, options.config);
  const table = ctx.autolink ? digest(describeTable(ctx.autolink.matcher)) : '';
  const pages = build.graph.nodes
    .filter((n) => n.kind === 'concept')
    .map((node): PendingPage => {
      const record = recordBySlug.get(node.slug) as PageRecord;
      const cached = options.cache?.get(node.slug);
      const { env, scan } = termEnvironment(node, record, ctx, table, cached?.terms, readBody);
      const bodyDigest = digest(`${renderer}\n${record.page.digest}\n${linkEnvironment(record, build.resolveLink, build.tagOf)}\n${env}`);
      const reusable = cached && cached.bodyDigest === bodyDigest ? { ...cached, terms: scan } : null;
      return { node, record, bodyDigest, terms: scan, render: reusable, rendered: null };
    });
  return { options, build, env, ctx, renderer, pages, parseSeconds, started };
}

/** Takes a freshly rendered page: into the store (and out of memory) when the run has one. */
function took(p: Prepared, page: PendingPage, rendered: RenderedPage): void {
  page.render = cachedRenderOf(page.bodyDigest, page.terms, rendered);
  if (p.options.store) p.options.store(page.bodyDigest, rendered);
  else page.rendered = rendered;
}

function renderHere(p: Prepared, page: PendingPage): void {
  bodyOf(p.options.contentDir, page.record, p.options.config);
  took(p, page, renderConceptPage(page.record, p.ctx));
}

function assemble(p: Prepared, rendered: number): SiteBuild {
  const { options } = p;
  const diagnostics = [...p.build.diagnostics];
  // Guides are compiled by Astro; the pipeline checks them, so check and build report the same.
  for (const r of p.build.records) {
    if (r.status === 'published' && r.concept?.kind === 'guide')
      diagnostics.push(...guideDiagnostics(r.page.file, bodyOf(options.contentDir, r, options.config), p.ctx));
  }
  const pages: SitePage[] = p.pages.map((page) => {
    const render = page.render as CachedRender;
    diagnostics.push(...render.diagnostics);
    return { node: page.node, record: page.record, render, rendered: page.rendered };
  });
  const view = new GraphView(p.build.graph, options.config, new Map(pages.map((page) => [page.node.slug, page.render.summary])));
  diagnostics.sort(compareDiagnostics);
  const renderSeconds = (performance.now() - p.started) / 1000 - p.parseSeconds;
  options.onProgress?.(`rendered ${rendered} pages, reused ${p.pages.length - rendered} unchanged, in ${renderSeconds.toFixed(1)} s`);
  return {
    config: options.config,
    contentDir: options.contentDir,
    build: p.build,
    view,
    pages,
    renderer: p.renderer,
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

/**
 * The data of every published concept page of a run, in slug order. Backlinks quote the sentences of
 * the pages rendered in this run (a page reused from the render cache keeps its sentences in the
 * site data folder: src/lib/build/site-data.ts reads them there).
 */
export function conceptEntries(site: SiteBuild): ConceptEntryData[] {
  const links = new Map(site.pages.map((page) => [page.node.slug, page.rendered?.links ?? []]));
  return site.pages.map((page) => site.view.entry(page.node, page.render, (from) => links.get(from) ?? []));
}

/** Runs the pipeline on this thread. */
export function buildSite(options: PipelineOptions): SiteBuild {
  const started = performance.now();
  const p = prepare(options, started, readRecords(options.contentDir, options.config, options.recordCache ?? null, currentReader(), options.recordMemory));
  let rendered = 0;
  for (const page of p.pages) {
    if (page.render) continue;
    renderHere(p, page);
    if (++rendered % 1000 === 0) options.onProgress?.(`rendered ${rendered} pages`);
  }
  return assemble(p, rendered);
}

/** Below this many pages to render, worker start-up costs more than it saves. */
const PARALLEL_THRESHOLD = 300;

/**
 * Runs the pipeline, rendering pages in worker threads (one per core) when there are many to render.
 * Each worker gets the build's render environment (plain data: how every link, tag and term
 * resolves) and reads and renders only its share of the files; results are identical to buildSite's.
 */
export async function buildSiteParallel(options: PipelineOptions & { workers?: number }): Promise<SiteBuild> {
  const cores = options.workers ?? availableParallelism();
  const started = performance.now();
  const p = prepare(
    options,
    started,
    await readRecordsParallel(options.contentDir, options.config, options.recordCache ?? null, currentReader(), cores, undefined, options.recordMemory),
  );
  const pending = p.pages.filter((page) => !page.render);
  const workers = Math.min(cores, Math.ceil(pending.length / 100));
  if (pending.length < PARALLEL_THRESHOLD || workers < 2) {
    for (const page of pending) renderHere(p, page);
    return assemble(p, pending.length);
  }
  // The workers read their pages themselves: the parsed blocks held here are no longer needed, and on
  // a large glossary they are most of this thread's memory.
  for (const r of p.build.records) {
    r.page.blocks = [];
    r.body = [];
    r.bodyDropped = true;
  }
  const pool = Array.from({ length: workers }, () => startRenderWorker({ contentDir: options.contentDir, config: options.config, env: p.env }));
  options.onProgress?.(`rendering ${pending.length} pages in ${workers} worker threads`);
  const shares: PendingPage[][] = Array.from({ length: workers }, () => []);
  pending.forEach((page, k) => shares[k % workers].push(page));
  try {
    await Promise.all(
      shares.map((share, k) =>
        pool[k].render(
          share.map((page) => page.record.page.file),
          (batch) => batch.pages.forEach((rendered, j) => took(p, share[batch.from + j], rendered)),
        ),
      ),
    );
  } finally {
    for (const w of pool) w.stop();
  }
  return assemble(p, pending.length);
}
