// The data of every page that is not a concept page: the shell around every page, the home page, the
// A–Z index, the taxonomy, one page per domain and per tag, the guides index, the diagnostics page.
// Each page's template renders only its own data object (and the shell), so a page's data is exactly
// what it depends on: the site data folder stores each object with its digest, and the digest is the
// page's key for incremental builds. Pure functions over the built graph; no Astro.
import type { SiteConfig } from '../../config.ts';
import { countBySeverity, type Diagnostic } from '../diagnostics.ts';
import type { ConceptGraph } from '../ontology/graph.ts';
import { groupByLetter, type LetterGroup } from './a-z.ts';
import { buildTaxonomy, type TaxonomyConcept, type TaxonomyNode } from './taxonomy.ts';
import type { ConceptRef, Shell } from './types.ts';
import type { GraphView } from './view.ts';

/** Above this many concepts, `searchBodies: 'auto'` indexes definitions but not bodies. */
export const SEARCH_BODIES_AUTO_LIMIT = 2000;

/** A published MDX guide: its source file (relative to the content folder), URL slug and title. */
export interface GuideListing {
  file: string;
  slug: string;
  title: string;
  description: string | null;
}

export interface HomeData {
  termCount: number;
  domains: { key: string; name: string; count: number }[];
  tagCount: number;
  recent: (ConceptRef & { lastUpdated: string })[];
  guides: GuideListing[];
  roots: ConceptRef[];
  /** Concept slugs for the "random term" link (evenly sampled, at most RANDOM_SAMPLE). */
  randomSlugs: string[];
}

export interface AzData {
  termCount: number;
  groups: LetterGroup<ConceptRef>[];
}

export interface TaxonomyData {
  tree: TaxonomyNode[];
}

export interface DomainData {
  key: string;
  name: string;
  concepts: ConceptRef[];
}

export interface TagData {
  tag: string;
  slug: string;
  concepts: ConceptRef[];
}

export interface GuidesData {
  guides: GuideListing[];
}

export interface DiagnosticsData {
  counts: { error: number; warning: number; info: number };
  diagnostics: Diagnostic[];
}

/** Every non-concept page's data, by route. */
export interface RouteData {
  home: HomeData;
  az: AzData;
  taxonomy: TaxonomyData;
  domains: DomainData[];
  tags: TagData[];
  guides: GuidesData;
  /** Present only when the diagnostics page is switched on (it names source files). */
  diagnostics: DiagnosticsData | null;
}

const RANDOM_SAMPLE = 1000;
const byTitle = (a: ConceptRef, b: ConceptRef) => a.title.localeCompare(b.title, 'en');

export function shellOf(config: Pick<SiteConfig, 'title' | 'description' | 'siteUrl'>, guides: readonly GuideListing[]): Shell {
  return { title: config.title, description: config.description, siteUrl: config.siteUrl, hasGuides: guides.length > 0 };
}

/** Published guides of the graph, by title (a guide's `description` front matter is its definition). */
export function guideListings(graph: ConceptGraph): GuideListing[] {
  return graph.nodes
    .filter((n) => n.kind === 'guide')
    .map((n) => ({ file: n.file, slug: n.slug, title: n.title, description: n.definition || null }))
    .sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

export function routeData(graph: ConceptGraph, view: GraphView, guides: GuideListing[], diagnostics: readonly Diagnostic[] | null): RouteData {
  const concepts = graph.nodes.filter((n) => n.kind === 'concept');
  const refs = concepts.map((n) => view.ref(n.slug));
  const recent = concepts
    .filter((n) => n.lastUpdated && /^\d{4}-\d{2}-\d{2}/.test(n.lastUpdated))
    .sort((a, b) => (b.lastUpdated as string).localeCompare(a.lastUpdated as string) || a.title.localeCompare(b.title, 'en'))
    .slice(0, 8)
    .map((n) => ({ ...view.ref(n.slug), lastUpdated: (n.lastUpdated as string).slice(0, 10) }));
  const slugs = concepts.map((n) => n.slug).sort();
  const step = Math.max(1, slugs.length / RANDOM_SAMPLE);
  const randomSlugs = slugs.length <= RANDOM_SAMPLE ? slugs : Array.from({ length: RANDOM_SAMPLE }, (_, k) => slugs[Math.floor(k * step)]);
  const taxonomyConcepts = new Map<string, TaxonomyConcept>(
    concepts.map((n) => [n.slug, { slug: n.slug, title: n.title, termId: n.termId, children: graph.children[n.slug] ?? [] }]),
  );
  const tags = Object.entries(graph.tags)
    .map(([tag, members]) => ({ tag, slug: graph.tagSlugs[tag], concepts: members.map((s) => view.ref(s)).sort(byTitle) }))
    .sort((a, b) => a.tag.localeCompare(b.tag, 'en'));
  return {
    home: {
      termCount: concepts.length,
      domains: graph.domains.filter((d) => d.count > 0),
      tagCount: tags.length,
      recent,
      guides,
      roots: graph.roots.map((s) => view.ref(s)).sort(byTitle),
      randomSlugs,
    },
    az: { termCount: refs.length, groups: groupByLetter(refs) },
    taxonomy: { tree: buildTaxonomy(graph.roots, taxonomyConcepts) },
    domains: graph.domains.map((d) => ({
      key: d.key,
      name: d.name,
      concepts: concepts.filter((n) => n.domain === d.key).map((n) => view.ref(n.slug)).sort(byTitle),
    })),
    tags,
    guides: { guides },
    diagnostics: diagnostics ? { counts: countBySeverity(diagnostics), diagnostics: [...diagnostics] } : null,
  };
}
