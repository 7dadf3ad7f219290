// rehype plugin: a paragraph or list item holding only `{{demo NAME key=value …}}` → the demo embed:
// `<div class="kb-demo" data-demo data-params>` around a static fallback figure rendered at build
// time. Unknown demos become a short note and a diagnostic.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { VFile } from 'vfile';
import { parseDemoParams } from '../logseq/references.ts';

export interface DemoRenderer {
  /** Static fallback HTML for a known demo, or a list of problems (unknown name, bad parameters). */
  render: (name: string, params: Record<string, string>) => { html: string; problems: string[] } | { problems: string[] };
}

const MACRO = /^\s*\{\{\s*demo\s+([^\s}]+)([^}]*)\}\}\s*$/;

export interface DemoUse {
  name: string;
  line: number;
  /** Whether the name is a known demo (its embed was rendered), whatever its parameter problems. */
  known: boolean;
  problems: string[];
}

export function demoElement(name: string, params: Record<string, string>, fallbackHtml: string): Element {
  const fallback = fromHtml(fallbackHtml, { fragment: true });
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['kb-demo'], dataDemo: name, dataParams: JSON.stringify(params) },
    children: fallback.children as ElementContent[],
  };
}

export function rehypeDemos(renderer: DemoRenderer) {
  return (tree: Root, file: VFile) => {
    const uses: DemoUse[] = [];
    const replace = (node: Element): Element | null => {
      if (node.children.length !== 1 || node.children[0].type !== 'text') return null;
      const m = MACRO.exec(node.children[0].value);
      if (!m) return null;
      const name = m[1];
      const params = parseDemoParams(m[2]);
      const result = renderer.render(name, params);
      uses.push({ name, line: node.position?.start.line ?? 1, known: 'html' in result, problems: result.problems });
      if (!('html' in result)) {
        return {
          type: 'element',
          tagName: 'p',
          properties: { className: ['kb-demo-unknown'] },
          children: [{ type: 'text', value: `(The demo “${name}” is not available.)` }],
        };
      }
      return demoElement(name, params, result.html);
    };
    const visit = (parent: Root | Element) => {
      parent.children.forEach((child: RootContent | ElementContent, k: number) => {
        if (child.type !== 'element') return;
        if (child.tagName === 'p') {
          const r = replace(child);
          if (r) parent.children[k] = r;
          return;
        }
        if (child.tagName === 'li') {
          const r = replace(child);
          if (r) child.children = [r];
          else visit(child);
          return;
        }
        if (child.tagName !== 'pre' && child.tagName !== 'code') visit(child);
      });
    };
    visit(tree);
    file.data.demos = uses;
  };
}
