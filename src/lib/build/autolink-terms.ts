// The term table of a build, for automatic term links (src/lib/render/rehype-autolink.ts): every
// published concept's preferred and alternative terms, each resolved the way a [[link]] with that
// text would be (so a term links where a wikilink of it would go, and a term that names several
// concepts is marked ambiguous), plus which pages allow automatic links (`autolink:: false` turns
// them off for one page). Also the render-cache side: which terms a page's source could mention.

import { findReferences } from '../logseq/references.ts';
import type { Block } from '../logseq/types.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { GraphBuild } from '../ontology/graph.ts';
import { type AutolinkOptions, type AutolinkPage, autolinkAllowed } from '../render/rehype-autolink.ts';
import { describeEntry, isAcronym, isLinkableTerm, type TermEntry, TermMatcher, wordsOf } from '../render/term-matcher.ts';
import { conceptHref } from '../site/view.ts';

/** The term table as plain data (it travels to render workers). */
export interface AutolinkTable {
  entries: TermEntry[];
  pages: [file: string, page: AutolinkPage][];
}

/** The matcher and page settings of a table. */
export function autolinkOptionsOf(table: AutolinkTable): AutolinkOptions {
  const pages = new Map(table.pages);
  return { matcher: new TermMatcher(table.entries), page: (file) => pages.get(file) ?? null };
}

export function autolinkOptions(build: GraphBuild): AutolinkOptions {
  return autolinkOptionsOf(autolinkTable(build));
}

export function autolinkTable(build: GraphBuild): AutolinkTable {
  const concepts = build.graph.nodes.filter((n) => n.kind === 'concept');
  /** Concepts a definition links with [[…]] (its page shows it above the body). */
  const definitionLinks = (definition: string): string[] =>
    findReferences(definition)
      .links.map((l) => build.resolveLink(l.target))
      .flatMap((t) => (t.state === 'published' && t.kind === 'concept' ? [t.slug] : []));
  const pages: AutolinkTable['pages'] = concepts.map((n) => [
    n.file,
    { slug: n.slug, enabled: autolinkAllowed(n.properties), linked: definitionLinks(n.definition) },
  ]);

  // Terms grouped by their words; each group resolves as a [[link]] of its text would.
  const groups = new Map<string, { terms: Map<string, boolean>; titles: Set<string> }>();
  for (const n of concepts) {
    for (const term of [n.title, ...n.aliases]) {
      if (!isLinkableTerm(term)) continue;
      const key = wordsOf(term)
        .map((w) => w.lower)
        .join(' ');
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { terms: new Map(), titles: new Set() }));
      // One entry per way of writing that matters: acronyms by their letters, other terms once.
      const acronym = isAcronym(term);
      g.terms.set(acronym ? term : '', acronym);
      g.titles.add(n.title);
    }
  }
  const entries: TermEntry[] = [];
  for (const [key, g] of groups) {
    const words = key.split(' ');
    for (const [written, caseSensitive] of g.terms) {
      const asWritten = written || words.join(' ');
      const t = build.resolveLink(asWritten);
      if (t.state === 'published' && t.kind === 'concept') {
        entries.push({ term: asWritten, words, caseSensitive, target: { slug: t.slug, href: conceptHref(t.slug) }, candidates: [] });
      } else if (t.state === 'ambiguous') {
        entries.push({ term: asWritten, words, caseSensitive, target: null, candidates: [...g.titles].sort((a, b) => a.localeCompare(b, 'en')) });
      }
      // A term that names a withheld page or a guide before any concept is never linked.
    }
  }
  return { entries, pages };
}

/** A one-line-per-term description of the whole table (its digest keys the scan cache). */
export function describeTable(matcher: TermMatcher): string {
  return matcher.entries.map(describeEntry).sort().join('\n');
}

/** Character references (`&nbsp;`, `&#160;`) render as one character: read as a separator, they keep the words around them together. */
const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

function sourceText(blocks: readonly Block[], into: string[]): string[] {
  for (const b of blocks) {
    if (b.text !== '') into.push(b.text.includes('&') ? b.text.replace(CHARACTER_REFERENCE, ' ') : b.text);
    sourceText(b.children, into);
  }
  return into;
}

/**
 * What automatic links in a page's body depend on: the page's own slug and setting, and how each
 * term its source mentions resolves (any term whose words occur in the source, in any context: a
 * superset of the terms the body can link). A term appearing in or vanishing from the table changes
 * this only for pages that mention it.
 */
export function pageTerms(record: PageRecord, matcher: TermMatcher): string {
  return matcher.occurringKey(record.termText ?? termTextOf(record.body));
}

/** The text of a page's body in which its terms are looked for (kept on a record whose body is not). */
export function termTextOf(body: readonly Block[]): string {
  return sourceText(body, []).join('\n');
}
