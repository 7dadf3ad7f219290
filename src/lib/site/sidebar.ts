// The navigation sidebar of a concept page: its branch of the taxonomy (from a root down to the concept,
// each level with its narrower terms, the concept's own narrower terms below it) and its domain. It is
// part of every concept page's data, so it stays small: one path (the first breadcrumb path), at most
// BRANCH_WIDTH terms per level with a count of the rest. Pure, no Astro.
import type { ConceptGraph } from '../ontology/graph.ts';
import { rootPaths } from '../ontology/queries.ts';
import type { Sidebar, SidebarNode } from './types.ts';

/** Narrower terms listed per level; the rest are counted (`more`). */
export const BRANCH_WIDTH = 12;

/**
 * The branch of the taxonomy a concept sits in: the root of its first path to a root, expanded along
 * that path down to the concept, whose own narrower terms are listed (not expanded).
 */
export function branchOf(graph: ConceptGraph, slug: string, titleOf: (slug: string) => string): SidebarNode {
  const path = rootPaths(graph, slug, 1)[0] ?? [slug];
  const byTitle = (a: string, b: string) => titleOf(a).localeCompare(titleOf(b), 'en');
  const level = (depth: number): SidebarNode => {
    const here = path[depth];
    const node: SidebarNode = { slug: here, title: titleOf(here) };
    const children = [...(graph.children[here] ?? [])].sort(byTitle);
    if (children.length === 0) return node;
    const next = path[depth + 1];
    let shown = children.slice(0, BRANCH_WIDTH);
    if (next !== undefined && !shown.includes(next)) shown = [...shown.slice(0, BRANCH_WIDTH - 1), next].sort(byTitle);
    node.children = shown.map((c) => (c === next ? level(depth + 1) : { slug: c, title: titleOf(c) }));
    if (children.length > shown.length) node.more = children.length - shown.length;
    return node;
  };
  return level(0);
}

export function sidebarOf(graph: ConceptGraph, slug: string, domainKey: string | null, titleOf: (slug: string) => string): Sidebar {
  const domain = domainKey ? graph.domains.find((d) => d.key === domainKey) : undefined;
  return { domain: domain ? { key: domain.key, name: domain.name, count: domain.count } : null, branch: branchOf(graph, slug, titleOf) };
}
