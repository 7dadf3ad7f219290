// Rendering one concept page's body and definition: the render environment (how links, tags,
// published paths and automatic term links resolve in this build, as plain data a worker thread can
// receive), the render context made from it, and the call into the renderer. Shared by the pipeline
// and its worker threads, which make their context from the same environment; `RENDERER_MODULE` is this file, whose import closure is the code a rendered
// body depends on (src/lib/build/fingerprint.ts keys the render cache with it).
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { GraphBuild } from '../ontology/graph.ts';
import { type LinkWorld, linkFunctions } from '../ontology/link-world.ts';
import { type RenderContext, renderBlocks, renderInline } from '../render/pipeline.ts';
import type { HeadingInfo } from '../render/rehype-headings.ts';
import type { LinkContext } from '../render/sentences.ts';
import { conceptHref, guideHref } from '../site/view.ts';
import { type AutolinkTable, autolinkOptionsOf, autolinkTable } from './autolink-terms.ts';
import { demoRenderer } from './demo-embed.ts';

export const RENDERER_MODULE = fileURLToPath(import.meta.url);

/** What rendering one concept page produces. */
export interface RenderedPage {
  html: string;
  headings: HeadingInfo[];
  definitionHtml: string;
  /** The definition as plain text and its first sentence, from the rendered tree (formulas as their TeX). */
  definitionText: string;
  summary: string;
  /** The body as plain text, from the rendered tree (for the search index). */
  text: string;
  /** The sentence around each link to a published page, from the definition and the body. */
  links: LinkContext[];
  hasMath: boolean;
  demos: string[];
  diagnostics: Diagnostic[];
}

export interface RenderContextOptions {
  /** Terms link themselves in page bodies (the site's `autolink` setting); off unless asked for. */
  autolink?: boolean;
}

/** Everything rendering depends on beyond the page itself, as plain data. */
export interface RenderEnvironment {
  links: LinkWorld;
  /** URL paths of every published page. */
  publishedPaths: string[];
  /** The term table, when terms link themselves. */
  autolink: AutolinkTable | null;
}

export function renderEnvironment(build: GraphBuild, options: RenderContextOptions = {}): RenderEnvironment {
  return {
    links: build.links,
    publishedPaths: build.graph.nodes.map((n) => (n.kind === 'guide' ? guideHref(n.slug) : conceptHref(n.slug))),
    autolink: options.autolink ? autolinkTable(build) : null,
  };
}

export function renderContextOf(env: RenderEnvironment): RenderContext {
  const { resolveLink, tagOf } = linkFunctions(env.links);
  const paths = new Set(env.publishedPaths);
  return {
    resolveLink,
    isPublishedPath: (p) => paths.has(p.split('#')[0].split('?')[0].replace(/\/?$/, '/')),
    tagHref: (tag) => {
      const t = tagOf(tag);
      return t ? `/tags/${t.slug}/` : null;
    },
    pageHref: (t) => (t.kind === 'guide' ? guideHref(t.slug) : conceptHref(t.slug)),
    demos: demoRenderer,
    autolink: env.autolink ? autolinkOptionsOf(env.autolink) : undefined,
  };
}

export function makeRenderContext(build: GraphBuild, options: RenderContextOptions = {}): RenderContext {
  return renderContextOf(renderEnvironment(build, options));
}

/** Renders one concept page's body and definition. */
export function renderConceptPage(record: PageRecord, ctx: RenderContext): RenderedPage {
  const c = record.concept as NonNullable<PageRecord['concept']>;
  const r = renderBlocks(record.body, record.page.file, ctx, c.title);
  const d = c.definition ? renderInline(c.definition, c.titleLine, record.page.file, ctx) : null;
  return {
    html: r.html,
    headings: r.headings,
    definitionHtml: d?.html ?? '',
    definitionText: d?.text ?? '',
    summary: d?.summary ?? '',
    text: r.text,
    links: [...(d?.links ?? []), ...r.links],
    hasMath: r.hasMath || (d?.hasMath ?? false),
    demos: r.demos,
    diagnostics: [...r.diagnostics, ...(d?.diagnostics ?? [])],
  };
}
