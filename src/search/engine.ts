// The search engine both search interfaces use (the header box, search.ts, and the results page,
// results-page.ts), without any DOM: loads Pagefind when first asked (the index's shards, named in its
// manifest, src/search/manifest.ts, merged into one search), runs a query with filters and hands out
// its results a page at a time (on a large glossary, whose concepts are indexed in groups, each group
// is opened into the concepts that matched in it, see expandGroup) (exact term-id, title and alias matches first, rank.ts),
// picks each result's excerpt (the definition when the query names the concept, else Pagefind's
// passage) and loads the did-you-mean term files (suggest.ts). The header box loads this module only
// when the reader starts searching.
import { type ExcerptRun, markWords, parseExcerpt, safeHref } from './excerpt.ts';
import { type GroupedConcept, SEARCH_MANIFEST, type SearchManifest } from './manifest.ts';
import { namesConcept, rerank, wordsIn } from './rank.ts';
import { type PreparedTerm, prepareTerms, type Suggestion, suggest, TERMS_FOLDER, type TermFile, type TermIndex, termFileOf, termKey } from './suggest.ts';
import type { PagefindApi, PagefindFilterCounts, PagefindFilterSelection, PagefindResult, PagefindResultData, PagefindSubResult } from './types.ts';

export interface ResultRow {
  data: PagefindResultData;
  href: string;
  /** The query names this concept (its title, an alias or its term id). */
  named: boolean;
  excerpt: ExcerptRun[];
}

/** One query's results, fetched a page at a time. */
export interface SearchRun {
  term: string;
  filters: PagefindFilterSelection;
  /** Results found in all (an estimate when `approximate`: concepts indexed in groups are counted as groups are opened). */
  total: number;
  approximate: boolean;
  /** The results fetched so far, in order. */
  rows: ResultRow[];
  /** Whether results remain to be fetched. */
  readonly more: boolean;
  /** Fetches the next `count` results (appended to `rows`); returns them. */
  next(count: number): Promise<ResultRow[]>;
}

/** The excerpt of a result: the definition (words of the query marked) when the query names the concept, else Pagefind's passage. */
export function excerptOf(term: string, data: PagefindResultData, named: boolean): ExcerptRun[] {
  const summary = data.meta.summary?.trim();
  if (named && summary) return markWords(summary, wordsIn(term));
  return parseExcerpt(data.excerpt ?? '');
}

function toRow(term: string, data: PagefindResultData): ResultRow | null {
  const href = safeHref(data.url);
  if (!href) return null;
  const named = namesConcept(term, { title: data.meta.title, termId: data.meta.termId, aliases: data.meta.aliases });
  return { data, href, named, excerpt: excerptOf(term, data, named) };
}

const score = (sub: PagefindSubResult) => (sub.weighted_locations ?? []).reduce((n, l) => n + l.balanced_score, 0);

/**
 * The concepts a grouped record matched, as results of their own (best first within the group): a
 * concept is a section of the group (`<h2 id="slug">`), and the group's `kb` meta tells each one's
 * facts. Concepts outside a chosen branch are left out (a group is filtered as a whole, by any of
 * its concepts' branches). A result that is not a group is returned as it is.
 */
export function expandGroup(data: PagefindResultData, branch: string | null): PagefindResultData[] {
  const kb = data.meta.kb;
  if (!kb) return [data];
  let facts: Record<string, GroupedConcept>;
  try {
    facts = JSON.parse(kb) as Record<string, GroupedConcept>;
  } catch {
    return [];
  }
  const out: { data: PagefindResultData; score: number }[] = [];
  for (const sub of data.sub_results ?? []) {
    const slug = decodeURIComponent(sub.url.slice(sub.url.indexOf('#') + 1));
    const f = Object.hasOwn(facts, slug) ? facts[slug] : undefined;
    if (!f || (branch !== null && !f.branches.includes(branch))) continue;
    const meta: Record<string, string | undefined> = {
      title: f.title,
      summary: f.summary,
      termId: f.termId ?? undefined,
      domain: f.domain ?? undefined,
      status: f.status ?? undefined,
    };
    if (f.aliases.length > 0) meta.aliases = f.aliases.join(' | ');
    out.push({ data: { url: `/concepts/${slug}/`, excerpt: sub.excerpt, meta }, score: score(sub) });
  }
  return out.sort((a, b) => b.score - a.score).map((o) => o.data);
}

export class SearchEngine {
  private api: Promise<{ api: PagefindApi; grouped: boolean }> | null = null;
  private termIndex: Promise<TermIndex | null> | null = null;
  private readonly termFiles = new Map<string, Promise<PreparedTerm[]>>();
  private readonly termsBase: string;

  /** @param indexBase the search index folder (`/pagefind/`). */
  constructor(private readonly indexBase: string) {
    this.termsBase = `${indexBase}${TERMS_FOLDER}/`;
  }

  /** Loads Pagefind with every shard of the index (once; a failed load is tried again next time). */
  load(): Promise<{ api: PagefindApi; grouped: boolean }> {
    this.api ??= (async () => {
      const response = await fetch(`${this.indexBase}${SEARCH_MANIFEST}`);
      if (!response.ok) throw new Error(`no search index (${response.status})`);
      const manifest = (await response.json()) as SearchManifest;
      const [primary, ...others] = manifest.shards;
      const mod: unknown = await import(/* @vite-ignore */ `${this.indexBase}${primary}pagefind.js`);
      const api = mod as PagefindApi;
      const options = { excerptLength: 18, noWorker: true };
      await api.options(options);
      await api.init();
      for (const shard of others) await api.mergeIndex(`${this.indexBase}${shard}`, { excerptLength: 18 });
      return { api, grouped: manifest.grouped };
    })();
    this.api.catch(() => {
      this.api = null;
    });
    return this.api;
  }

  async preload(term: string, filters: PagefindFilterSelection): Promise<void> {
    await (await this.load()).api.preload(term, { filters });
  }

  async filters(): Promise<PagefindFilterCounts> {
    return (await this.load()).api.filters();
  }

  /** Runs a query and fetches its first `first` results (null when Pagefind has nothing to say, e.g. an empty query). */
  async search(term: string, filters: PagefindFilterSelection, first: number): Promise<SearchRun | null> {
    const { api, grouped } = await this.load();
    const response = await api.search(term, { filters });
    if (!response) return null;
    const results: PagefindResult[] = response.results;
    const branch = filters.branch?.[0] ?? null;
    let fetched = 0;
    /** Concepts of groups opened but not handed out yet. */
    const queue: PagefindResultData[] = [];
    let opened = 0;
    let found = 0;
    const estimate = () => (opened === 0 ? results.length : Math.round(found + ((results.length - fetched) * found) / opened));
    const run: SearchRun = {
      term,
      filters,
      total: results.length,
      approximate: grouped,
      rows: [],
      get more() {
        return queue.length > 0 || fetched < results.length;
      },
      async next(count) {
        let data: PagefindResultData[];
        if (!grouped) {
          const slice = results.slice(fetched, fetched + count);
          fetched += slice.length;
          data = await Promise.all(slice.map((r) => r.data()));
        } else {
          while (queue.length < count && fetched < results.length) {
            const slice = results.slice(fetched, fetched + 4);
            fetched += slice.length;
            for (const d of await Promise.all(slice.map((r) => r.data()))) {
              const concepts = expandGroup(d, branch);
              opened++;
              found += concepts.length;
              queue.push(...concepts);
            }
          }
          data = queue.splice(0, count);
          run.total = Math.max(estimate(), run.rows.length + data.length + queue.length);
          run.approximate = fetched < results.length;
        }
        // Exact term-id, title and alias matches first, among the first page (later pages keep Pagefind's order).
        if (run.rows.length === 0) data = rerank(term, data, (d) => ({ title: d.meta.title, termId: d.meta.termId, aliases: d.meta.aliases }));
        const rows = data.map((d) => toRow(term, d)).filter((r): r is ResultRow => r !== null);
        run.rows.push(...rows);
        return rows;
      },
    };
    await run.next(first);
    return run;
  }

  private loadTermIndex(): Promise<TermIndex | null> {
    this.termIndex ??= fetch(`${this.termsBase}index.json`)
      .then((r) => (r.ok ? (r.json() as Promise<TermIndex>) : null))
      .catch(() => null);
    return this.termIndex;
  }

  private loadTermFile(name: string): Promise<PreparedTerm[]> {
    let file = this.termFiles.get(name);
    if (!file) {
      file = fetch(`${this.termsBase}${name}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<TermFile>) : { v: 2 as const, terms: [] }))
        .then((f) => prepareTerms(f.terms))
        .catch(() => []);
      this.termFiles.set(name, file);
    }
    return file;
  }

  /** Terms the query may have meant (loads the one term file it can match). */
  async suggestions(term: string, limit = 3): Promise<Suggestion[]> {
    const key = termKey(term);
    if (key.length < 3) return [];
    const index = await this.loadTermIndex();
    if (!index) return [];
    const name = termFileOf(key, index.files);
    if (!name) return [];
    return suggest(term, await this.loadTermFile(name), limit);
  }
}
