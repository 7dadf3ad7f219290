// rehype plugin: local URLs written in content must lead somewhere. A relative link (`other.md`,
// `./Other Page`) is resolved like a [[wikilink]] and rewritten to the page's URL; a link to
// /concepts/… or /guides/… must name a published page. Local images are not published (no asset
// pipeline), so an <img> with a local source is replaced by its alt text. What cannot be resolved
// becomes plain text and a `broken-link` diagnostic: the built site never carries a dead link.
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { LinkTarget } from '../ontology/graph.ts';

export interface LocalUrlOptions {
  resolveLink: (text: string) => LinkTarget;
  pageHref: (target: Extract<LinkTarget, { state: 'published' }>) => string;
  /** Whether a root-relative page URL (e.g. /concepts/x/) is published. */
  isPublishedPath: (path: string) => boolean;
}

export interface LocalUrlProblem {
  url: string;
  line: number;
  what: 'link' | 'image';
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const PAGE_PATH = /^\/(?:concepts|guides)\//;

function pageNameOf(href: string): string {
  let name = href.split('#')[0].split('?')[0];
  try {
    name = decodeURIComponent(name);
  } catch {
    /* keep as written */
  }
  name = name
    .replace(/^(?:\.{1,2}\/)+/, '')
    .replace(/^pages\//, '')
    .replace(/\.(md|mdx|markdown)$/i, '');
  return name.replace(/___/g, '/');
}

export function rehypeLocalUrls(options: LocalUrlOptions) {
  return (tree: Root, file: VFile) => {
    const problems: LocalUrlProblem[] = [];
    const visit = (parent: Root | Element) => {
      for (let k = 0; k < parent.children.length; k++) {
        const child = parent.children[k];
        if (child.type !== 'element') continue;
        const line = child.position?.start.line ?? 1;
        if (child.tagName === 'a' && typeof child.properties.href === 'string') {
          const href = child.properties.href;
          if (href.startsWith('#') || EXTERNAL.test(href)) {
            visit(child);
            continue;
          }
          if (href.startsWith('/')) {
            if (!PAGE_PATH.test(href) || options.isPublishedPath(href)) {
              visit(child);
              continue;
            }
          } else {
            const target = options.resolveLink(pageNameOf(href));
            if (target.state === 'published') {
              child.properties.href = options.pageHref(target);
              visit(child);
              continue;
            }
          }
          problems.push({ url: href, line, what: 'link' });
          parent.children.splice(k, 1, ...(child.children as typeof parent.children));
          k--;
          continue;
        }
        if (child.tagName === 'img' && typeof child.properties.src === 'string' && !EXTERNAL.test(child.properties.src)) {
          problems.push({ url: child.properties.src, line, what: 'image' });
          const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
          const replacement: ElementContent = {
            type: 'element',
            tagName: 'span',
            properties: { className: ['missing-image'] },
            children: [{ type: 'text', value: alt ? `[image: ${alt}]` : '[image]' }],
          };
          parent.children[k] = replacement;
          continue;
        }
        visit(child);
      }
    };
    visit(tree);
    file.data.localUrlProblems = problems;
  };
}
