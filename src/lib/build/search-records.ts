// The search record of each published concept: what the search index holds about it. Text comes from
// the rendered trees (definition and body, formulas as readable text, never TeX); the summary is the
// definition's first sentence (the concept's summary, cut from its rendered tree), shown as the excerpt when a reader's query names the concept; the
// `branches` are the taxonomy branches the concept belongs to (the titles of its ancestors, and its
// own title when it has narrower terms), so filtering on one branch finds every narrower term.
import type { ConceptGraph } from '../ontology/graph.ts';
import { ancestors } from '../ontology/queries.ts';
import type { ConceptEntryData } from '../site/types.ts';
import { conceptHref } from '../site/view.ts';

export interface SearchRecord {
  url: string;
  title: string;
  termId: string | null;
  aliases: string[];
  /** Plain text: the definition, then (when bodies are indexed) the body. */
  content: string;
  /** The definition's first sentence, plain text. */
  summary: string;
  domain: string | null;
  status: string | null;
  /** Branch labels (see `branchLabels`) of the taxonomy branches this concept is in, sorted. */
  branches: string[];
}

/**
 * The label of each concept that heads a branch (has narrower terms), by slug: its title, or, where
 * published concepts share a title, the title with the term id (or slug) so branches stay apart.
 */
export function branchLabels(graph: ConceptGraph): Map<string, string> {
  const heads = graph.nodes.filter((n) => n.kind === 'concept' && (graph.children[n.slug]?.length ?? 0) > 0);
  const count = new Map<string, number>();
  for (const n of graph.nodes) if (n.kind === 'concept') count.set(n.title, (count.get(n.title) ?? 0) + 1);
  return new Map(heads.map((n) => [n.slug, (count.get(n.title) ?? 0) > 1 ? `${n.title} (${n.termId ?? n.slug})` : n.title]));
}

export interface RecordText {
  /** The definition as plain text, from its rendered tree. */
  definitionText: string;
  /** The body as plain text, or '' when bodies are not indexed. */
  bodyText: string;
}

export function searchRecord(entry: ConceptEntryData, text: RecordText, graph: ConceptGraph, labels: ReadonlyMap<string, string>): SearchRecord {
  const branches = [entry.slug, ...ancestors(graph, entry.slug)]
    .map((slug) => labels.get(slug))
    .filter((label): label is string => label !== undefined)
    .sort((a, b) => a.localeCompare(b, 'en'));
  return {
    url: conceptHref(entry.slug),
    title: entry.title,
    termId: entry.termId,
    aliases: entry.aliases,
    content: [text.definitionText, text.bodyText].filter((t) => t !== '').join(' '),
    summary: entry.summary,
    domain: entry.domain?.name ?? null,
    status: entry.status,
    branches,
  };
}
