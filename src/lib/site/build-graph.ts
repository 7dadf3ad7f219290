// One run of the pipeline for the site: read the content folder, build the graph, and render every
// published page (reusing cached HTML when a page's source and link environment are unchanged).
// Shared by the Astro loaders (src/content.config.ts) and the tests; no Astro imports here.
import { loadSiteConfig, resolveContentDir, type SiteConfig } from '../../config.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { GraphBuild, LinkTarget } from '../ontology/graph.ts';
import { loadContent } from '../ontology/load.ts';
import { slugify } from '../ontology/slug.ts';
import type { PageRecord } from '../ontology/extract.ts';
import { renderBlocks, renderInline, type RenderContext } from '../render/pipeline.ts';
import type { HeadingInfo } from '../render/rehype-headings.ts';
import { firstSentence } from '../render/text.ts';
import { demoRenderer, DEMO_RENDER_VERSION } from './demo-embed.ts';
import type { ConceptEntryData } from './types.ts';
import { conceptHref, GraphView, guideHref } from './view.ts';

/** Bump when rendering changes in a way cached HTML must not survive. */
export const RENDER_VERSION = 1;

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
  const tags = new Set(Object.keys(build.graph.tags));
  return {
    resolveLink: build.resolveLink,
    tagHref: (tag) => (tags.has(tag) ? `/tags/${slugify(tag)}/` : null),
    pageHref: (t) => (t.kind === 'guide' ? guideHref(t.slug) : conceptHref(t.slug)),
    demos: demoRenderer,
  };
}

/** What a page's rendering depends on besides its own source: how each of its links resolves. */
function linkEnvironment(record: PageRecord, resolve: (t: string) => LinkTarget, tags: Set<string>): string {
  const c = record.concept;
  if (!c) return '';
  const parts: string[] = [];
  for (const l of c.linkRefs) {
    const t = resolve(l.target);
    parts.push(t.state === 'published' ? `${l.target}>${t.slug}|${firstSentence(t.definition)}` : `${l.target}>${t.state}`);
  }
  for (const tag of c.tags) parts.push(`#${tag}:${tags.has(tag)}`);
  return parts.join('\n');
}

export interface RenderCache {
  get(slug: string): RenderedBody | undefined;
}

export function buildSite(options: { contentDir?: string; config?: SiteConfig; cache?: RenderCache; digest: (s: string) => string; onProgress?: (msg: string) => void }): SiteBuild {
  const config = options.config ?? loadSiteConfig();
  const contentDir = options.contentDir ?? resolveContentDir();
  const t0 = performance.now();
  const build = loadContent(contentDir, config);
  const t1 = performance.now();
  options.onProgress?.(`parsed ${build.records.length} files in ${((t1 - t0) / 1000).toFixed(1)} s`);
  const view = new GraphView(build.graph, config);
  const ctx = makeRenderContext(build);
  const tags = new Set(Object.keys(build.graph.tags));
  const recordBySlug = new Map<string, PageRecord>();
  for (const r of build.records) if (r.status === 'published' && r.concept) recordBySlug.set(`${r.concept.kind}:${r.concept.slug}`, r);
  const entries: SiteBuild['entries'] = [];
  const diagnostics = [...build.diagnostics];
  let rendered = 0;
  let reused = 0;
  const concepts = build.graph.nodes.filter((n) => n.kind === 'concept');
  concepts.forEach((node, k) => {
    const record = recordBySlug.get(`concept:${node.slug}`) as PageRecord;
    const bodyDigest = options.digest(`${RENDER_VERSION}/${DEMO_RENDER_VERSION}\n${record.page.digest}\n${linkEnvironment(record, build.resolveLink, tags)}`);
    let body = options.cache?.get(node.slug);
    if (!body || body.bodyDigest !== bodyDigest) {
      const r = renderBlocks(record.body, record.page.file, ctx, node.title);
      const d = node.definition ? renderInline(node.definition, record.concept?.titleLine ?? 1, record.page.file, ctx) : null;
      body = {
        html: r.html,
        headings: r.headings,
        definitionHtml: d?.html ?? '',
        hasMath: r.hasMath || (d?.hasMath ?? false),
        demos: r.demos,
        diagnostics: [...r.diagnostics, ...(d?.diagnostics ?? [])],
        bodyDigest,
      };
      rendered++;
    } else reused++;
    diagnostics.push(...body.diagnostics);
    entries.push({ data: view.entry(node, body), body });
    if ((k + 1) % 1000 === 0) options.onProgress?.(`rendered ${k + 1}/${concepts.length} pages`);
  });
  const t2 = performance.now();
  options.onProgress?.(`rendered ${rendered} pages, reused ${reused} unchanged, in ${((t2 - t1) / 1000).toFixed(1)} s`);
  diagnostics.sort(compareDiagnostics);
  return {
    config,
    contentDir,
    build,
    view,
    entries,
    diagnostics,
    stats: {
      files: build.records.length,
      published: concepts.length,
      withheld: build.withheld,
      rendered,
      reused,
      seconds: { parse: (t1 - t0) / 1000, render: (t2 - t1) / 1000 },
    },
  };
}
