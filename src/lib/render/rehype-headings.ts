// rehype plugin: gives every heading an id (GitHub-style slugs, unique per page), keeps the outline
// well ordered (the body starts at h2 and never skips a level, as screen readers expect) and records
// the headings for Astro's `rendered.metadata.headings`.
import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { plainTextOf } from './plain-text.ts';

export interface HeadingInfo {
  depth: number;
  slug: string;
  text: string;
}

const HEADING = /^h([1-6])$/;

export function rehypeHeadings(options: { minDepth: number; reservedIds?: readonly string[] }) {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    for (const id of options.reservedIds ?? []) slugger.slug(id);
    const headings: HeadingInfo[] = [];
    let previous = options.minDepth - 1;
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const m = HEADING.exec(child.tagName);
        if (m) {
          const wanted = Math.max(options.minDepth, Number(m[1]));
          const depth = Math.min(wanted, previous + 1);
          previous = depth;
          child.tagName = `h${depth}`;
          const text = plainTextOf(child);
          const slug = slugger.slug(text || 'section');
          child.properties.id = slug;
          headings.push({ depth, slug, text });
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
    file.data.headings = headings;
  };
}

/**
 * Sanitising prefixes ids from content with `user-content-` (so they cannot clobber the page's own);
 * this points same-page `#x` links at the prefixed id when only that exists (footnotes, raw anchors).
 */
export function rehypeFixFragments() {
  return (tree: Root) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    const visit = (node: Root | Element) => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        if (typeof child.properties.id === 'string') ids.add(child.properties.id);
        if (child.tagName === 'a' && typeof child.properties.href === 'string' && child.properties.href.startsWith('#')) links.push(child);
        visit(child);
      }
    };
    visit(tree);
    for (const a of links) {
      const target = decodeURIComponent(String(a.properties.href).slice(1));
      if (!ids.has(target) && ids.has(`user-content-${target}`)) a.properties.href = `#user-content-${target}`;
      else if (!ids.has(target)) delete a.properties.href;
    }
  };
}
