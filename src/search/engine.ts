// The search engine both search interfaces use (the header box, search.ts, and the results page,
// results-page.ts), without any DOM: loads Pagefind when first asked, runs a query with filters and
// hands out its results a page at a time (exact term-id, title and alias matches first, rank.ts),
// picks each result's excerpt (the definition when the query names the concept, else Pagefind's
// passage) and loads the did-you-mean term files (suggest.ts). The header box loads this module only
// when the reader starts searching.
import { markWords, parseExcerpt, safeHref, type ExcerptRun } from './excerpt.ts';
import { namesConcept, rerank, wordsIn } from './rank.ts';
import { prepareTerms, suggest, termFileOf, termKey, TERMS_FOLDER, type PreparedTerm, type Suggestion, type TermFile, type TermIndex } from './suggest.ts';
import type { PagefindApi, PagefindFilterCounts, PagefindFilterSelection, PagefindResult, PagefindResultData } from './types.ts';

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
  /** Results Pagefind found in all. */
  total: number;
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

export class SearchEngine {
  private api: Promise<PagefindApi> | null = null;
  private termIndex: Promise<TermIndex | null> | null = null;
  private readonly termFiles = new Map<string, Promise<PreparedTerm[]>>();
  private readonly termsBase: string;

  constructor(private readonly pagefindUrl: string) {
    this.termsBase = `${pagefindUrl.replace(/[^/]*$/, '')}${TERMS_FOLDER}/`;
  }

  /** Loads Pagefind (once; a failed load is tried again next time). */
  load(): Promise<PagefindApi> {
    this.api ??= (async () => {
      const mod: unknown = await import(/* @vite-ignore */ this.pagefindUrl);
      const api = mod as PagefindApi;
      await api.options({ excerptLength: 18, noWorker: true });
      await api.init();
      return api;
    })();
    this.api.catch(() => {
      this.api = null;
    });
    return this.api;
  }

  async preload(term: string, filters: PagefindFilterSelection): Promise<void> {
    await (await this.load()).preload(term, { filters });
  }

  async filters(): Promise<PagefindFilterCounts> {
    return (await this.load()).filters();
  }

  /** Runs a query and fetches its first `first` results (null when Pagefind has nothing to say, e.g. an empty query). */
  async search(term: string, filters: PagefindFilterSelection, first: number): Promise<SearchRun | null> {
    const api = await this.load();
    const response = await api.search(term, { filters });
    if (!response) return null;
    const results: PagefindResult[] = response.results;
    let fetched = 0;
    const run: SearchRun = {
      term,
      filters,
      total: results.length,
      rows: [],
      get more() {
        return fetched < results.length;
      },
      async next(count) {
        const slice = results.slice(fetched, fetched + count);
        fetched += slice.length;
        let data = await Promise.all(slice.map((r) => r.data()));
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
