// OWL functional syntax in code fences (```` ```clojure ````, ```` ```owl ````): the page's own class
// and its named superclasses, from `Declaration(Class(ex:A))` and `SubClassOf(ex:A ex:B)` (also the
// Lisp-style `(SubClassOf :A :B)` some graphs write). Only axioms between two named classes count;
// restrictions (`ObjectSomeValuesFrom …`) are not taxonomy. Used for parents when a page states no
// `is-subclass-of` in any other form.
import type { Block } from '../logseq/types.ts';
import { linkKey } from './resolve.ts';

const FENCE_INFO = /^(?:clojure|owl|owl-functional|ofn|functional|owl-fs)\b/i;
const NAME = String.raw`(<[^>\s]+>|[A-Za-z_][\w.-]*:[\w.-]*|:[\w.-]+)`;
const DECLARATION = new RegExp(String.raw`\(?\s*Declaration\s*\(\s*Class\s*\(?\s*${NAME}\s*\)`, 'g');
const SUBCLASS = new RegExp(String.raw`SubClassOf\s*\(?\s*${NAME}\s+${NAME}\s*\)`, 'g');
const TOP = new Set(['thing', 'owlthing']);

/** `ex:ModelWeights` → `ModelWeights`; `<http://x.org/o#A>` → `A`; `:A` → `A`. */
export function localName(name: string): string {
  const t = name.startsWith('<') ? name.slice(1, -1) : name;
  return t.slice(Math.max(t.lastIndexOf('#'), t.lastIndexOf('/'), t.lastIndexOf(':')) + 1);
}

/** The contents of OWL fences in a block's text, each with the 0-based line offset of its first line. */
function owlFences(text: string): { body: string; offset: number }[] {
  if (!text.includes('```') && !text.includes('~~~')) return [];
  const lines = text.split('\n');
  const out: { body: string; offset: number }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const open = /^\s*(`{3,}|~{3,})\s*(\S*)/.exec(lines[k]);
    if (!open) continue;
    let end = k + 1;
    while (end < lines.length && !lines[end].trim().startsWith(open[1])) end++;
    if (FENCE_INFO.test(open[2])) out.push({ body: lines.slice(k + 1, end).join('\n'), offset: k + 1 });
    k = end;
  }
  return out;
}

export interface OwlParent {
  target: string;
  line: number;
}

/**
 * Named superclasses of the page's own class. The own class is the subject whose local name matches
 * one of `selfNames` (title, page name, owl:class, …) ignoring case and punctuation, or else the one
 * class the fences declare.
 */
export function owlParents(blocks: readonly Block[], selfNames: readonly string[]): OwlParent[] {
  const declared: string[] = [];
  const axioms: { sub: string; sup: string; line: number }[] = [];
  const stack = [...blocks];
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    stack.push(...b.children);
    for (const fence of owlFences(b.text)) {
      const lineAt = (index: number) => b.line + fence.offset + countNewlines(fence.body, index);
      for (const m of fence.body.matchAll(DECLARATION)) declared.push(localName(m[1]));
      for (const m of fence.body.matchAll(SUBCLASS)) axioms.push({ sub: localName(m[1]), sup: localName(m[2]), line: lineAt(m.index) });
    }
  }
  if (axioms.length === 0) return [];
  const selves = new Set(selfNames.map(linkKey).filter((k) => k !== ''));
  let isSelf = (name: string) => selves.has(linkKey(name));
  if (!axioms.some((a) => isSelf(a.sub))) {
    const distinct = [...new Set(declared.map(linkKey))];
    if (distinct.length !== 1) return [];
    isSelf = (name) => linkKey(name) === distinct[0];
  }
  const out: OwlParent[] = [];
  const seen = new Set<string>();
  for (const a of axioms.sort((x, y) => x.line - y.line)) {
    const key = linkKey(a.sup);
    if (!isSelf(a.sub) || key === '' || TOP.has(key) || seen.has(key) || isSelf(a.sup)) continue;
    seen.add(key);
    out.push({ target: a.sup, line: a.line });
  }
  return out;
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) n++;
  return n;
}
