// How typed relations read on a concept page: a label for each relation key in both directions ("Has
// part" / "Part of", "Requires" / "Required by"; symmetric relations read the same both ways), and the
// page's relation sections, one per label, whichever direction each link was written in, each concept
// once. Pure, no Astro.
import type { ConceptRef, RelationView } from './types.ts';

/** Labels of known relation keys: [as written on this page, as written on the other page]. */
const LABELS: Record<string, [string, string]> = {
  'has-part': ['Has part', 'Part of'],
  'is-part-of': ['Part of', 'Has part'],
  'part-of': ['Part of', 'Has part'],
  requires: ['Requires', 'Required by'],
  'is-required-by': ['Required by', 'Requires'],
  'depends-on': ['Depends on', 'Dependency of'],
  enables: ['Enables', 'Enabled by'],
  'enabled-by': ['Enabled by', 'Enables'],
  'related-to': ['Related to', 'Related to'],
  'skos:related': ['Related to', 'Related to'],
  'see-also': ['See also', 'See also'],
  'bridges-to': ['Bridges to', 'Bridges from'],
  'bridges-from': ['Bridges from', 'Bridges to'],
  implements: ['Implements', 'Implemented by'],
  'is-implemented-by': ['Implemented by', 'Implements'],
  uses: ['Uses', 'Used by'],
  'is-used-by': ['Used by', 'Uses'],
  'has-subclass': ['Has subclass', 'Subclass of'],
  'skos:broader': ['Broader term', 'Narrower term'],
  'skos:narrower': ['Narrower term', 'Broader term'],
};

/**
 * The heading a relation reads under on a page: `incoming` when the other page wrote it (`X requires
 * this` reads "Required by" here). An unknown key reads as words ("trained-with" → "Trained with"),
 * and from the other end as "Trained with this term".
 */
export function relationLabel(key: string, incoming = false): string {
  const known = LABELS[key];
  if (known) return known[incoming ? 1 : 0];
  const words = key
    .replace(/^[a-z]+:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_\s]+/g, ' ')
    .trim()
    .toLowerCase();
  const label = words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
  return incoming ? `${label} this term` : label;
}

/** One relation section of a page: every concept under one label, once. */
export interface RelationSection {
  label: string;
  /** By title. */
  concepts: ConceptRef[];
  /** Targets written on this page that lead to no page (shown as text). */
  unresolved: string[];
}

/**
 * The page's relation sections, one per label: relations written here first (in their order), then
 * the ones only other pages wrote. A concept appears once per section.
 */
export function relationSections(outgoing: readonly RelationView[], incoming: readonly RelationView[]): RelationSection[] {
  const sections = new Map<string, { concepts: Map<string, ConceptRef>; unresolved: Set<string> }>();
  for (const group of [...outgoing, ...incoming]) {
    let section = sections.get(group.label);
    if (!section) sections.set(group.label, (section = { concepts: new Map(), unresolved: new Set() }));
    for (const c of group.targets) if (!section.concepts.has(c.slug)) section.concepts.set(c.slug, c);
    for (const name of group.unresolved) section.unresolved.add(name);
  }
  return [...sections].map(([label, s]) => ({
    label,
    concepts: [...s.concepts.values()].sort((a, b) => a.title.localeCompare(b.title, 'en')),
    unresolved: [...s.unresolved],
  }));
}
