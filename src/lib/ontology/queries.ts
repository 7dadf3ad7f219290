// Questions asked of a built ConceptGraph: ancestors, descendants and every path to a root (the
// breadcrumbs of a lattice). All are cycle-safe: a cycle in the source never loops or overflows.
import type { ConceptGraph } from './graph.ts';

function closure(start: string, next: Record<string, string[]>): string[] {
  const seen = new Set<string>([start]);
  const out: string[] = [];
  const stack = [...(next[start] ?? [])];
  while (stack.length > 0) {
    const s = stack.pop() as string;
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
    for (const n of next[s] ?? []) if (!seen.has(n)) stack.push(n);
  }
  return out.sort();
}

export const ancestors = (graph: ConceptGraph, slug: string): string[] => closure(slug, graph.parents);
export const descendants = (graph: ConceptGraph, slug: string): string[] => closure(slug, graph.children);

/**
 * Every path from a root down to `slug` (root first, `slug` last), at most `limit` of them, shortest
 * first. A parent already on the path is skipped, so cycles are cut rather than followed.
 */
export function rootPaths(graph: ConceptGraph, slug: string, limit = 8): string[][] {
  const paths: string[][] = [];
  const walk = (node: string, path: string[]) => {
    if (paths.length >= limit * 4) return;
    const parents = (graph.parents[node] ?? []).filter((p) => !path.includes(p));
    if (parents.length === 0) {
      paths.push([...path].reverse());
      return;
    }
    for (const p of parents) {
      path.push(p);
      walk(p, path);
      path.pop();
    }
  };
  walk(slug, [slug]);
  return paths.sort((a, b) => a.length - b.length || a.join('/').localeCompare(b.join('/'))).slice(0, limit);
}
