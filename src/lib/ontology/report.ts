// The machine-readable check report of GUIDE §4 (`npm run check -- --json`).
import type { Diagnostic } from '../diagnostics.ts';
import type { GraphBuild } from './graph.ts';

export interface CheckReport {
  concepts: { file: string; termId: string | null; title: string; slug: string; parents: string[] }[];
  withheld: number;
  diagnostics: Diagnostic[];
}

export function checkReport(build: GraphBuild): CheckReport {
  const bySlug = new Map(build.graph.nodes.map((n) => [n.slug, n]));
  const concepts = build.graph.nodes
    .filter((n) => n.kind === 'concept')
    .map((n) => ({
      file: n.file,
      termId: n.termId,
      title: n.title,
      slug: n.slug,
      parents: (build.graph.parents[n.slug] ?? []).map((p) => bySlug.get(p)?.title ?? p),
    }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { concepts, withheld: build.withheld, diagnostics: build.diagnostics };
}
