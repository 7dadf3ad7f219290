// Concept page view data: from the built graph to what a concept page shows (ConceptEntryData).
// Pure functions, no Astro: the loader calls them, tests call them directly.
import type { SiteConfig } from '../../config.ts';
import { domainName } from '../ontology/domains.ts';
import type { ConceptGraph, GraphNode, RelationGroup } from '../ontology/graph.ts';
import { rootPaths } from '../ontology/queries.ts';
import { slugify } from '../ontology/slug.ts';
import { AUTOLINK_PROPERTY } from '../render/rehype-autolink.ts';
import { firstSentence } from '../render/text.ts';
import { plainText, sentencePlain } from '../ontology/extract.ts';
import type { ConceptEntryData, ConceptRef, RelationView } from './types.ts';

export const conceptHref = (slug: string) => `/concepts/${slug}/`;
export const guideHref = (slug: string) => `/guides/${slug}/`;
/** A tag's page slug: the slugified tag, never empty. */
export const tagSlug = (tag: string) => slugify(tag) || 'tag';

const LABELS: Record<string, string> = {
  'has-part': 'Has part',
  'is-part-of': 'Part of',
  requires: 'Requires',
  'depends-on': 'Depends on',
  enables: 'Enables',
  'related-to': 'Related to',
  'skos:related': 'Related (SKOS)',
  'bridges-to': 'Bridges to',
};
const INCOMING_LABELS: Record<string, string> = {
  'has-part': 'Part of',
  'is-part-of': 'Has part',
  requires: 'Required by',
  'depends-on': 'Depended on by',
  enables: 'Enabled by',
  'related-to': 'Related from',
  'skos:related': 'Related (SKOS) from',
  'bridges-to': 'Bridged from',
};

export function relationLabel(key: string, incoming = false): string {
  const known = (incoming ? INCOMING_LABELS : LABELS)[key];
  if (known) return known;
  const words = key.replace(/^[a-z]+:/, '').replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const label = words.charAt(0).toUpperCase() + words.slice(1);
  return incoming ? `${label} (inverse)` : label;
}

export class GraphView {
  private readonly bySlug: Map<string, GraphNode>;

  constructor(
    readonly graph: ConceptGraph,
    private readonly config: Pick<SiteConfig, 'domains'>,
  ) {
    this.bySlug = new Map(graph.nodes.map((n) => [n.slug, n]));
  }

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
      r = n ? { slug, title: n.title, termId: n.termId, summary: firstSentence(n.definition) } : { slug, title: slug, termId: null, summary: '' };
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

  entry(node: GraphNode, rendered: { definitionHtml: string; hasMath: boolean; demos: string[]; bodyDigest: string }): ConceptEntryData {
    const g = this.graph;
    const parents = this.sortedRefs(g.parents[node.slug] ?? []);
    const children = this.sortedRefs(g.children[node.slug] ?? []);
    const relations: RelationView[] = (g.relations[node.slug] ?? [])
      .filter((r: RelationGroup) => r.targets.length + r.unresolved.length > 0)
      .map((r) => ({ key: r.key, label: relationLabel(r.key), targets: this.sortedRefs(r.targets), unresolved: r.unresolved }));
    const incomingByKey = new Map<string, string[]>();
    for (const { key, from } of g.incoming[node.slug] ?? []) incomingByKey.set(key, [...(incomingByKey.get(key) ?? []), from]);
    const incoming: RelationView[] = [...incomingByKey].map(([key, from]) => ({ key, label: relationLabel(key, true), targets: this.sortedRefs(from), unresolved: [] }));
    const breadcrumbs = rootPaths(g, node.slug).map((path) => path.slice(0, -1).map((s) => this.brief(s))).filter((p) => p.length > 0);
    const definitionText = plainText(node.definition.replace(/\$+/g, ''));
    return {
      kind: 'concept',
      slug: node.slug,
      file: node.file,
      termId: node.termId,
      title: node.title,
      aliases: node.aliases,
      definitionHtml: rendered.definitionHtml,
      definitionText,
      summary: firstSentence(node.definition),
      domain: node.domain ? { key: node.domain, name: domainName(this.config.domains, node.domain) } : null,
      status: node.status,
      maturity: node.maturity,
      version: node.version,
      lastUpdated: node.lastUpdated,
      owlClass: node.owlClass,
      tags: node.tags.map((name) => ({ name, slug: tagSlug(name) })),
      // A page setting (`autolink:: false`) is not a fact about the concept.
      properties: node.properties.filter((p) => p.key.toLowerCase() !== AUTOLINK_PROPERTY),
      breadcrumbs,
      parents,
      children,
      relations,
      incoming,
      backlinks: (g.backlinks[node.slug] ?? [])
        .map((b) => ({ from: this.brief(b.from), sentence: sentencePlain(b.sentence) }))
        .sort((a, b) => a.from.title.localeCompare(b.from.title, 'en')),
      hasMath: rendered.hasMath,
      demos: rendered.demos,
      bodyDigest: rendered.bodyDigest,
    };
  }
}
