// rehype plugin: references written as text become links. DOIs (`doi:10.1038/323533a0`, or a bare
// `10.1038/323533a0`) link to doi.org, arXiv ids (`arXiv:1706.03762`, `arXiv:hep-th/9901001`) to
// arxiv.org, ISBNs with a valid check digit to Open Library, and http(s) URLs to themselves. Works on
// text nodes of the sanitised tree; text inside links, code, pre, formulas and SVG is left alone.
import type { Element, ElementContent, Root, Text } from 'hast';

const SKIP = new Set(['a', 'code', 'pre', 'script', 'style', 'math', 'svg', 'kbd', 'samp']);

// One pattern, alternatives in order: URL, DOI, arXiv id, ISBN. A DOI or URL inside a URL is part of the URL.
const REFERENCE = new RegExp(
  [
    String.raw`(?<url>\bhttps?://[^\s<>"'\u00A0]+)`,
    String.raw`(?<doi>(?:\bdoi:\s?|\bDOI:?\s)?(?<![/\w.])10\.\d{4,9}/[^\s<>"'\u00A0]+)`,
    String.raw`(?<arxiv>\barXiv:\s?(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)`,
    String.raw`(?<isbn>\bISBN(?:-1[03])?:?\s?(?:97[89][-\s]?)?\d[\d\s-]{7,15}[\dX]\b)`,
  ].join('|'),
  'gi',
);

/** Drops sentence punctuation that ends a reference as written (a closing bracket only when unbalanced). */
function trimTrailing(s: string): string {
  let out = s;
  for (;;) {
    const last = out.at(-1) ?? '';
    if ('.,;:!?\'"’”'.includes(last)) out = out.slice(0, -1);
    else if (last === ')' && count(out, '(') < count(out, ')')) out = out.slice(0, -1);
    else if (last === ']' && count(out, '[') < count(out, ']')) out = out.slice(0, -1);
    else return out;
  }
}
const count = (s: string, ch: string) => s.split(ch).length - 1;

/** Whether the digits of an ISBN (10 or 13, `X` as ten) carry a valid check digit. */
export function validIsbn(digits: string): boolean {
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((s, d, k) => s + (d === 'X' ? 10 : Number(d)) * (10 - k), 0);
    return sum % 11 === 0;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits].reduce((s, d, k) => s + Number(d) * (k % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  return false;
}

/** The link a matched reference leads to, and how much of the match it covers; null when it is no reference. */
export function referenceLink(kind: 'url' | 'doi' | 'arxiv' | 'isbn', text: string): { href: string; text: string } | null {
  const t = kind === 'isbn' ? text : trimTrailing(text);
  if (kind === 'url') return /^https?:\/\/[^/]/i.test(t) ? { href: t, text: t } : null;
  if (kind === 'doi') {
    const doi = /10\.\d{4,9}\/.+$/.exec(t)?.[0];
    return doi ? { href: `https://doi.org/${encodeURI(doi).replace(/[?#]/g, encodeURIComponent)}`, text: t } : null;
  }
  if (kind === 'arxiv') return { href: `https://arxiv.org/abs/${t.replace(/^arxiv:\s?/i, '')}`, text: t };
  const digits = t
    .replace(/^ISBN(?:-1[03])?:?\s?/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  return validIsbn(digits) ? { href: `https://openlibrary.org/isbn/${digits}`, text: t } : null;
}

function linkReferences(node: Text): ElementContent[] | null {
  const value = node.value;
  if (!/https?:|10\.\d|arxiv:|isbn/i.test(value)) return null;
  const out: ElementContent[] = [];
  let last = 0;
  for (const m of value.matchAll(REFERENCE)) {
    const groups = m.groups ?? {};
    const kind = (['url', 'doi', 'arxiv', 'isbn'] as const).find((k) => groups[k] !== undefined);
    if (!kind) continue;
    const link = referenceLink(kind, m[0]);
    if (!link) continue;
    if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: link.href, className: ['ref-link'] }, children: [{ type: 'text', value: link.text }] });
    last = m.index + link.text.length;
  }
  if (out.length === 0) return null;
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

const isFormula = (e: Element) => {
  const cls = e.properties.className;
  return Array.isArray(cls) && cls.some((c) => String(c).startsWith('math') || String(c) === 'katex' || String(c) === 'language-math');
};

export function rehypeReferences() {
  return (tree: Root) => {
    const visit = (parent: Root | Element) => {
      for (let k = 0; k < parent.children.length; k++) {
        const child = parent.children[k];
        if (child.type === 'element') {
          if (!SKIP.has(child.tagName) && !isFormula(child)) visit(child);
        } else if (child.type === 'text') {
          const parts = linkReferences(child);
          if (parts) {
            parent.children.splice(k, 1, ...(parts as typeof parent.children));
            k += parts.length - 1;
          }
        }
      }
    };
    visit(tree);
  };
}
