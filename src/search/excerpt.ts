// Pagefind excerpts are HTML: the page text, escaped by Pagefind, with hits wrapped in <mark>. We
// never hand that string to innerHTML; it is split into text runs (entities decoded) and marked runs
// and rebuilt with text nodes, so nothing but <mark> can ever reach the page. A plain text (a
// concept's summary) is marked here the same way: each word that begins with a query word.

export interface ExcerptRun {
  text: string;
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an escaper produces (&amp; &lt; &gt; &quot; &#39; &#x27; …); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt into plain and highlighted runs; any tag other than <mark>/</mark> is kept as text. */
export function parseExcerpt(html: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/i)) {
    const tag = part.toLowerCase();
    if (tag === '<mark>') mark = true;
    else if (tag === '</mark>') mark = false;
    else if (part) {
      const text = decodeEntities(part);
      const last = runs[runs.length - 1];
      if (last && last.mark === mark) last.text += text;
      else runs.push({ text, mark });
    }
  }
  return runs;
}

/** Only same-site paths (or http(s) URLs) become links; anything else (javascript:, data:) is refused. */
export function safeHref(url: string): string | null {
  if (/^\/(?!\/)/.test(url)) return url;
  if (/^https?:\/\//i.test(url)) return url;
  return null;
}

/** Splits plain text into runs, marking each word that begins with one of `queryWords` (lower case). */
export function markWords(text: string, queryWords: readonly string[]): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  const push = (part: string, mark: boolean) => {
    if (part === '') return;
    const last = runs[runs.length - 1];
    if (last && last.mark === mark) last.text += part;
    else runs.push({ text: part, mark });
  };
  let last = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = m[0].toLowerCase();
    if (!queryWords.some((q) => q !== '' && word.startsWith(q))) continue;
    push(text.slice(last, m.index), false);
    push(m[0], true);
    last = m.index + m[0].length;
  }
  push(text.slice(last), false);
  return runs;
}
