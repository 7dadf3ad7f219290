// URL slugs: stable, URL-safe, unique, never empty. `Model Weights` → `model-weights`; `A/B` → `a-b`;
// text with no Latin letters or digits (`🤖`, `機械学習`) gets a stable slug made from its hash. Every
// value that becomes a URL segment (concept, tag, domain) goes through here.

export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 80).replace(/-+$/, '');
}

/** FNV-1a over the UTF-16 code units, as 8 hex digits: a short, stable name for any text. */
function hash32(text: string): string {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A slug for any text, never empty: its `slugify` form, else `prefix-<hash of the text>`. */
export function safeSlug(text: string, prefix = 'u'): string {
  return slugify(text) || `${prefix}-${hash32(text.normalize('NFC'))}`;
}

/**
 * Assigns each wanted slug a unique one: the first claimant (in the given order) keeps it, later
 * ones get `-2`, `-3`, … Returns the slugs in input order and the indices that had to move.
 */
export function assignUniqueSlugs(wanted: readonly string[]): { slugs: string[]; moved: number[] } {
  const taken = new Set<string>();
  const slugs: string[] = [];
  const moved: number[] = [];
  wanted.forEach((w, i) => {
    const base = w === '' ? 'page' : w;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    if (slug !== base || w === '') moved.push(i);
    taken.add(slug);
    slugs.push(slug);
  });
  return { slugs, moved };
}
