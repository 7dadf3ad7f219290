// rehype plugin: syntax highlighting of fenced code (`<pre><code class="language-x">`) with lowlight
// (highlight.js's grammars, the "common" set), as rehype-highlight does with `detect: false`: code
// without a language, or marked `no-highlight`, is left alone; an unknown language is left as plain
// code (with the `hljs` class, as rehype-highlight leaves it). It walks only to `<pre>` elements,
// with a plain loop instead of unist-util-visit, which costs more per node than highlighting does
// on a page with little code. A code block scrolls sideways on a narrow screen, so it takes keyboard
// focus (tabindex 0) to be scrollable without a mouse.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { common, createLowlight } from 'lowlight';

const lowlight = createLowlight(common);

/** The language a `<code>` element asks for: a name, none (undefined), or `false` for no-highlight. */
function languageOf(code: Element): string | false | undefined {
  const classes = code.properties.className;
  if (!Array.isArray(classes)) return undefined;
  let name: string | undefined;
  for (const c of classes) {
    const value = String(c);
    if (value === 'no-highlight' || value === 'nohighlight') return false;
    if (!name && value.startsWith('lang-')) name = value.slice(5);
    if (!name && value.startsWith('language-')) name = value.slice(9);
  }
  return name;
}

function highlight(code: Element): void {
  const lang = languageOf(code);
  if (!lang) return;
  const classes = code.properties.className as (string | number)[];
  if (!classes.includes('hljs')) classes.unshift('hljs');
  if (!lowlight.registered(lang)) return;
  const result = lowlight.highlight(lang, toText(code, { whitespace: 'pre' }));
  if (result.children.length > 0) code.children = result.children as ElementContent[];
}

export function rehypeCode() {
  return (tree: Root) => {
    const stack: (Root | Element)[] = [tree];
    while (stack.length > 0) {
      const parent = stack.pop() as Root | Element;
      for (const child of parent.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'pre') {
          child.properties.tabIndex = 0;
          for (const c of child.children) if (c.type === 'element' && c.tagName === 'code') highlight(c);
        } else stack.push(child);
      }
    }
  };
}
