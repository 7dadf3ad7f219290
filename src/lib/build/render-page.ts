// Rendering one concept page's body and definition: the render context (how links, tags, published
// paths and demo embeds resolve in this build) and the call into the renderer. Shared by the pipeline
// and its worker threads; `RENDERER_MODULE` is this file, whose import closure is the code a rendered
// body depends on (src/lib/build/fingerprint.ts keys the render cache with it).
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { GraphBuild } from '../ontology/graph.ts';
import { renderBlocks, renderInline, type RenderContext } from '../render/pipeline.ts';
import type { HeadingInfo } from '../render/rehype-headings.ts';
import type { LinkContext } from '../render/sentences.ts';
import { conceptHref, guideHref } from '../site/view.ts';
import { autolinkOptions } from './autolink-terms.ts';
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

export function makeRenderContext(build: GraphBuild, options: RenderContextOptions = {}): RenderContext {
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
    autolink: options.autolink ? autolinkOptions(build) : undefined,
  };
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
