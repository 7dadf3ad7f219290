// Concept page view data: from the built graph to what a concept page shows (ConceptEntryData).
// Pure functions, no Astro: the loader calls them, tests call them directly.
import type { SiteConfig } from '../../config.ts';
import { domainName } from '../ontology/domains.ts';
import type { ConceptGraph, GraphNode, RelationGroup } from '../ontology/graph.ts';
import { rootPaths } from '../ontology/queries.ts';
import { AUTOLINK_PROPERTY } from '../render/rehype-autolink.ts';
import type { LinkContext } from '../render/sentences.ts';
import { relationLabel } from './relations.ts';
import { sidebarOf } from './sidebar.ts';
import type { ConceptEntryData, ConceptRef, RelationView } from './types.ts';

export const conceptHref = (slug: string) => `/concepts/${slug}/`;
export const guideHref = (slug: string) => `/guides/${slug}/`;

export class GraphView {
  private readonly bySlug: Map<string, GraphNode>;

  /**
   * @param summaries each concept's summary (the first sentence of its rendered definition, see
   *   src/lib/render/sentences.ts), by slug
   */
  constructor(
    readonly graph: ConceptGraph,
    private readonly config: Pick<SiteConfig, 'domains'>,
    private readonly summaries: ReadonlyMap<string, string>,
  ) {
    this.bySlug = new Map(graph.nodes.map((n) => [n.slug, n]));
    this.domainNames = new Map(graph.domains.map((d) => [d.key, d.name]));
  }

  private readonly domainNames: Map<string, string>;

  node(slug: string): GraphNode | undefined {
    return this.bySlug.get(slug);
  }

  /**
   * One reference object per concept, shared by every list that names it (read-only). Besides
   * computing each summary once, sharing lets the content store, which Astro serialises with
   * devalue, write a reference once however many pages list it.
   */
  private readonly refs = new Map<string, ConceptRef>();
  private readonly briefs = new Map<string, ConceptRef>();

  ref(slug: string): ConceptRef {
    let r = this.refs.get(slug);
    if (!r) {
      const n = this.bySlug.get(slug);
      r = n ? { slug, title: n.title, termId: n.termId, summary: this.summaries.get(slug) ?? '' } : { slug, title: slug, termId: null, summary: '' };
      this.refs.set(slug, r);
    }
    return r;
  }

  /** A reference without its summary, for lists that show titles only (shared like `ref`). */
  brief(slug: string): ConceptRef {
    let b = this.briefs.get(slug);
    if (!b) {
      const { summary: _summary, ...rest } = this.ref(slug);
      b = rest;
      this.briefs.set(slug, b);
    }
    return b;
  }

  private sortedRefs(slugs: readonly string[]): ConceptRef[] {
    return slugs.map((s) => this.ref(s)).sort((a, b) => a.title.localeCompare(b.title, 'en'));
  }

  /**
   * A concept page's data. `rendered` is what rendering the page gave; `linksOf(slug)` gives the
   * sentences of a published page that link to other pages (its render's `links`), from which the
   * "Referenced by" list quotes.
   */
  entry(
    node: GraphNode,
    rendered: { definitionHtml: string; definitionText: string; summary: string; hasMath: boolean; demos: string[]; bodyDigest: string },
    linksOf: (slug: string) => readonly LinkContext[],
  ): ConceptEntryData {
    const g = this.graph;
    const parents = this.sortedRefs(g.parents[node.slug] ?? []);
    const children = this.sortedRefs(g.children[node.slug] ?? []);
    const relations: RelationView[] = (g.relations[node.slug] ?? [])
      .filter((r: RelationGroup) => r.targets.length + r.unresolved.length > 0)
      .map((r) => ({ key: r.key, label: relationLabel(r.key), targets: this.sortedRefs(r.targets), unresolved: r.unresolved }));
    const incomingByKey = new Map<string, string[]>();
    for (const { key, from } of g.incoming[node.slug] ?? []) incomingByKey.set(key, [...(incomingByKey.get(key) ?? []), from]);
    const incoming: RelationView[] = [...incomingByKey].map(([key, from]) => ({
      key,
      label: relationLabel(key, true),
      targets: this.sortedRefs(from),
      unresolved: [],
    }));
    const breadcrumbs = rootPaths(g, node.slug)
      .map((path) => path.slice(0, -1).map((s) => this.brief(s)))
      .filter((p) => p.length > 0);
    const href = conceptHref(node.slug);
    const backlinks = [...new Set((g.backlinks[node.slug] ?? []).map((b) => b.from))]
      .map((from) => ({ from: this.brief(from), quotes: linksOf(from).filter((l) => l.href === href) }))
      .sort((a, b) => a.from.title.localeCompare(b.from.title, 'en'));
    return {
      kind: 'concept',
      slug: node.slug,
      file: node.file,
      termId: node.termId,
      title: node.title,
      aliases: node.aliases,
      definitionHtml: rendered.definitionHtml,
      definitionText: rendered.definitionText,
      summary: rendered.summary,
      gloss: node.gloss,
      domain: node.domain ? { key: node.domain, name: this.domainNames.get(node.domain) ?? domainName(this.config.domains, node.domain) } : null,
      status: node.status,
      maturity: node.maturity,
      version: node.version,
      lastUpdated: node.lastUpdated,
      owlClass: node.owlClass,
      tags: node.tags.flatMap((name) => (g.tagSlugs[name] ? [{ name, slug: g.tagSlugs[name] }] : [])),
      // A page setting (`autolink:: false`) is not a fact about the concept.
      properties: node.properties.filter((p) => p.key.toLowerCase() !== AUTOLINK_PROPERTY),
      breadcrumbs,
      parents,
      children,
      relations,
      incoming,
      backlinks: backlinks.map((b) => ({ from: b.from, sentences: b.quotes.map((q) => q.html) })),
      hasMath: rendered.hasMath || backlinks.some((b) => b.quotes.some((q) => q.hasMath)),
      demos: rendered.demos,
      sidebar: sidebarOf(g, node.slug, node.domain, (s) => this.bySlug.get(s)?.title ?? s),
      bodyDigest: rendered.bodyDigest,
    };
  }
}
