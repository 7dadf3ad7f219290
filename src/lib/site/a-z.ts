// Groups terms into A–Z letter sections for the index page. Pure, no Astro.

export interface LetterGroup<T> {
  /** 'A'…'Z', or '#' for titles starting with a digit or symbol. */
  letter: string;
  /** Id for the section heading (`letter-a`, `letter-other`). */
  id: string;
  items: T[];
}

/** The index letter of a title: its first letter without accents, upper-cased; '#' when not A–Z. */
export function indexLetter(title: string): string {
  const first = title
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

export function letterId(letter: string): string {
  return letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`;
}

/** Sorts items by title (English collation) and groups them by index letter: A–Z first, then '#'. */
export function groupByLetter<T extends { title: string }>(items: readonly T[]): LetterGroup<T>[] {
  const sorted = [...items].sort((a, b) => a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.title.localeCompare(b.title, 'en'));
  const groups = new Map<string, T[]>();
  for (const item of sorted) {
    const letter = indexLetter(item.title);
    const group = groups.get(letter);
    if (group) group.push(item);
    else groups.set(letter, [item]);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map((letter) => ({ letter, id: letterId(letter), items: groups.get(letter) ?? [] }));
}
