// "On this page": a concept page's table of contents, from its body's headings (levels 2 and 3) and
// the sections the page itself adds after the body, in page order. Pure, no Astro.
import type { HeadingInfo } from '../render/rehype-headings.ts';
import type { ConceptEntryData } from './types.ts';

export interface TocEntry {
  /** The id of the heading it leads to. */
  slug: string;
  text: string;
  depth: 2 | 3;
}

/** Ids of the concept page's own sections (src/pages/concepts/[slug].astro); body headings never take them. */
export const SECTION_IDS = {
  overview: 'overview',
  broader: 'broader',
  narrower: 'narrower',
  relations: 'relations',
  referencedBy: 'referenced-by',
  localGraph: 'local-graph',
  details: 'details',
  cite: 'cite',
} as const;

export function tocOf(
  data: Pick<ConceptEntryData, 'parents' | 'children' | 'relations' | 'incoming' | 'backlinks'>,
  headings: readonly HeadingInfo[],
  hasLocalGraph: boolean,
): TocEntry[] {
  const own = (slug: string, text: string, shown: boolean): TocEntry[] => (shown ? [{ slug, text, depth: 2 }] : []);
  return [
    ...own(SECTION_IDS.overview, 'Overview', true),
    ...headings.filter((h) => h.depth <= 3 && h.text !== '').map((h): TocEntry => ({ slug: h.slug, text: h.text, depth: h.depth <= 2 ? 2 : 3 })),
    ...own(SECTION_IDS.broader, 'Broader', data.parents.length > 0),
    ...own(SECTION_IDS.narrower, 'Narrower', data.children.length > 0),
    ...own(SECTION_IDS.relations, 'Related terms', data.relations.length + data.incoming.length > 0),
    ...own(SECTION_IDS.referencedBy, 'Referenced by', data.backlinks.length > 0),
    ...own(SECTION_IDS.localGraph, 'Neighbourhood', hasLocalGraph),
    ...own(SECTION_IDS.details, 'Details', true),
    ...own(SECTION_IDS.cite, 'Cite this term', true),
  ];
}
