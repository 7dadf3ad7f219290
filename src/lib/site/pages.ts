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
import { previewShardCount } from './preview-shards.ts';
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

/** One page of a long list: its number (from 1), how many pages the list has, their URLs. */
export interface ListPage {
  number: number;
  count: number;
  /** URL of each page of the list, first page first. */
  hrefs: string[];
}

export interface AzData {
  termCount: number;
  /**
   * Concepts and alternative terms, by letter, on this page. On a large glossary the index page holds
   * only the letters (`letters`), and each letter has pages of its own (`a-z/<letter>` routes).
   */
  groups: LetterGroup<ConceptRef | AzSee>[];
  /** Every letter with how many entries it has and where they are (a large glossary's index page only). */
  letters: { letter: string; id: string; count: number; href: string }[] | null;
  /** On a letter's page: which page of that letter this is. */
  page: ListPage | null;
}

/** Lists longer than this are split into pages of LIST_PAGE entries (A–Z letters, domains, tags). */
export const LIST_PAGE = 2000;
/** An A–Z index with more entries than this gets a page per letter. */
export const AZ_SPLIT = 3000;
/** A taxonomy of more concepts than this is drawn only a few levels deep (deeper on concept pages). */
export const TAXONOMY_SHALLOW = 3000;

/** Where long lists are cut (the constants above; tests use smaller ones). */
export interface ListLimits {
  listPage: number;
  azSplit: number;
  taxonomyShallow: number;
}

export const LIST_LIMITS: ListLimits = { listPage: LIST_PAGE, azSplit: AZ_SPLIT, taxonomyShallow: TAXONOMY_SHALLOW };

/** `items` cut into pages of `size`, each with its URL (the first at `base`, the next at `base<n>/`). */
export function pages<T>(items: readonly T[], base: string, size = LIST_PAGE): { items: T[]; page: ListPage | null }[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  if (count === 1) return [{ items: [...items], page: null }];
  const hrefs = Array.from({ length: count }, (_, k) => (k === 0 ? base : `${base}${k + 1}/`));
  return hrefs.map((_, k) => ({ items: items.slice(k * size, (k + 1) * size), page: { number: k + 1, count, hrefs } }));
}

export interface TaxonomyData {
  tree: TaxonomyNode[];
}

export interface DomainData {
  key: string;
  name: string;
  /** Concepts in the domain, in all. */
  total: number;
  /** This page's concepts (a long domain has several pages). */
  concepts: ConceptRef[];
  page: ListPage | null;
}

export interface TagData {
  tag: string;
  slug: string;
  total: number;
  /** This page's concepts (a long tag has several pages). */
  concepts: ConceptRef[];
  page: ListPage | null;
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
  /** A large glossary's A–Z pages, one or more per letter, by route id (`a-z/<letter>[/<n>]`). */
  azPages: [id: string, data: AzData][];
  taxonomy: TaxonomyData;
  /** Each domain's pages, by route id (`domain/<key>[/<n>]`). */
  domains: [id: string, data: DomainData][];
  /** Each tag's pages, by route id (`tag/<slug>[/<n>]`). */
  tags: [id: string, data: TagData][];
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

export function shellOf(config: Pick<SiteConfig, 'title' | 'description' | 'siteUrl'>, guides: readonly GuideListing[], concepts: number): Shell {
  return {
    previewShards: previewShardCount(concepts),
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

export function routeData(
  graph: ConceptGraph,
  view: GraphView,
  guides: GuideListing[],
  diagnostics: readonly Diagnostic[] | null,
  limits: ListLimits = LIST_LIMITS,
): RouteData {
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
  // Long lists are split into pages: each page is a route of its own (its data, its cache key).
  const pagedRoutes = <T, D>(idBase: string, hrefBase: string, items: readonly T[], data: (part: T[], page: ListPage | null) => D): [string, D][] =>
    pages(items, hrefBase, limits.listPage).map((p, k): [string, D] => [k === 0 ? idBase : `${idBase}/${k + 1}`, data(p.items, p.page)]);
  const azEntries = groupByLetter<ConceptRef | AzSee>([...refs, ...azSeeEntries(concepts)]);
  const azTotal = azEntries.reduce((n, g) => n + g.items.length, 0);
  const azSplit = azTotal > limits.azSplit;
  const letterSlug = (g: { letter: string }) => (g.letter === '#' ? 'other' : g.letter.toLowerCase());
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
    az: azSplit
      ? {
          termCount: refs.length,
          groups: [],
          letters: azEntries.map((g) => ({ letter: g.letter, id: g.id, count: g.items.length, href: `/a-z/${letterSlug(g)}/` })),
          page: null,
        }
      : { termCount: refs.length, groups: azEntries, letters: null, page: null },
    azPages: azSplit
      ? azEntries.flatMap((g) =>
          pagedRoutes(`a-z/${letterSlug(g)}`, `/a-z/${letterSlug(g)}/`, g.items, (items, page) => ({
            termCount: refs.length,
            groups: [{ ...g, items }],
            letters: null,
            page,
          })),
        )
      : [],
    taxonomy: { tree: buildTaxonomy(graph.roots, taxonomyConcepts, concepts.length > limits.taxonomyShallow ? 3 : undefined) },
    domains: graph.domains.flatMap((d) => {
      const members = concepts
        .filter((n) => n.domain === d.key)
        .map((n) => view.ref(n.slug))
        .sort(byTitle);
      return pagedRoutes(`domain/${d.key}`, `/domains/${d.key}/`, members, (part, page) => ({
        key: d.key,
        name: d.name,
        total: members.length,
        concepts: part,
        page,
      }));
    }),
    tags: tags.flatMap((t) =>
      pagedRoutes(`tag/${t.slug}`, `/tags/${t.slug}/`, t.concepts, (part, page) => ({
        tag: t.tag,
        slug: t.slug,
        total: t.concepts.length,
        concepts: part,
        page,
      })),
    ),
    tagIndex: { tags: tags.map((t) => ({ name: t.tag, slug: t.slug, count: t.concepts.length })) },
    feed,
    guides: { guides },
    diagnostics: diagnostics ? { counts: countBySeverity(diagnostics), diagnostics: [...diagnostics] } : null,
  };
}
