// /graph.json: the published concept graph as nodes and typed edges, for tools and visualisations.
import type { ConceptEntryData } from '../site/types.ts';

export interface GraphJson {
  nodes: { id: string; termId: string | null; title: string; domain: string | null; status: string | null; url: string }[];
  edges: { source: string; target: string; type: string }[];
}

export function graphJson(concepts: readonly ConceptEntryData[]): GraphJson {
  const sorted = [...concepts].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const edges: GraphJson['edges'] = [];
  for (const c of sorted) {
    for (const p of c.parents) edges.push({ source: c.slug, target: p.slug, type: 'subClassOf' });
    for (const r of c.relations) for (const t of r.targets) edges.push({ source: c.slug, target: t.slug, type: r.key });
  }
  return {
    nodes: sorted.map((c) => ({ id: c.slug, termId: c.termId, title: c.title, domain: c.domain?.key ?? null, status: c.status, url: `/concepts/${c.slug}/` })),
    edges,
  };
}
