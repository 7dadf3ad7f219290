// "Did you mean": near misses of a query among the glossary's preferred and alternative terms, with
// no server. The build writes the terms as small static JSON files (termFiles), split by the first
// letters of each term so a reader loads only the part a query can match; the browser compares the
// query with each term there by edit distance (optimal string alignment: insertions, deletions,
// substitutions and swaps of neighbours), the whole term, its beginning or one of its words.
// Shared by the build (the file format) and the browser (loading and matching); no DOM, no Node.
// A near miss in the first letters of a long glossary's term is not found (its file is another).

/** Folder of the term files inside the search index folder (/pagefind/). */
export const TERMS_FOLDER = 'kb-terms';
/** The largest number of terms one file should hold; more, and terms are split by longer prefixes. */
export const TERMS_PER_FILE = 4000;

/** One term: [term] for a preferred term, [term, title] for an alternative term of the concept titled `title`. */
export type TermRow = [string] | [string, string];

/**
 * `kb-terms/index.json`: how terms are split into files. `files` names each file by the key prefix it
 * holds (`all` for a glossary small enough for one file); a key belongs to the file of its longest
 * listed prefix.
 */
export interface TermIndex {
  v: 2;
  files: string[];
  terms: number;
}

export interface TermFile {
  v: 2;
  terms: TermRow[];
}

export interface Suggestion {
  /** The term to search for instead. */
  term: string;
  /** For an alternative term: the title of its concept. */
  title: string | null;
  /** Edit distance plus penalties (lower is closer). */
  score: number;
}

/** Comparison form of a term or query: accents removed, lower case, letters and digits separated by single spaces. */
export function termKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SAFE = /^[a-z0-9]$/;
/** Terms are split by prefixes of at most this many characters. */
const MAX_DEPTH = 4;

/** The first `depth` characters of a key as a file name: letters and digits kept, anything else `_`, missing ones `-`. */
export function prefixName(key: string, depth: number): string {
  let name = '';
  for (let k = 0; k < depth; k++) {
    const ch = key[k] ?? '';
    name += ch === '' ? '-' : SAFE.test(ch) ? ch : '_';
  }
  return name;
}

/** The file (by name) that holds a key, given the index's file names; null when none does. */
export function termFileOf(key: string, files: readonly string[]): string | null {
  if (files.length === 1 && files[0] === 'all') return 'all';
  const names = new Set(files);
  for (let depth = MAX_DEPTH; depth >= 1; depth--) {
    const name = prefixName(key, depth);
    if (names.has(name)) return name;
  }
  return null;
}

/**
 * The term files of a glossary: file name (without `.json`) → content, plus `index`. One file while
 * the glossary has at most TERMS_PER_FILE terms; otherwise a file per first character, and a file
 * that is still too large is split by the next character (up to MAX_DEPTH), so files stay small
 * where the terms crowd and few where they do not.
 */
export function termFiles(rows: readonly TermRow[]): Map<string, TermIndex | TermFile> {
  const unique = new Map<string, { row: TermRow; key: string }>();
  for (const row of rows) {
    const key = termKey(row[0]);
    if (key.length < 2) continue;
    const id = `${key}\u0000${row[1] ?? ''}`;
    if (!unique.has(id)) unique.set(id, { row, key });
  }
  const all = [...unique.values()].sort((a, b) => (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : (a.row[1] ?? '') < (b.row[1] ?? '') ? -1 : 1));
  const files = new Map<string, TermRow[]>();
  if (all.length <= TERMS_PER_FILE)
    files.set(
      'all',
      all.map((t) => t.row),
    );
  else {
    const split = (terms: typeof all, depth: number): void => {
      const groups = new Map<string, typeof all>();
      for (const t of terms) {
        const name = prefixName(t.key, depth);
        const list = groups.get(name);
        if (list) list.push(t);
        else groups.set(name, [t]);
      }
      for (const [name, group] of groups) {
        if (group.length > TERMS_PER_FILE && depth < MAX_DEPTH && !name.endsWith('-')) split(group, depth + 1);
        else
          files.set(
            name,
            group.map((t) => t.row),
          );
      }
    };
    split(all, 1);
  }
  const out = new Map<string, TermIndex | TermFile>();
  out.set('index', { v: 2, files: [...files.keys()].sort(), terms: all.length });
  for (const [name, terms] of files) out.set(name, { v: 2, terms });
  return out;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed
 * `max` (the rows of the table are cut off there, so a hopeless pair costs little).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n], max + 1);
}

/** How many edits a query of this length may be from a term: 1 up to 4 characters, 2 up to 8, then 3. */
export const allowedEdits = (length: number): number => (length <= 4 ? 1 : length <= 8 ? 2 : 3);

/** A term prepared for matching. */
export interface PreparedTerm {
  row: TermRow;
  key: string;
  words: string[];
}

export function prepareTerms(rows: readonly TermRow[]): PreparedTerm[] {
  return rows.map((row) => {
    const key = termKey(row[0]);
    return { row, key, words: key.split(' ') };
  });
}

/**
 * The terms closest to `query`, best first, at most `limit`, one per concept. A term scores its edit
 * distance from the query; matching only the term's beginning or one of its words costs one more.
 * A term equal to the query is no suggestion.
 */
const rank = (s: Suggestion, key: string) => (s.title ? 1_000_000 : 0) + key.length;

export function suggest(query: string, terms: readonly PreparedTerm[], limit = 3): Suggestion[] {
  const q = termKey(query);
  if (q.length < 3) return [];
  const max = allowedEdits(q.length);
  const best = new Map<string, { s: Suggestion; key: string }>();
  for (const t of terms) {
    if (t.key === q) return [];
    let score = editDistance(q, t.key, max);
    if (score > max && q.length >= 4 && t.key.length > q.length) score = Math.min(score, editDistance(q, t.key.slice(0, q.length), max - 1) + 1);
    if (score > max && t.words.length > 1 && q.length >= 4) {
      for (const w of t.words) if (w.length >= 4) score = Math.min(score, editDistance(q, w, max - 1) + 1);
    }
    if (score > max) continue;
    const concept = t.row[1] ?? t.row[0];
    const seen = best.get(concept);
    const s: Suggestion = { term: t.row[0], title: t.row[1] ?? null, score };
    // Per concept the closest term; on a tie its preferred term, then the shorter one.
    const better = !seen || score < seen.s.score || (score === seen.s.score && rank(s, t.key) < rank(seen.s, seen.key));
    if (better) best.set(concept, { s, key: t.key });
  }
  return [...best.values()]
    .sort((a, b) => a.s.score - b.s.score || a.key.length - b.key.length || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((x) => x.s);
}
