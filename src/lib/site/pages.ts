// The data of every page that is not a concept page: the shell around every page, the home page, the
// A–Z index, the taxonomy, one page per domain and per tag, the tags index, the guides index, the
// Atom feed of recently updated terms, the diagnostics page.
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

/** An alternative term in the A–Z index: "Weights → see Model Weights". */
export interface AzSee {
  title: string;
  see: { slug: string; title: string };
}

export interface AzData {
  termCount: number;
  /** Concepts and alternative terms, by letter. */
  groups: LetterGroup<ConceptRef | AzSee>[];
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

export interface TagIndexData {
  /** Every tag by name, with how many terms carry it. */
  tags: { name: string; slug: string; count: number }[];
}

/** The Atom feed: the most recently updated terms, newest first (concepts with a YYYY-MM-DD last-updated). */
export interface FeedData {
  entries: { slug: string; title: string; termId: string | null; summary: string; updated: string }[];
}

/** How many terms the feed lists. */
export const FEED_SIZE = 50;

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
  tagIndex: TagIndexData;
  feed: FeedData;
  guides: GuidesData;
  /** Present only when the diagnostics page is switched on (it names source files). */
  diagnostics: DiagnosticsData | null;
}

/** The home page's "in numbers" line: terms, domains, tags and guides, leaving out counts that are zero. */
export function homeStats(home: Pick<HomeData, 'termCount' | 'domains' | 'tagCount' | 'guides'>): { count: number; label: string }[] {
  const stat = (count: number, one: string, many: string) => ({ count, label: count === 1 ? one : many });
  return [
    stat(home.termCount, 'term', 'terms'),
    stat(home.domains.length, 'domain', 'domains'),
    stat(home.tagCount, 'tag', 'tags'),
    stat(home.guides.length, 'guide', 'guides'),
  ].filter((s) => s.count > 0);
}

const RANDOM_SAMPLE = 1000;
const byTitle = (a: ConceptRef, b: ConceptRef) => a.title.localeCompare(b.title, 'en');

/** Where the Atom feed is (src/pages/feed.xml.ts). */
export const FEED_PATH = '/feed.xml';

export function shellOf(config: Pick<SiteConfig, 'title' | 'description' | 'siteUrl'>, guides: readonly GuideListing[]): Shell {
  return {
    title: config.title,
    description: config.description,
    siteUrl: config.siteUrl,
    hasGuides: guides.length > 0,
    feed: { href: FEED_PATH, title: `${config.title}: recently updated terms` },
  };
}

/**
 * The A–Z index's alternative terms: each alias of a concept that is not itself the title of a
 * concept, once per concept it names. A plural of the concept's own title ("Activations" for
 * "Activation") would stand right beside it, so it is left out.
 */
export function azSeeEntries(concepts: readonly { slug: string; title: string; aliases: readonly string[] }[]): AzSee[] {
  const key = (s: string) => s.trim().toLowerCase();
  const titles = new Set(concepts.map((c) => key(c.title)));
  const out: AzSee[] = [];
  for (const c of concepts) {
    const seen = new Set<string>();
    const own = key(c.title);
    const plurals = new Set([`${own}s`, `${own}es`, own.replace(/y$/, 'ies')]);
    for (const alias of c.aliases) {
      const k = key(alias);
      if (k === '' || titles.has(k) || seen.has(k) || plurals.has(k)) continue;
      seen.add(k);
      out.push({ title: alias.trim(), see: { slug: c.slug, title: c.title } });
    }
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}/;

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
  const dated = concepts
    .filter((n) => n.lastUpdated && DATE.test(n.lastUpdated))
    .sort((a, b) => (b.lastUpdated as string).slice(0, 10).localeCompare((a.lastUpdated as string).slice(0, 10)) || a.title.localeCompare(b.title, 'en'));
  const recent = dated.slice(0, 8).map((n) => ({ ...view.ref(n.slug), lastUpdated: (n.lastUpdated as string).slice(0, 10) }));
  const feed: FeedData = {
    entries: dated.slice(0, FEED_SIZE).map((n) => {
      const r = view.ref(n.slug);
      return { slug: n.slug, title: n.title, termId: n.termId, summary: r.summary ?? '', updated: (n.lastUpdated as string).slice(0, 10) };
    }),
  };
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
    az: { termCount: refs.length, groups: groupByLetter<ConceptRef | AzSee>([...refs, ...azSeeEntries(concepts)]) },
    taxonomy: { tree: buildTaxonomy(graph.roots, taxonomyConcepts) },
    domains: graph.domains.map((d) => ({
      key: d.key,
      name: d.name,
      concepts: concepts.filter((n) => n.domain === d.key).map((n) => view.ref(n.slug)).sort(byTitle),
    })),
    tags,
    tagIndex: { tags: tags.map((t) => ({ name: t.tag, slug: t.slug, count: t.concepts.length })) },
    feed,
    guides: { guides },
    diagnostics: diagnostics ? { counts: countBySeverity(diagnostics), diagnostics: [...diagnostics] } : null,
  };
}
