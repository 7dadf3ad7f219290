// Builds the taxonomy tree shown on /taxonomy/ from each concept's children. A concept with several
// parents appears under each of them, but its subtree is expanded only at its first appearance (later
// ones link back to it), so the HTML grows with the number of edges, not the number of paths. Cycles
// are cut and depth is capped. Pure, no Astro.

export interface TaxonomyConcept {
  slug: string;
  title: string;
  termId: string | null;
  children: string[];
}

export interface TaxonomyNode {
  slug: string;
  title: string;
  termId: string | null;
  /** Distinct concepts below this one (all depths, cycles cut). */
  descendantCount: number;
  children: TaxonomyNode[];
  /** The subtree is shown at another appearance of this concept (its anchor id is `tax-<slug>`). */
  expandedElsewhere: boolean;
  /** Children exist but were not drawn because the depth cap was reached. */
  truncated: boolean;
}

export const DEFAULT_MAX_DEPTH = 12;

/** Distinct descendants of every concept, memoised; nodes on a cycle count what they can reach. */
export function descendantCounts(concepts: ReadonlyMap<string, TaxonomyConcept>): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  const visiting = new Set<string>();
  const collect = (slug: string): Set<string> => {
    const known = sets.get(slug);
    if (known) return known;
    if (visiting.has(slug)) return new Set();
    visiting.add(slug);
    const result = new Set<string>();
    for (const child of concepts.get(slug)?.children ?? []) {
      if (!concepts.has(child)) continue;
      result.add(child);
      for (const d of collect(child)) result.add(d);
    }
    result.delete(slug);
    visiting.delete(slug);
    sets.set(slug, result);
    return result;
  };
  const counts = new Map<string, number>();
  for (const slug of concepts.keys()) counts.set(slug, collect(slug).size);
  return counts;
}

export function buildTaxonomy(roots: readonly string[], concepts: ReadonlyMap<string, TaxonomyConcept>, maxDepth = DEFAULT_MAX_DEPTH): TaxonomyNode[] {
  const counts = descendantCounts(concepts);
  const expanded = new Set<string>();
  const byTitle = (a: string, b: string) => (concepts.get(a)?.title ?? a).localeCompare(concepts.get(b)?.title ?? b, 'en');

  const build = (slug: string, depth: number, ancestors: ReadonlySet<string>): TaxonomyNode | null => {
    const concept = concepts.get(slug);
    if (!concept || ancestors.has(slug)) return null;
    const base = { slug, title: concept.title, termId: concept.termId, descendantCount: counts.get(slug) ?? 0 };
    const childSlugs = concept.children.filter((c) => concepts.has(c) && !ancestors.has(c) && c !== slug).sort(byTitle);
    if (childSlugs.length === 0) return { ...base, children: [], expandedElsewhere: false, truncated: false };
    if (expanded.has(slug)) return { ...base, children: [], expandedElsewhere: true, truncated: false };
    if (depth >= maxDepth) return { ...base, children: [], expandedElsewhere: false, truncated: true };
    expanded.add(slug);
    const inner = new Set(ancestors).add(slug);
    const children = childSlugs.map((c) => build(c, depth + 1, inner)).filter((n): n is TaxonomyNode => n !== null);
    return { ...base, children, expandedElsewhere: false, truncated: false };
  };

  return [...roots]
    .sort(byTitle)
    .map((r) => build(r, 1, new Set()))
    .filter((n): n is TaxonomyNode => n !== null);
}
