// The glossary's terms as a word trie, for linking terms where prose mentions them (rehype-autolink.ts)
// and for knowing which terms a page's source could mention (the render cache key). Text is split into
// words (runs of letters and digits); a term matches a run of whole words, compared without case,
// except acronyms (two or more capitals and no lower-case letter: "AI", "SGD"), which must match as
// written. One pass over the words of a text, walking the trie from each word: leftmost, longest match.

/** Where a term links: the one concept it names. */
export interface TermTarget {
  slug: string;
  href: string;
}

export interface TermEntry {
  /** The term as its concept writes it (a preferred or alternative term). */
  term: string;
  /** Lower-cased words of the term. */
  words: string[];
  /** Acronyms match only as written (the words as written are then compared too). */
  caseSensitive: boolean;
  /** The concept the term names, or null when it names several (it is then never linked). */
  target: TermTarget | null;
  /** When ambiguous: titles of the concepts the term could mean, sorted. */
  candidates: string[];
}

export interface TermMatch {
  /** UTF-16 offsets in the text: the match is text.slice(start, end). */
  start: number;
  end: number;
  entry: TermEntry;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: TermEntry[];
}

/** A character that belongs to a word, beyond ASCII: letters, digits and combining marks (surrogates count as part of a word). */
const WIDE_WORD_CHAR = /[\p{L}\p{N}\p{M}\uD800-\uDFFF]/u;
/** Between two words of a term in prose: spaces, hyphens or an apostrophe, nothing else (no full stop, comma, bracket). */
const PROSE_GAP = /^[\s\u00a0\-\u2010\u2011'\u2019]{1,3}$/;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/gu;

function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WIDE_WORD_CHAR.test(String.fromCharCode(code));
}

/** The words of a text (runs of letters, digits and combining marks) with their offsets; one scan, no regular expression for ASCII. */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  const lowered = text.toLowerCase();
  // Lower-casing keeps offsets unless some character lower-cases to several (İ → i̇): then each word is lowered on its own.
  const aligned = lowered.length === text.length;
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const inWord = k < text.length && isWordChar(text.charCodeAt(k));
    if (inWord) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      const word = text.slice(start, k);
      out.push({ text: word, lower: aligned ? lowered.slice(start, k) : word.toLowerCase(), start, end: k });
      start = -1;
    }
  }
  return out;
}

/** Whether a term is an acronym that must match as written: two or more capitals and no lower-case letter. */
export function isAcronym(term: string): boolean {
  return !LOWER.test(term) && (term.match(UPPER)?.length ?? 0) >= 2;
}

/**
 * Whether a term can be linked where it is mentioned: at least three letters or digits (two for an
 * acronym) and not only digits. Shorter terms would match ordinary words far too often.
 */
export function isLinkableTerm(term: string): boolean {
  const words = wordsOf(term);
  if (words.length === 0) return false;
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  if (words.every((w) => /^\p{N}+$/u.test(w.text))) return false;
  return chars >= 3 || (isAcronym(term) && chars >= 2);
}

export class TermMatcher {
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  readonly size: number;

  constructor(readonly entries: readonly TermEntry[]) {
    for (const entry of entries) {
      let node = this.root;
      for (const w of entry.words) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push(entry);
    }
    this.size = entries.length;
  }

  /** The entry a terminal node accepts for words[from..to): the first whose case rule the text meets. */
  private accept(node: TrieNode, words: readonly Word[], from: number): TermEntry | null {
    for (const entry of node.entries) {
      if (!entry.caseSensitive) return entry;
      const written = wordsOf(entry.term);
      if (written.every((w, k) => words[from + k]?.text === w.text)) return entry;
    }
    return null;
  }

  /**
   * Leftmost-longest term matches in a run of prose, in order and not overlapping. Words of a
   * multi-word term must be separated only by spaces, hyphens or an apostrophe.
   */
  matches(text: string): TermMatch[] {
    const words = wordsOf(text);
    const out: TermMatch[] = [];
    let i = 0;
    while (i < words.length) {
      let node = this.root.next.get(words[i].lower);
      let best: { end: number; entry: TermEntry } | null = null;
      let j = i;
      while (node) {
        const entry = node.entries.length > 0 ? this.accept(node, words, i) : null;
        if (entry) best = { end: j, entry };
        const k = j + 1;
        if (k >= words.length || !PROSE_GAP.test(text.slice(words[j].end, words[k].start))) break;
        node = node.next.get(words[k].lower);
        j = k;
      }
      if (best) {
        out.push({ start: words[i].start, end: words[best.end].end, entry: best.entry });
        i = best.end + 1;
      } else i++;
    }
    return out;
  }

  /**
   * Every entry whose words occur in `text` one after another, whatever separates them and wherever
   * they are: a superset of what `matches` can find in anything rendered from this text (used to key
   * a page's cached render by the terms it could link).
   */
  occurring(text: string): Set<TermEntry> {
    const words = lowerWordsOf(text);
    const found = new Set<TermEntry>();
    for (let i = 0; i < words.length; i++) {
      let node = this.root.next.get(words[i]);
      let j = i;
      while (node) {
        for (const entry of node.entries) found.add(entry);
        if (++j >= words.length) break;
        node = node.next.get(words[j]);
      }
    }
    return found;
  }

  private described: Map<TermEntry, string> | null = null;

  /** The entries `occurring` finds in `text`, described one per line in a stable order (a cache key). */
  occurringKey(text: string): string {
    this.described ??= new Map(this.entries.map((e) => [e, describeEntry(e)]));
    const lines: string[] = [];
    for (const e of this.occurring(text)) lines.push(this.described.get(e) ?? describeEntry(e));
    return lines.sort().join('\n');
  }
}

/** The lower-cased words of a text (as `wordsOf` splits them), without offsets. */
function lowerWordsOf(text: string): string[] {
  const lowered = text.toLowerCase();
  if (lowered.length !== text.length) return wordsOf(text).map((w) => w.lower);
  const out: string[] = [];
  let start = -1;
  for (let k = 0; k <= text.length; k++) {
    const inWord = k < text.length && isWordChar(text.charCodeAt(k));
    if (inWord) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      out.push(lowered.slice(start, k));
      start = -1;
    }
  }
  return out;
}

/** A stable one-line description of an entry (for cache keys and digests). */
export function describeEntry(e: TermEntry): string {
  return `${e.words.join(' ')}${e.caseSensitive ? `=${e.term}` : ''}>${e.target ? e.target.slug : `?${e.candidates.join('|')}`}`;
}
