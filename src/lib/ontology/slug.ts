// URL slugs: stable, URL-safe, unique. `Model Weights` → `model-weights`; `A/B` → `a-b`.

export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, 80).replace(/-+$/, '');
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
