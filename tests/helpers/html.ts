// Test helper: every element of an HTML fragment, parsed with parse5 (so tests assert on structure).
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export function elements(html: string): Element[] {
  const out: Element[] = [];
  const visit = (n: Node) => {
    if ('tagName' in n) out.push(n);
    if ('childNodes' in n) n.childNodes.forEach(visit);
    if ('content' in n && n.content) n.content.childNodes.forEach(visit);
  };
  visit(parseFragment(html));
  return out;
}

export const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
