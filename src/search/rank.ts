// Client-side re-ranking for the header search: Pagefind's own weights usually put the right concept
// first, but an exact term id, preferred term or alias must always win, so a result whose metadata
// matches the query exactly (ignoring case, spacing and punctuation runs) is moved to the top. Also
// whether a query names a concept at all (every word of it begins a word of the title or of an
// alternative term): such a result shows the definition, not a passage, as its excerpt.

export interface RankableMeta {
  title?: string;
  termId?: string;
  /** Alternative terms, as Pagefind captured them: "A | B", "A, B" or "A. B." (from a list). */
  aliases?: string;
}

/** Lower-cases and collapses whitespace; typographic dashes and quotes count as their ASCII forms. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits an aliases meta value into the individual alternative terms. */
export function splitAliases(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/\s*(?:\||;|,|\n|\.(?:\s+|$))\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * How exactly `query` names the concept: 3 = its term id, 2 = its title, 1 = one of its aliases,
 * 0 = none of these.
 */
export function exactness(query: string, meta: RankableMeta): number {
  const q = normalise(query);
  if (!q) return 0;
  if (meta.termId && normalise(meta.termId) === q) return 3;
  if (meta.title && normalise(meta.title) === q) return 2;
  const aliases = meta.aliases ? [meta.aliases, ...splitAliases(meta.aliases)] : [];
  // A list's text comes back as "A. B."; a single alias may keep a trailing full stop.
  if (aliases.some((alias) => normalise(alias.replace(/\.$/, '')) === q)) return 1;
  return 0;
}

/** Stable re-ordering: exact matches first (term id, then title, then alias), the rest as Pagefind ranked them. */
export function rerank<T>(query: string, items: readonly T[], metaOf: (item: T) => RankableMeta): T[] {
  return items
    .map((item, index) => ({ item, index, exact: exactness(query, metaOf(item)) }))
    .sort((a, b) => b.exact - a.exact || a.index - b.index)
    .map(({ item }) => item);
}

/** The words of a normalised text (letters and digits). */
export function wordsIn(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** Whether the query names the concept: an exact match, or every query word begins a word of its title or of one alias. */
export function namesConcept(query: string, meta: RankableMeta): boolean {
  if (exactness(query, meta) > 0) return true;
  const q = wordsIn(query);
  if (q.length === 0) return false;
  const names = [meta.title ?? '', ...splitAliases(meta.aliases)];
  return names.some((name) => {
    const words = wordsIn(name);
    return q.every((w) => words.some((x) => x.startsWith(w)));
  });
}
