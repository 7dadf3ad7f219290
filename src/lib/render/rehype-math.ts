// rehype plugin: typesets math with KaTeX, like rehype-katex, but remembers each formula it has
// rendered so a formula that recurs across pages is typeset once per build. KaTeX's HTML goes in as a
// `raw` node (our own output, inserted after sanitising; the stringifier writes it as is), so it is
// neither re-parsed into a tree nor copied per use. Invalid LaTeX shows its source with KaTeX's error
// style and is reported on the file.
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import katex from 'katex';
import type { VFile } from 'vfile';
import { mathTextOf } from './math-text.ts';
import type { MathRawData } from './plain-text.ts';

/** Messages this plugin leaves on the file carry this source. */
export const MATH_MESSAGE_SOURCE = 'kb-math';

interface Typeset {
  html: string;
  /** The formula as readable text (math-text.ts), for plain-text uses. */
  text: string;
  error: Error | null;
}

const CACHE_LIMIT = 20_000;
const cache = new Map<string, Typeset>();

function typeset(value: string, displayMode: boolean): Typeset {
  const key = `${displayMode ? 'D' : 'I'}${value}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let html: string;
  let error: Error | null = null;
  try {
    html = katex.renderToString(value, { displayMode, throwOnError: true, strict: 'ignore', output: 'htmlAndMathml' });
  } catch (err) {
    error = err instanceof Error ? err : new Error(String(err));
    try {
      html = katex.renderToString(value, { displayMode, throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
    } catch {
      html = '';
    }
  }
  if (!html)
    html = toHtml({
      type: 'element',
      tagName: 'span',
      properties: { className: ['katex-error'], style: 'color:#cc0000' },
      children: [{ type: 'text', value }],
    });
  const result = { html, text: mathTextOf(html) || value, error };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

const classesOf = (e: Element): string[] => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);

export function rehypeMath() {
  return (tree: Root, file: VFile) => {
    const visit = (parent: Root | Element) => {
      for (let k = 0; k < parent.children.length; k++) {
        const child = parent.children[k];
        if (child.type !== 'element') continue;
        // Display math comes as <pre><code class="language-math math-display">, inline as <code class="language-math math-inline">.
        const code = child.tagName === 'pre' && child.children.length === 1 && child.children[0].type === 'element' ? child.children[0] : child;
        const classes = code.tagName === 'code' ? classesOf(code) : [];
        if (!classes.includes('language-math') && !classes.includes('math-inline') && !classes.includes('math-display')) {
          visit(child);
          continue;
        }
        const displayMode = code !== child || classes.includes('math-display');
        const value = toText(code, { whitespace: 'pre' });
        const { html, text, error } = typeset(value, displayMode);
        if (error) {
          file.message('Could not render math with KaTeX', {
            cause: error,
            place: child.position,
            ruleId: error.name.toLowerCase(),
            source: MATH_MESSAGE_SOURCE,
          });
        }
        // hast's types have no `raw` node (it is mdast-util-to-hast's extension); rehype-stringify writes
        // it. The TeX and the readable text stay on the node for plain-text uses (plain-text.ts).
        const data: MathRawData = { tex: value, display: displayMode, text };
        parent.children[k] = { type: 'raw', value: html, data } as unknown as ElementContent;
      }
    };
    visit(tree);
  };
}
