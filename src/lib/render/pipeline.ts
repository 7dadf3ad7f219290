// The page renderer: outline blocks or Markdown → mdast → hast → HTML, in one unified pipeline.
// Order matters and is the security boundary: raw HTML is parsed and sanitised first; only then do
// our own constructs (wikilinks, tags, reference links, demo embeds, KaTeX, syntax highlighting,
// heading ids) go in.
// Problems (invalid math, unknown demos) come back as diagnostics; rendering never throws.
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { Block } from '../logseq/types.ts';
import type { LinkTarget } from '../ontology/graph.ts';
import { outlineToMdast, parseMarkdown } from './outline-to-mdast.ts';
import { plainTextOf } from './plain-text.ts';
import { type AutolinkOptions, rehypeAutolink } from './rehype-autolink.ts';
import { rehypeCode } from './rehype-code.ts';
import { type DemoRenderer, type DemoUse, rehypeDemos } from './rehype-demos.ts';
import { type HeadingInfo, rehypeFixFragments, rehypeHeadings } from './rehype-headings.ts';
import { type LocalUrlProblem, rehypeLocalUrls } from './rehype-local-urls.ts';
import { MATH_MESSAGE_SOURCE, rehypeMath } from './rehype-math.ts';
import { rehypeReferences } from './rehype-references.ts';
import { rehypeWikilinks } from './rehype-wikilinks.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { firstSentence, type LinkContext, linkContexts } from './sentences.ts';
import { TermMatcher } from './term-matcher.ts';
import { someNode } from './tree.ts';

export interface RenderContext {
  resolveLink: (text: string) => LinkTarget;
  tagHref: (tag: string) => string | null;
  pageHref: (target: Extract<LinkTarget, { state: 'published' }>) => string;
  /** Whether a root-relative page URL written in content (/concepts/x/) is published. */
  isPublishedPath: (path: string) => boolean;
  demos: DemoRenderer;
  /** Terms that link themselves in page bodies (rehype-autolink.ts); absent: no automatic links. */
  autolink?: AutolinkOptions;
}

export interface RenderResult {
  html: string;
  /** The rendered text without markup (formulas as readable text, see math-text.ts), from the tree: what search indexes. */
  text: string;
  /** The first sentence of that text (for a definition: the concept's summary). */
  summary: string;
  /** The sentence around each link to a published page (what the linked page's "Referenced by" quotes). */
  links: LinkContext[];
  headings: HeadingInfo[];
  hasMath: boolean;
  demos: string[];
  /** Links added by automatic term linking (bodies only). */
  autolinks: number;
  diagnostics: Diagnostic[];
}

type Processor = ReturnType<typeof makeProcessor>;

/** Ids the concept page itself uses around the body; body headings never take them. */
export const PAGE_IDS = [
  'main',
  'overview',
  'broader',
  'narrower',
  'relations',
  'referenced-by',
  'local-graph',
  'details',
  'cite',
  'on-this-page',
  'theme-select',
  'theme-select-menu',
  'random-term',
  'wl-preview',
  'kb-search',
  'kb-search-input',
  'kb-search-results',
] as const;

/** Whether the tree holds raw HTML (from the editor's Markdown) that must be parsed before sanitising. */
const hasRaw = (tree: HastRoot) => someNode(tree, (n) => n.type === 'raw');

/**
 * rehype-raw, run only when there is raw HTML: it re-parses the whole tree through parse5, which is
 * a fifth of the render time of a page that has none. Sanitising still runs on every page.
 */
function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: HastRoot, file: VFile) => (hasRaw(tree) ? raw(tree, file) : tree);
}

/** Without a term table, the autolink step is a no-op (it still reports zero links). */
const NO_AUTOLINK: AutolinkOptions = { matcher: new TermMatcher([]), page: () => null };

function makeProcessor(ctx: RenderContext) {
  return (
    unified()
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRawWhenNeeded)
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeLocalUrls, { resolveLink: ctx.resolveLink, pageHref: ctx.pageHref, isPublishedPath: ctx.isPublishedPath })
      .use(rehypeWikilinks, { resolveLink: ctx.resolveLink, tagHref: ctx.tagHref, pageHref: ctx.pageHref })
      .use(rehypeReferences)
      .use(rehypeDemos, ctx.demos)
      .use(rehypeAutolink, ctx.autolink ?? NO_AUTOLINK)
      .use(rehypeMath)
      .use(rehypeCode)
      .use(rehypeHeadings, { minDepth: 2, reservedIds: PAGE_IDS })
      .use(rehypeFixFragments)
      // Raw nodes at this point are KaTeX's own output (rehype-math); the editor's raw HTML was parsed
      // and sanitised above (sanitising drops any raw node).
      .use(rehypeStringify, { allowDangerousHtml: true })
  );
}

/** One frozen processor per render context, reused for every page. */
const processors = new WeakMap<RenderContext, Processor>();
function processorFor(ctx: RenderContext): Processor {
  let p = processors.get(ctx);
  if (!p) processors.set(ctx, (p = makeProcessor(ctx)));
  return p;
}

const hasMathNode = (tree: MdastRoot) => someNode(tree, (n) => n.type === 'math' || n.type === 'inlineMath');

/** A lone paragraph's content in its place (an inline fragment), changed in the tree. */
function unwrapLoneParagraph(tree: HastRoot): void {
  const kids = tree.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (kids.length === 1 && kids[0].type === 'element' && kids[0].tagName === 'p') tree.children = kids[0].children;
}

function renderTree(tree: MdastRoot, file: string, ctx: RenderContext, body = false, inline = false): RenderResult {
  const vfile = new VFile({ path: file });
  vfile.data.autolink = body;
  const diagnostics: Diagnostic[] = [];
  let html = '';
  let text = '';
  let summary = '';
  let links: LinkContext[] = [];
  const processor = processorFor(ctx);
  try {
    const hast = processor.runSync(tree, vfile) as HastRoot;
    if (inline) unwrapLoneParagraph(hast);
    html = processor.stringify(hast, vfile);
    text = plainTextOf(hast, { math: 'text' });
    summary = firstSentence(hast);
    links = linkContexts(hast, ctx.isPublishedPath);
  } catch (err) {
    diagnostics.push(diagnostic('parse-error', file, 1, `the page could not be rendered: ${(err as Error).message}`));
  }
  for (const f of tree.data?.kbParseFailures ?? []) {
    diagnostics.push(diagnostic('parse-error', file, f.line, `the Markdown parser failed on this block (${f.message}); its text is shown as it is`));
  }
  for (const m of vfile.messages) {
    if (m.source === MATH_MESSAGE_SOURCE) {
      const cause = m.cause instanceof Error ? m.cause.message.replace(/^KaTeX parse error: /, '') : m.reason;
      diagnostics.push(diagnostic('invalid-math', file, m.line ?? 1, `this formula is not valid KaTeX (${cause}); its source is shown instead`));
    }
  }
  for (const p of (vfile.data.localUrlProblems as LocalUrlProblem[] | undefined) ?? []) {
    diagnostics.push(
      p.what === 'image'
        ? diagnostic('broken-link', file, p.line, `local image "${p.url}" is not published (only http(s) images are); its alt text is shown`, p.url)
        : diagnostic('broken-link', file, p.line, `link "${p.url}" leads to no published page; it is shown as plain text`, p.url),
    );
  }
  for (const a of vfile.data.ambiguousTerms ?? []) {
    diagnostics.push(
      diagnostic(
        'ambiguous-term',
        file,
        a.line,
        `"${a.term}" is a term of several concepts (${a.candidates.join(', ')}), so it is not linked automatically; link the one you mean with [[…]]`,
        a.term,
      ),
    );
  }
  const demos = (vfile.data.demos as DemoUse[] | undefined) ?? [];
  for (const d of demos) {
    for (const problem of d.problems) diagnostics.push(diagnostic('unknown-demo', file, d.line, problem, d.name));
  }
  return {
    html,
    text,
    summary,
    links,
    headings: (vfile.data.headings as HeadingInfo[] | undefined) ?? [],
    hasMath: hasMathNode(tree),
    demos: [...new Set(demos.filter((d) => d.known).map((d) => d.name))],
    autolinks: vfile.data.autolinks ?? 0,
    diagnostics,
  };
}

/** Renders a Logseq page body (its readable blocks): the one render where terms link themselves. */
export function renderBlocks(blocks: readonly Block[], file: string, ctx: RenderContext, title?: string): RenderResult {
  return renderTree(outlineToMdast(blocks, title), file, ctx, true);
}

/** Renders Markdown text (a front-matter page's body or a definition). */
export function renderMarkdown(text: string, line: number, file: string, ctx: RenderContext): RenderResult {
  return renderTree(parseMarkdown(text, line), file, ctx);
}

/**
 * Renders a short Markdown fragment inline: a lone paragraph is unwrapped in the rendered tree (in
 * the Markdown tree, the root would separate its inline children by line breaks: `$x$.` would show
 * a space before the full stop).
 */
export function renderInline(text: string, line: number, file: string, ctx: RenderContext): RenderResult {
  return renderTree(parseMarkdown(text, line), file, ctx, false, true);
}
