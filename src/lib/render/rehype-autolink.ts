// rehype plugin: terms link themselves. The first mention of a published concept's preferred or
// alternative term in a page body's prose becomes a link to that concept, with the same markup as a
// wikilink (so the hover preview works on it), one pass over the text nodes with the term trie
// (term-matcher.ts). Never inside headings, links, code, math, demos or form controls; never to the
// page itself, nor to a concept the page already links (in its body or definition); a term that names several concepts is not
// linked and is reported. Runs only on page bodies (renderBlocks sets `file.data.autolink`), and only
// for pages that allow it (`autolink:: false` turns it off for one page).
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import type { TermMatcher } from './term-matcher.ts';

/** The page property that turns automatic links off for one page (`autolink:: false`). */
export const AUTOLINK_PROPERTY = 'autolink';
const OFF = /^(false|no|off|0)$/i;

/** Whether a page's properties allow automatic term links. */
export function autolinkAllowed(properties: readonly { key: string; value: string }[]): boolean {
  const p = properties.find((x) => x.key.toLowerCase() === AUTOLINK_PROPERTY);
  return !(p && OFF.test(p.value.trim()));
}

export interface AutolinkPage {
  /** The page's own slug: its terms never link to itself. */
  slug: string;
  /** False when the page says `autolink:: false`. */
  enabled: boolean;
  /** Concepts the page's definition (shown above the body) links already: not linked again. */
  linked: readonly string[];
}

export interface AutolinkOptions {
  matcher: TermMatcher;
  /** The concept page a source file renders (by its path relative to the content folder), if any. */
  page: (file: string) => AutolinkPage | null;
}

/** A mention of a term that names several concepts, left unlinked; reported as `ambiguous-term`. */
export interface AmbiguousMention {
  term: string;
  line: number;
  candidates: string[];
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the renderer on a page body: only bodies are auto-linked. */
    autolink: boolean;
    /** Filled by rehype-autolink. */
    ambiguousTerms: AmbiguousMention[];
    /** Number of links rehype-autolink added. */
    autolinks: number;
  }
}

const SKIP_TAGS = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'script',
  'style',
  'template',
  'svg',
  'math',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'summary',
  'button',
  'label',
  'select',
  'option',
  'textarea',
]);
const SKIP_CLASSES = ['kb-demo', 'kb-demo-unknown', 'katex', 'katex-display', 'math-inline', 'math-display', 'language-math', 'wikilink'];
const CONCEPT_HREF = /^\/concepts\/([a-z0-9-]+)\/$/;

const classesOf = (e: Element): string[] => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);

function skipped(e: Element): boolean {
  if (SKIP_TAGS.has(e.tagName)) return true;
  const classes = classesOf(e);
  return classes.length > 0 && classes.some((c) => SKIP_CLASSES.includes(c));
}

/** Slugs of the concepts the body already links (wikilinks and plain links to concept pages). */
function linkedSlugs(tree: Root): Set<string> {
  const slugs = new Set<string>();
  const visit = (parent: Root | Element) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') {
        const preview = child.properties.dataPreview;
        if (typeof preview === 'string') slugs.add(preview);
        const href = child.properties.href;
        const m = typeof href === 'string' ? CONCEPT_HREF.exec(href) : null;
        if (m) slugs.add(m[1]);
      }
      visit(child);
    }
  };
  visit(tree);
  return slugs;
}

export function rehypeAutolink(options: AutolinkOptions) {
  return (tree: Root, file: VFile) => {
    file.data.autolinks = 0;
    if (file.data.autolink !== true || options.matcher.size === 0) return;
    const page = options.page(file.path);
    if (!page?.enabled) return;
    const linked = linkedSlugs(tree);
    linked.add(page.slug);
    for (const slug of page.linked) linked.add(slug);
    const reported = new Set<string>();
    const ambiguous: AmbiguousMention[] = [];
    let added = 0;

    const split = (node: Text): ElementContent[] | null => {
      const matches = options.matcher.matches(node.value);
      if (matches.length === 0) return null;
      const out: ElementContent[] = [];
      let last = 0;
      for (const m of matches) {
        const { target } = m.entry;
        if (!target) {
          const key = m.entry.words.join(' ');
          if (!reported.has(key)) {
            reported.add(key);
            ambiguous.push({ term: node.value.slice(m.start, m.end), line: node.position?.start.line ?? 1, candidates: m.entry.candidates });
          }
          continue;
        }
        if (linked.has(target.slug)) continue;
        linked.add(target.slug);
        added++;
        if (m.start > last) out.push({ type: 'text', value: node.value.slice(last, m.start) });
        out.push({
          type: 'element',
          tagName: 'a',
          properties: { className: ['wikilink', 'autolink'], href: target.href, dataPreview: target.slug },
          children: [{ type: 'text', value: node.value.slice(m.start, m.end) }],
        });
        last = m.end;
      }
      if (out.length === 0) return null;
      if (last < node.value.length) out.push({ type: 'text', value: node.value.slice(last) });
      return out;
    };

    const visit = (parent: Root | Element) => {
      for (let k = 0; k < parent.children.length; k++) {
        const child = parent.children[k];
        if (child.type === 'element') {
          if (!skipped(child)) visit(child);
        } else if (child.type === 'text') {
          const parts = split(child);
          if (parts) {
            parent.children.splice(k, 1, ...(parts as typeof parent.children));
            k += parts.length - 1;
          }
        }
      }
    };
    visit(tree);
    file.data.autolinks = added;
    if (ambiguous.length > 0) file.data.ambiguousTerms = ambiguous;
  };
}
