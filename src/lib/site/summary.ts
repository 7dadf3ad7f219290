// The site-wide summary the home, taxonomy, domain, tag and diagnostics pages read: counts, domains,
// roots, tags, recently updated terms, guides. Published data only (diagnostics only when enabled,
// since they name files).
import type { Diagnostic } from '../diagnostics.ts';
import { countBySeverity } from '../diagnostics.ts';
import type { SiteBuild } from './build-graph.ts';
import type { ConceptRef } from './types.ts';

/** Above this many concepts, `searchBodies: 'auto'` indexes definitions but not bodies. */
export const SEARCH_BODIES_AUTO_LIMIT = 2000;

export interface SiteSummary {
  title: string;
  description: string;
  siteUrl: string;
  published: number;
  domains: { key: string; name: string; count: number }[];
  roots: ConceptRef[];
  tags: { tag: string; slug: string; concepts: ConceptRef[] }[];
  recent: (ConceptRef & { lastUpdated: string })[];
  guides: { slug: string; title: string }[];
  counts: { error: number; warning: number; info: number };
  /** Whether concept bodies go into the search index (see SiteConfig.searchBodies). */
  searchBodies: boolean;
  /** Present only when the diagnostics page is switched on. */
  diagnostics: Diagnostic[] | null;
}

export function siteSummary(site: SiteBuild): SiteSummary {
  const { graph } = site.build;
  const byTitle = (a: ConceptRef, b: ConceptRef) => a.title.localeCompare(b.title, 'en');
  const concepts = graph.nodes.filter((n) => n.kind === 'concept');
  const recent = concepts
    .filter((n) => n.lastUpdated && /^\d{4}-\d{2}-\d{2}/.test(n.lastUpdated))
    .sort((a, b) => (b.lastUpdated as string).localeCompare(a.lastUpdated as string) || a.title.localeCompare(b.title, 'en'))
    .slice(0, 8)
    .map((n) => ({ ...site.view.ref(n.slug), lastUpdated: (n.lastUpdated as string).slice(0, 10) }));
  return {
    title: site.config.title,
    description: site.config.description,
    siteUrl: site.config.siteUrl,
    published: concepts.length,
    domains: graph.domains,
    roots: graph.roots.map((s) => site.view.ref(s)).sort(byTitle),
    tags: Object.entries(graph.tags)
      .map(([tag, slugs]) => ({ tag, slug: graph.tagSlugs[tag], concepts: slugs.map((s) => site.view.ref(s)).sort(byTitle) }))
      .sort((a, b) => a.tag.localeCompare(b.tag, 'en')),
    recent,
    guides: graph.nodes.filter((n) => n.kind === 'guide').map((n) => ({ slug: n.slug, title: n.title })),
    counts: countBySeverity(site.diagnostics),
    searchBodies: site.config.searchBodies === 'always' || (site.config.searchBodies === 'auto' && concepts.length <= SEARCH_BODIES_AUTO_LIMIT),
    diagnostics: site.config.diagnosticsPage ? site.diagnostics : null,
  };
}
