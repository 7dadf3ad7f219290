// rehype plugin: `[[target]]` in text → a link to the concept page it resolves to (its `data-preview`
// names the page for the hover preview; no `title`, whose browser tooltip would cover the preview),
// styled plain text when it resolves to nothing, plain text when it names a withheld page;
// `[[target|label]]` (Obsidian) and `[label]([[target]])` (Logseq) link to target showing label;
// `#tag` and `#[[tag]]` → links to tag pages. Runs on the sanitised
// tree; text inside links, code, math and pre is left alone.
import type { Element, ElementContent, Root, Text } from 'hast';
import { splitWikilink } from '../logseq/references.ts';
import type { LinkTarget } from '../ontology/graph.ts';

export interface WikilinkOptions {
  resolveLink: (text: string) => LinkTarget;
  /** URL of a tag's page, or null when tags are not linked. */
  tagHref: (tag: string) => string | null;
  /** URL of a published page. */
  pageHref: (target: Extract<LinkTarget, { state: 'published' }>) => string;
}

const PATTERN =
  /\[(?<label>[^[\]\n]+)\]\(\[\[(?<aliased>[^[\]\n]+?)\]\]\)|(?<hash>#?)\[\[(?<inner>[^[\]\n]+?)\]\]|(?<lead>^|[\s(])#(?<tag>[\p{L}\p{N}_][\p{L}\p{N}_\-/]*[\p{L}\p{N}_])/gu;
const SKIP = new Set(['a', 'code', 'pre', 'script', 'style', 'math', 'svg', 'summary']);

function splitText(node: Text, options: WikilinkOptions): ElementContent[] | null {
  const value = node.value;
  if (!value.includes('[[') && !value.includes('#')) return null;
  const out: ElementContent[] = [];
  let last = 0;
  let changed = false;
  for (const m of value.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const start = m.index + (g.lead ?? '').length;
    if (g.tag !== undefined && /^\d+$/.test(g.tag)) continue;
    if (start > last) out.push({ type: 'text', value: value.slice(last, start) });
    last = m.index + m[0].length;
    changed = true;
    const isTag = g.hash === '#' || g.tag !== undefined;
    const { target, label } =
      g.aliased !== undefined
        ? { target: g.aliased.trim(), label: g.label.trim() }
        : isTag && g.tag !== undefined
          ? { target: g.tag, label: g.tag }
          : splitWikilink(g.inner);
    if (isTag) {
      const href = options.tagHref(target);
      out.push(
        href
          ? { type: 'element', tagName: 'a', properties: { className: ['tag'], href }, children: [{ type: 'text', value: `#${target}` }] }
          : { type: 'text', value: `#${target}` },
      );
      continue;
    }
    const resolved = options.resolveLink(target);
    if (resolved.state === 'published') {
      out.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['wikilink'], href: options.pageHref(resolved), dataPreview: resolved.slug },
        children: [{ type: 'text', value: label }],
      });
    } else if (resolved.state === 'private') {
      out.push({ type: 'text', value: label });
    } else {
      out.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['wikilink', resolved.state === 'ambiguous' ? 'wikilink--ambiguous' : 'wikilink--missing'] },
        children: [{ type: 'text', value: label }],
      });
    }
  }
  if (!changed) return null;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

export function rehypeWikilinks(options: WikilinkOptions) {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      for (let k = 0; k < parent.children.length; k++) {
        const child = parent.children[k];
        if (child.type === 'element') {
          const cls = child.properties.className;
          const isMath = Array.isArray(cls) && cls.some((c) => String(c).startsWith('math') || String(c) === 'katex');
          if (!SKIP.has(child.tagName) && !isMath) visit(child);
        } else if (child.type === 'text') {
          const parts = splitText(child, options);
          if (parts) {
            parent.children.splice(k, 1, ...(parts as typeof parent.children));
            k += parts.length - 1;
          }
        }
      }
    };
    visit(tree);
  };
}
