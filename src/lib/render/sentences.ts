// Sentences of a rendered tree (hast): the first sentence of a text (a concept's summary, used for meta
// descriptions, previews and lists) and the sentence around each link to a published page (what a
// concept's "Referenced by" list quotes). Both are cut from the tree itself, never from Markdown with
// regular expressions: formulas and inline code are indivisible, a sentence keeps its links, emphasis
// and typeset formulas, and its plain text reads formulas as their TeX (plain-text.ts).
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { type MathRawData, plainTextOf } from './plain-text.ts';

/** A sentence of a page that links to another page. */
export interface LinkContext {
  /** The path of the published page linked to (`/concepts/x/`), without fragment or query. */
  href: string;
  /**
   * The sentence as HTML (already sanitised: it is cut from the page's rendered tree). The link to
   * `href` itself is a <strong>, other links stay links; ids and same-page fragments are dropped.
   */
  html: string;
  /** Whether the sentence holds a typeset formula (the page showing it must load KaTeX's styles). */
  hasMath: boolean;
}

/** Longest quoted sentence, in characters of text; longer ones are cut around the link. */
export const MAX_CONTEXT = 320;
/** Longest summary, in characters. */
export const MAX_SUMMARY = 240;

const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
/** Elements read as one indivisible unit: no sentence ends inside them. */
const ATOMIC = new Set(['code', 'kbd', 'samp', 'img', 'br', 'wbr']);
const ATOM = '\uFFFC';

type Inline = ElementContent;

const mathData = (node: RootContent | Root): MathRawData | undefined =>
  (node as { type: string }).type === 'raw' ? ((node as { data?: MathRawData }).data ?? undefined) : undefined;

function isPhrasing(node: RootContent): boolean {
  if (node.type === 'text') return true;
  if (node.type === 'element') return PHRASING.has(node.tagName);
  const math = mathData(node);
  return math !== undefined && !math.display;
}

function isAtom(node: Inline): boolean {
  return (node as { type: string }).type === 'raw' || (node.type === 'element' && ATOMIC.has(node.tagName));
}

/** The run's text with each atom as one character; `mark` records where a given node starts and ends. */
function flatten(nodes: readonly Inline[], mark?: Inline): { flat: string; at: [number, number] | null } {
  let flat = '';
  let at: [number, number] | null = null;
  const walk = (node: Inline) => {
    const start = flat.length;
    if (node.type === 'text') flat += node.value;
    else if (isAtom(node)) flat += ATOM;
    else if (node.type === 'element') for (const c of node.children) walk(c);
    if (node === mark) at = [start, flat.length];
  };
  for (const n of nodes) walk(n);
  return { flat, at };
}

/** The part of a run between two offsets of its flattened text, as new nodes (the run is not changed). */
function slice(nodes: readonly Inline[], from: number, to: number): Inline[] {
  let offset = 0;
  const cut = (list: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const node of list) {
      if (offset >= to) break;
      if (node.type === 'text') {
        const start = offset;
        offset += node.value.length;
        if (offset > from) out.push({ type: 'text', value: node.value.slice(Math.max(0, from - start), to - start) });
      } else if (isAtom(node)) {
        if (offset >= from) out.push(node);
        offset += 1;
      } else if (node.type === 'element') {
        const children = cut(node.children);
        if (children.length > 0) out.push({ ...node, properties: { ...node.properties }, children });
      }
    }
    return out;
  };
  return cut(nodes);
}

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|vs|al|approx|ca|resp|fig|figs|eq|eqs|no|vol|pp|ed|eds|dr|mr|mrs|ms|st|jr|sr)$/i;
/** A capital's initial (`J. Smith`). */
const INITIAL = /(?:^|[\s(])\p{Lu}$/u;

/** Offsets just after each sentence end in `flat` (the punctuation and any closing quote or bracket). */
export function sentenceEnds(flat: string): number[] {
  const ends: number[] = [];
  for (const m of flat.matchAll(/[.!?…]+["'”’)\]]*(?=\s+(?:[^\s\p{Ll}]|$)|$)/gu)) {
    if (m[0] === '.') {
      const before = flat.slice(Math.max(0, m.index - 10), m.index);
      if (ABBREVIATION.test(before) || INITIAL.test(before)) continue;
    }
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/** Moves [from, to) inwards past white space. */
function trim(flat: string, from: number, to: number): [number, number] {
  while (from < to && /\s/.test(flat[from])) from++;
  while (to > from && /\s/.test(flat[to - 1])) to--;
  return [from, to];
}

/**
 * The first sentence of a rendered text, as plain text (formulas as readable text), at most `max`
 * characters (cut at a word, with an ellipsis). Reads the first paragraph or list item that has text.
 */
export function firstSentence(tree: Root, max = MAX_SUMMARY): string {
  const run = leadRun(tree);
  if (run.length === 0) return '';
  const { flat } = flatten(run);
  const end = sentenceEnds(flat)[0] ?? flat.length;
  const [from, to] = trim(flat, 0, end);
  const text = plainTextOf({ type: 'root', children: slice(run, from, to) }, { math: 'text' });
  if (text.length <= max) return text;
  const cutAt = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cutAt > max / 2 ? cutAt : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

/** The first run of inline content in document order (the root's own, or the first block's). */
function leadRun(parent: Root | Element): Inline[] {
  const kids = parent.children as RootContent[];
  for (let k = 0; k < kids.length; k++) {
    const node = kids[k];
    if (node.type === 'text' && node.value.trim() === '') continue;
    if (isPhrasing(node)) {
      let end = k;
      while (end < kids.length && isPhrasing(kids[end])) end++;
      return kids.slice(k, end) as Inline[];
    }
    if (node.type === 'element') {
      const inner = leadRun(node);
      if (inner.length > 0) return inner;
    }
  }
  return [];
}

/** Where a page path points: `/concepts/x/#y` → `/concepts/x/`. */
export function pagePath(href: string): string {
  return href.split('#')[0].split('?')[0].replace(/\/?$/, '/');
}

/** Makes a quoted sentence stand alone on another page: no ids, no same-page fragments, the quoted page's own link in bold. */
function detach(nodes: Inline[], href: string): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    const props = { ...node.properties };
    delete props.id;
    delete props.ariaDescribedBy;
    if (node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined)) continue;
    const children = detach(node.children, href);
    if (node.tagName === 'a') {
      const link = typeof props.href === 'string' ? props.href : '';
      if (link.startsWith('/') && pagePath(link) === href) {
        out.push({ type: 'element', tagName: 'strong', properties: {}, children });
        continue;
      }
      if (link === '' || link.startsWith('#')) {
        out.push(...children);
        continue;
      }
    }
    out.push({ ...node, properties: props, children });
  }
  return out;
}

const hasRaw = (nodes: readonly Inline[]): boolean => nodes.some((n) => (n as { type: string }).type === 'raw' || (n.type === 'element' && hasRaw(n.children)));

const textNode = (value: string): Text => ({ type: 'text', value });

/**
 * The sentence of `run` around the node `link`, cut to MAX_CONTEXT around it when longer. `kind`:
 * a paragraph's text, other text (a list item, a heading…), or a table row (not split into sentences).
 */
function sentenceAround(run: readonly Inline[], link: Inline, kind: 'paragraph' | 'text' | 'row'): Inline[] {
  const { flat, at } = flatten(run, link);
  if (!at) return [];
  let from = 0;
  let to = flat.length;
  if (kind !== 'row') {
    for (const end of sentenceEnds(flat)) {
      if (end <= at[0]) from = end;
      else if (end >= at[1]) {
        to = end;
        break;
      }
    }
  }
  const atStart = from === 0;
  [from, to] = trim(flat, from, to);
  // A paragraph that starts in lower case continues a sentence begun above it (above a display formula, say).
  let before = kind === 'paragraph' && atStart && /^\p{Ll}/u.test(flat.slice(from, from + 1));
  let after = false;
  if (to - from > MAX_CONTEXT) {
    const lead = Math.min(at[0] - from, Math.floor(MAX_CONTEXT / 3));
    const start = at[0] - lead;
    const stop = Math.max(at[1], start + MAX_CONTEXT);
    if (start > from) {
      const space = flat.indexOf(' ', start);
      from = space >= 0 && space < at[0] ? space + 1 : start;
      before = true;
    }
    if (stop < to) {
      const space = flat.lastIndexOf(' ', stop);
      to = space > at[1] ? space : stop;
      after = true;
    }
    [from, to] = trim(flat, from, to);
  }
  const nodes = slice(run, from, to);
  return [...(before ? [textNode('… ')] : []), ...nodes, ...(after ? [textNode(' …')] : [])];
}

/** The cells of a table row as one run, separated by " · ". */
function rowRun(row: Element): Inline[] {
  const cells = row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  return cells.flatMap((cell, k) => (k > 0 ? [textNode(' · '), ...cell.children] : [...cell.children]));
}

/**
 * The sentence around every link to a published page (`isPage(path)`), at most `perTarget` for each
 * page linked to, in document order. A link in a table cell quotes its row.
 */
export function linkContexts(tree: Root, isPage: (path: string) => boolean, perTarget = 3): LinkContext[] {
  const out: LinkContext[] = [];
  const seen = new Map<string, Set<string>>();
  /** `row`: the table row when `parent` is one of its cells. */
  const visit = (parent: Root | Element, row: Element | null) => {
    const kids = parent.children as RootContent[];
    for (let k = 0; k < kids.length; k++) {
      const node = kids[k];
      if (!isPhrasing(node)) {
        if (node.type === 'element') visit(node, node.tagName === 'tr' ? node : node.tagName === 'td' || node.tagName === 'th' ? row : null);
        continue;
      }
      // A run of inline content: the links in it, wherever they are nested.
      let end = k;
      while (end < kids.length && isPhrasing(kids[end])) end++;
      const run = kids.slice(k, end) as Inline[];
      const cellRun = row ? rowRun(row) : null;
      for (const link of linksIn(run)) {
        const href = typeof link.properties.href === 'string' ? link.properties.href : '';
        if (!href.startsWith('/') || !isPage(pagePath(href))) continue;
        const target = pagePath(href);
        const known = seen.get(target) ?? new Set<string>();
        seen.set(target, known);
        if (known.size >= perTarget) continue;
        const kind = cellRun ? 'row' : (parent as Element).tagName === 'p' ? 'paragraph' : 'text';
        const nodes = detach(sentenceAround(cellRun ?? run, link, kind), target);
        const html = toHtml({ type: 'root', children: nodes }, { allowDangerousHtml: true });
        if (known.has(html)) continue;
        known.add(html);
        out.push({ href: target, html, hasMath: hasRaw(nodes) });
      }
      k = end - 1;
    }
  };
  visit(tree, null);
  return out;
}

function linksIn(nodes: readonly Inline[]): Element[] {
  const out: Element[] = [];
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    if (n.tagName === 'a') out.push(n);
    else if (!ATOMIC.has(n.tagName)) out.push(...linksIn(n.children));
  }
  return out;
}
