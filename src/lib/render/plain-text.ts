// Plain text of a rendered tree (hast), for uses that cannot carry markup: search records, excerpts,
// meta descriptions, RDF literals. Made from the tree, never from Markdown with regular expressions:
// formulas read as their TeX source, or (`math: 'text'`) as readable text with their symbols (both
// kept on KaTeX's node by rehype-math.ts), block elements are separated by a space, and whitespace
// is collapsed.
import type { Root, RootContent } from 'hast';

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIP = new Set(['script', 'style', 'template', 'svg']);

/** The TeX a rendered formula came from, kept on KaTeX's raw node by rehype-math. */
export interface MathRawData {
  tex: string;
  /** Display math (a block of its own) rather than a formula in the text. */
  display: boolean;
  /** The formula as readable text (math-text.ts): `∂L/∂w` for `\frac{\partial L}{\partial w}`. */
  text?: string;
}

export interface PlainTextOptions {
  /** How formulas read: their TeX source (the default) or readable text. */
  math?: 'tex' | 'text';
}

export function plainTextOf(tree: Root | RootContent, options: PlainTextOptions = {}): string {
  const asText = options.math === 'text';
  const parts: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'text') parts.push(node.value);
    else if ((node as { type: string }).type === 'raw') {
      const data = node.data as Partial<MathRawData> | undefined;
      const formula = asText ? (data?.text ?? data?.tex) : data?.tex;
      if (formula !== undefined) parts.push(formula);
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
