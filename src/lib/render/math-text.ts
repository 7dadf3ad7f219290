// A formula as readable plain text, for places that cannot typeset it (search records and their
// excerpts): read from the MathML KaTeX writes beside its HTML, not from the TeX. Identifiers and
// operators keep their symbols (σ, ∂, ∑, ←), sub- and superscripts become Unicode ones where every
// character has one (w₁, x², wᵢ) and `_(…)` / `^(…)` otherwise, fractions read a/b, roots √x.
// `\mathbf{z} = W\mathbf{x} + \mathbf{b}` reads "z = Wx + b"; `\frac{\partial L}{\partial w}` "∂L/∂w".
// Also, for HTML some other renderer typeset (guides): every KaTeX formula in a tree replaced by that text.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const SUB: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};
const SUP: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  i: 'ⁱ',
  n: 'ⁿ',
  T: 'ᵀ',
  '⊤': 'ᵀ',
  '′': '′',
  '∗': '*',
  '*': '*',
};
/** Accents KaTeX writes as <mover accent>: the combining character that puts them on one letter. */
const ACCENT: Record<string, string> = {
  '^': '\u0302',
  ˆ: '\u0302',
  '~': '\u0303',
  '˜': '\u0303',
  '¯': '\u0304',
  '‾': '\u0305',
  '˙': '\u0307',
  '¨': '\u0308',
  '→': '\u20d7',
  '⃗': '\u20d7',
};
/** Operators read with a space on each side. */
const SPACED = new Set(['=', '∣', '≠', '≈', '≡', '<', '>', '≤', '≥', '+', '−', '-', '×', '·', '÷', '←', '→', '⇒', '⇐', '↦', '∈', '∉', '⊂', '⊆', '∝', '∼', '≔']);
const INVISIBLE = /[\u2061-\u2064\u200b]/g;
const FUNCTION_APPLICATION = '\u2061';

const children = (e: Element): Element[] => e.children.filter((c): c is Element => c.type === 'element');

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

/** Unicode script form of `s`, or null when some character has none. */
function script(s: string, table: Record<string, string>): string | null {
  let out = '';
  for (const ch of s) {
    const mapped = table[ch];
    if (mapped === undefined) return null;
    out += mapped;
  }
  return out;
}

const isSimple = (s: string) => [...s].length === 1 || /^[\p{L}\p{N}\p{M}.∂∇′]+$/u.test(s);
const group = (s: string) => (isSimple(s) ? s : `(${s})`);
/** Operators whose limits are written on them: a space after them keeps what follows apart. */
const LARGE = new Set(['∑', '∏', '∐', '∫', '∬', '∮', '⋃', '⋂', 'lim', 'max', 'min', 'sup', 'inf', 'arg max', 'arg min']);

function attach(base: string, sub: string | null, sup: string | null): string {
  let out = base;
  // Inside a script, spacing around operators is noise: "i = 1" is written ᵢ₌₁.
  const tight = (s: string) => s.replace(/\s+/g, '');
  if (sub) out += script(tight(sub), SUB) ?? `_${group(tight(sub))}`;
  if (sup) out += script(tight(sup), SUP) ?? `^${group(tight(sup))}`;
  return LARGE.has(base) ? `${out} ` : out;
}

function read(e: Element): string {
  const kids = children(e);
  switch (e.tagName) {
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
      return '';
    case 'mi':
    case 'mn':
    case 'mtext':
    case 'ms':
      return textOf(e).replace(INVISIBLE, '');
    case 'mo': {
      const op = textOf(e).replace(INVISIBLE, '');
      if (op === '') return '';
      if (SPACED.has(op)) return ` ${op} `;
      return op === ',' || op === ';' ? `${op} ` : op;
    }
    case 'mspace':
      return ' ';
    case 'mfrac': {
      const [num, den] = kids.map((k) => read(k).trim());
      return `${group(num ?? '')}/${group(den ?? '')}`;
    }
    case 'msqrt':
      return `√${group(kids.map(read).join('').trim())}`;
    case 'mroot': {
      const [radicand, index] = kids.map((k) => read(k).trim());
      return `${script(index ?? '', SUP) ?? `(${index})`}√${group(radicand ?? '')}`;
    }
    case 'msub':
    case 'munder':
      return attach(read(kids[0]).trim(), read(kids[1] ?? e).trim() || null, null);
    case 'msup':
      return attach(read(kids[0]).trim(), null, read(kids[1] ?? e).trim() || null);
    case 'msubsup':
    case 'munderover':
      return attach(read(kids[0]).trim(), read(kids[1] ?? e).trim() || null, read(kids[2] ?? e).trim() || null);
    case 'mover': {
      const base = read(kids[0]).trim();
      const over = read(kids[1] ?? e).trim();
      const accent = ACCENT[over];
      if (accent && [...base].length === 1) return base + accent;
      return attach(base, null, over || null);
    }
    case 'mtable':
      return kids
        .map(read)
        .map((row) => row.trim())
        .join('; ');
    case 'mtr':
      return kids
        .map(read)
        .map((cell) => cell.trim())
        .join(', ');
    default:
      return kids
        .map((kid, k) => {
          // Function application (log p, sin x) reads as a space, except before a bracket: max(0, x).
          if (kid.tagName === 'mo' && textOf(kid) === FUNCTION_APPLICATION) {
            const next = kids[k + 1];
            return next && next.tagName === 'mo' && /^[([{]/.test(textOf(next)) ? '' : ' ';
          }
          return read(kid);
        })
        .join('');
  }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim().normalize('NFC');

/** The readable text of KaTeX output (its HTML with MathML, as `renderToString` writes it); '' when it holds no MathML. */
export function mathTextOf(katexHtml: string): string {
  const start = katexHtml.indexOf('<math');
  const end = katexHtml.lastIndexOf('</math>');
  if (start < 0 || end < start) return '';
  const tree: Root = fromHtml(katexHtml.slice(start, end + '</math>'.length), { fragment: true });
  const math = tree.children.find((c: RootContent): c is Element => c.type === 'element' && c.tagName === 'math');
  return math ? collapse(read(math)) : '';
}

const isElement = (n: RootContent | ElementContent | Root): n is Element => n.type === 'element';
const hasClass = (e: Element, name: string) => Array.isArray(e.properties.className) && e.properties.className.includes(name);

function findMath(e: Element): Element | null {
  if (e.tagName === 'math') return e;
  for (const c of e.children) {
    if (!isElement(c)) continue;
    const found = findMath(c);
    if (found) return found;
  }
  return null;
}

/**
 * Replaces each KaTeX formula (`span.katex`, with its display wrapper) in a hast tree by a text node
 * of its readable text, so that text extracted from the tree (a search index) holds no TeX and no
 * second, visual copy of the formula.
 */
export function formulasToText(tree: Root | Element): void {
  const visit = (parent: Root | Element) => {
    parent.children.forEach((child, k) => {
      if (!isElement(child)) return;
      if (hasClass(child, 'katex')) {
        const math = findMath(child);
        parent.children[k] = { type: 'text', value: math ? collapse(read(math)) : '' };
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}
