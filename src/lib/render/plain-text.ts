// Plain text of a rendered tree (hast), for uses that cannot carry markup: search records, excerpts,
// meta descriptions, RDF literals. Made from the tree, never from Markdown with regular expressions:
// formulas read as their TeX source (KaTeX's output carries it, see rehype-math.ts), block elements
// are separated by a space, and whitespace is collapsed.
import type { Root, RootContent } from 'hast';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
const SKIP = new Set(['script', 'style', 'template', 'svg']);

/** The TeX a rendered formula came from, kept on KaTeX's raw node by rehype-math. */
export interface MathRawData {
  tex: string;
  /** Display math (a block of its own) rather than a formula in the text. */
  display: boolean;
}

export function plainTextOf(tree: Root | RootContent): string {
  const parts: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value);
    else if ((node as { type: string }).type === 'raw') {
      const tex = (node.data as Partial<MathRawData> | undefined)?.tex;
      if (tex !== undefined) parts.push(tex);
    } else if (node.type === 'element') {
      if (SKIP.has(node.tagName)) return;
      const block = BLOCK.has(node.tagName);
      if (block) parts.push(' ');
      for (const c of node.children) walk(c);
      if (block) parts.push(' ');
    } else if (node.type === 'root') for (const c of node.children) walk(c);
  };
  walk(tree);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
