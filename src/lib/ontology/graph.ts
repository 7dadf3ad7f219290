// The concept graph: every page record → the published ConceptGraph (plain, serialisable data built
// once) plus the diagnostics only the whole graph can see: duplicate term ids and slugs, missing and
// withheld parents, subclass cycles, broken, ambiguous and private links. Withheld pages are used to
// resolve links (so a link to one is recognised as such) but appear nowhere in the published graph.
// Tags are one tag whatever their case (`#Bitcoin` is `#BITCOIN`), each with a unique URL slug.
import { compareDiagnostics, type Diagnostic, diagnostic } from '../diagnostics.ts';
import { type DomainInfo, domainName } from './domains.ts';
import type { PageRecord } from './extract.ts';
import { describeResolution, type LinkTarget, type LinkWorld, linkableConcept, linkResolver, tagKey, tagResolver } from './link-world.ts';
import type { Resolution } from './resolve.ts';
import type { Concept } from './schema.ts';
import { assignUniqueSlugs, safeSlug } from './slug.ts';
import { didYouMean, type SuggestionSource, TitleSuggester } from './suggest.ts';

export interface GraphNode {
  slug: string;
  kind: Concept['kind'];
  file: string;
  termId: string | null;
  title: string;
  aliases: string[];
  definition: string;
  gloss: string | null;
  domain: string | null;
  status: string | null;
  maturity: string | null;
  version: string | null;
  lastUpdated: string | null;
  owlClass: string | null;
  belongsToDomain: string[];
  /** Tags in their tag page's spelling (see ConceptGraph.tags). */
  tags: string[];
  demos: Concept['demos'];
  properties: { key: string; value: string }[];
}

export interface RelationGroup {
  key: string;
  /** Published target slugs. */
  targets: string[];
  /** Targets written on the page that resolve to no page (shown as plain text). */
  unresolved: string[];
}

export interface Backlink {
  from: string;
  /** Raw Markdown of the linking sentence (tells mentions apart; what is shown comes from the rendered page). */
  sentence: string;
}

export interface ConceptGraph {
  /** Published concepts and guides, ordered by slug. */
  nodes: GraphNode[];
  parents: Record<string, string[]>;
  children: Record<string, string[]>;
  relations: Record<string, RelationGroup[]>;
  /** Incoming typed relations: `{ key, from }` means `from --key--> this`. */
  incoming: Record<string, { key: string; from: string }[]>;
  backlinks: Record<string, Backlink[]>;
  /** Published concepts with no published parent. */
  roots: string[];
  domains: { key: string; name: string; count: number }[];
  /** Tag (spelt as first written) → the published concepts carrying it, in any case. */
  tags: Record<string, string[]>;
  /** Tag → its tag page's URL slug (unique, never empty). */
  tagSlugs: Record<string, string>;
}

export type { LinkTarget } from './link-world.ts';

export interface GraphBuild {
  graph: ConceptGraph;
  /** Records of every page read, in file order. */
  records: PageRecord[];
  /** Resolves link text the way the graph did (for the renderer). */
  resolveLink: (text: string) => LinkTarget;
  /** What links resolve against, as plain data (render workers rebuild resolveLink and tagOf from it). */
  links: LinkWorld;
  /** The tag page a `#tag` as written belongs to (any case), or null when no published page has it. */
  tagOf: (tag: string) => { tag: string; slug: string } | null;
  withheld: number;
  diagnostics: Diagnostic[];
}

/** Strongly connected components of size > 1 (or self loops): the subclass cycles. Iterative Tarjan. */
export function findCycles(edges: readonly number[][]): number[][] {
  const n = edges.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    const work: { v: number; edge: number }[] = [{ v: start, edge: 0 }];
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const { v } = frame;
      if (frame.edge < edges[v].length) {
        const w = edges[v][frame.edge++];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push({ v: w, edge: 0 });
        } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) low[work[work.length - 1].v] = Math.min(low[work[work.length - 1].v], low[v]);
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || edges[v].includes(v)) cycles.push(component.sort((a, b) => a - b));
      }
    }
  }
  return cycles;
}

export function buildGraph(records: PageRecord[], domains: readonly DomainInfo[]): GraphBuild {
  const diagnostics: Diagnostic[] = [];
  for (const r of records) diagnostics.push(...r.page.diagnostics, ...r.diagnostics);

  const withConcept = records.filter((r) => r.concept !== null);
  const concepts = withConcept.map((r) => r.concept as Concept);
  const published = concepts.map((c) => c.public);

  // Slugs: unique among published pages of one kind, first file (by path) keeps the plain slug.
  for (const kind of ['concept', 'guide'] as const) {
    const ids = concepts.map((_, i) => i).filter((i) => published[i] && concepts[i].kind === kind);
    const { slugs, moved } = assignUniqueSlugs(ids.map((i) => concepts[i].slug));
    ids.forEach((i, k) => (concepts[i].slug = slugs[k]));
    for (const k of moved) {
      const c = concepts[ids[k]];
      const base = c.slug.replace(/-\d+$/, '');
      const owner = ids.map((i) => concepts[i]).find((o) => o.slug === base && o !== c);
      diagnostics.push(
        diagnostic(
          'duplicate-slug',
          c.file,
          c.titleLine,
          `"${c.title}" wants the URL of ${owner ? owner.file : 'another page'}; it is published at /${kind}s/${c.slug}/ instead`,
          c.title,
        ),
      );
    }
  }

  // Duplicate term ids.
  const byTermId = new Map<string, number[]>();
  concepts.forEach((c, i) => {
    if (c.termId === null || c.kind !== 'concept') return;
    const list = byTermId.get(c.termId) ?? [];
    list.push(i);
    byTermId.set(c.termId, list);
  });
  for (const [termId, list] of byTermId) {
    if (list.length < 2) continue;
    for (const i of list) {
      const others = list.filter((j) => j !== i).map((j) => concepts[j].file);
      diagnostics.push(
        diagnostic('duplicate-term-id', concepts[i].file, concepts[i].termIdLine, `term id ${termId} is also used by ${others.join(', ')}`, termId),
      );
    }
  }

  // "Did you mean …?" for targets that resolve to no page: the closest published titles and names.
  // A page is never suggested to itself; a target written many times is looked up once.
  let suggester: TitleSuggester | null = null;
  const sourceOf = new Map<Concept, number>();
  const suggested = new Map<string, ReturnType<TitleSuggester['suggest']>>();
  const unresolved = (code: 'missing-parent' | 'broken-link', c: Concept, line: number, message: string, target: string): Diagnostic => {
    if (!suggester) {
      const sources: SuggestionSource[] = [];
      for (const p of concepts) {
        if (!p.public) continue;
        sourceOf.set(p, sources.length);
        sources.push({ title: p.title, names: [p.name, ...p.aliases], kind: p.kind });
      }
      suggester = new TitleSuggester(sources);
    }
    const memo = `${code}\u0000${sourceOf.get(c) ?? -1}\u0000${target}`;
    let suggestions = suggested.get(memo);
    if (!suggestions) {
      suggestions = suggester.suggest(target, { kinds: code === 'missing-parent' ? ['concept'] : undefined, exclude: sourceOf.get(c) });
      suggested.set(memo, suggestions);
    }
    const d = diagnostic(code, c.file, line, `${message}${didYouMean(suggestions)}`, target);
    if (suggestions.length > 0) d.suggestions = suggestions.map((s) => s.name);
    return d;
  };

  // Links resolve against every concept's names, slugs now final (link-world.ts).
  const links: LinkWorld = { concepts: concepts.map(linkableConcept), tags: [] };
  const { index, resolveLink } = linkResolver(links.concepts);
  const describe = (r: Resolution): LinkTarget => describeResolution(links.concepts, r);
  /** A reference from the JSON-LD names its target by `@id` first, then by label. */
  const resolveRef = (target: string, id: string | undefined): Resolution => {
    if (id !== undefined) {
      const byId = index.resolve(id);
      if (byId.state === 'found') return byId;
    }
    return index.resolve(target);
  };

  // Parents (and the subclass edges used for cycle detection).
  const edges: number[][] = concepts.map(() => []);
  const parents: Record<string, string[]> = {};
  concepts.forEach((c, i) => {
    const mine: string[] = [];
    for (const ref of c.parentRefs) {
      const r = resolveRef(ref.target, ref.id);
      if (r.state === 'missing') {
        diagnostics.push(unresolved('missing-parent', c, ref.line, `parent "${ref.target}" (is-subclass-of) resolves to no page`, ref.target));
        continue;
      }
      if (r.state === 'ambiguous') {
        const files = r.indices.map((j) => concepts[j].file).join(', ');
        diagnostics.push(
          diagnostic('ambiguous-link', c.file, ref.line, `parent "${ref.target}" matches several pages (${files}); name one by its term id`, ref.target),
        );
        continue;
      }
      if (!edges[i].includes(r.index)) edges[i].push(r.index);
      const p = concepts[r.index];
      if (c.public && !p.public) {
        diagnostics.push(
          diagnostic(
            'parent-is-private',
            c.file,
            ref.line,
            `parent "${ref.target}" (is-subclass-of) is a withheld page; the published taxonomy leaves it out`,
            ref.target,
          ),
        );
      }
      if (c.public && p.public && p.kind === 'concept' && !mine.includes(p.slug)) mine.push(p.slug);
    }
    if (c.public) parents[c.slug] = mine;
  });
  for (const cycle of findCycles(edges)) {
    const titles = cycle.map((i) => `"${concepts[i].title}"`).join(' → ');
    for (const i of cycle) {
      const c = concepts[i];
      const line =
        c.parentRefs.find((p) => {
          const r = resolveRef(p.target, p.id);
          return r.state === 'found' && cycle.includes(r.index);
        })?.line ?? c.titleLine;
      diagnostics.push(diagnostic('subclass-cycle', c.file, line, `is-subclass-of links form a cycle: ${titles}`));
    }
  }

  // Typed relations and body links.
  const relations: Record<string, RelationGroup[]> = {};
  const incoming: Record<string, { key: string; from: string }[]> = {};
  const backlinks: Record<string, Backlink[]> = {};
  const reportLink = (c: Concept, target: string, line: number, what: string, id?: string): LinkTarget => {
    const t = describe(resolveRef(target, id));
    if (t.state === 'missing') diagnostics.push(unresolved('broken-link', c, line, `${what} "${target}" resolves to no page`, target));
    else if (t.state === 'ambiguous')
      diagnostics.push(diagnostic('ambiguous-link', c.file, line, `${what} "${target}" matches ${t.count} pages; it is not linked`, target));
    else if (t.state === 'private' && c.public)
      diagnostics.push(diagnostic('link-to-private', c.file, line, `${what} "${target}" names a withheld page; it is shown as plain text`, target));
    return t;
  };
  for (const c of concepts) {
    const groups = new Map<string, RelationGroup>();
    for (const ref of c.relationRefs) {
      const t = reportLink(c, ref.target, ref.line, `relation ${ref.key}`, ref.id);
      if (!c.public) continue;
      const g = groups.get(ref.key) ?? { key: ref.key, targets: [], unresolved: [] };
      groups.set(ref.key, g);
      if (t.state === 'published') {
        if (!g.targets.includes(t.slug)) {
          g.targets.push(t.slug);
          (incoming[t.slug] ??= []).push({ key: ref.key, from: c.slug });
        }
      } else if (t.state !== 'private') g.unresolved.push(ref.target);
    }
    if (c.public) relations[c.slug] = [...groups.values()];
    const seenFromHere = new Set<string>();
    for (const link of c.linkRefs) {
      const t = reportLink(c, link.target, link.line, 'link');
      if (!c.public || t.state !== 'published' || t.slug === c.slug) continue;
      const key = `${t.slug}\u0000${link.sentence}`;
      if (seenFromHere.has(key)) continue;
      seenFromHere.add(key);
      (backlinks[t.slug] ??= []).push({ from: c.slug, sentence: link.sentence });
    }
  }

  // Tags: one spelling per tag whatever its case, the first written (pages in file order).
  const tagSpellings = new Map<string, string>();
  for (const c of concepts) if (c.public) for (const t of c.tags) if (!tagSpellings.has(tagKey(t))) tagSpellings.set(tagKey(t), t);
  const tagSpelling = (t: string) => tagSpellings.get(tagKey(t)) ?? t;

  // Published nodes and derived views.
  const nodes: GraphNode[] = concepts
    .filter((c) => c.public)
    .map((c) => ({
      slug: c.slug,
      kind: c.kind,
      file: c.file,
      termId: c.termId,
      title: c.title,
      aliases: c.aliases,
      definition: c.definition,
      gloss: c.gloss,
      domain: c.domain,
      status: c.status,
      maturity: c.maturity,
      version: c.version,
      lastUpdated: c.lastUpdated,
      owlClass: c.owlClass,
      belongsToDomain: c.belongsToDomain,
      tags: [...new Set(c.tags.map(tagSpelling))],
      demos: c.demos,
      properties: c.properties.map(({ key, value }) => ({ key, value })),
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const children: Record<string, string[]> = {};
  for (const n of nodes) children[n.slug] = [];
  for (const n of nodes) for (const p of parents[n.slug] ?? []) children[p]?.push(n.slug);
  for (const list of Object.values(children)) list.sort();
  const roots = nodes.filter((n) => n.kind === 'concept' && (parents[n.slug] ?? []).length === 0).map((n) => n.slug);
  const domainCounts = new Map<string, number>();
  const tags: Record<string, string[]> = {};
  for (const n of nodes) {
    if (n.kind !== 'concept') continue;
    if (n.domain) domainCounts.set(n.domain, (domainCounts.get(n.domain) ?? 0) + 1);
    for (const t of new Set(n.tags)) (tags[t] ??= []).push(n.slug);
  }
  // Tag pages: one per tag (any case), each with a unique slug; the first spelling (by file) names it.
  const tagNames = Object.keys(tags).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const tagSlugList = assignUniqueSlugs(tagNames.map((t) => safeSlug(t, 'tag'))).slugs;
  const tagSlugs: Record<string, string> = {};
  tagNames.forEach((t, k) => (tagSlugs[t] = tagSlugList[k]));
  for (const [key, name] of tagSpellings) if (name in tagSlugs) links.tags.push([key, name, tagSlugs[name]]);
  const tagOf = tagResolver(links.tags);
  // A domain the configuration does not know is named as its first page wrote it.
  const domainLabels = new Map<string, string>();
  for (const c of concepts) if (c.public && c.domain && c.domainLabel && !domainLabels.has(c.domain)) domainLabels.set(c.domain, c.domainLabel);
  const domainList = [...domainCounts]
    .map(([key, count]) => ({ key, name: domainName(domains, key, domainLabels.get(key)), count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));

  const withheld = records.filter((r) => r.status === 'withheld').length;
  diagnostics.sort(compareDiagnostics);
  return {
    graph: { nodes, parents, children, relations, incoming, backlinks, roots, domains: domainList, tags, tagSlugs },
    records,
    resolveLink,
    links,
    tagOf,
    withheld,
    diagnostics,
  };
}
