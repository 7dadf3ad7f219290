// The slice of Pagefind's browser API (pagefind.js, loaded at runtime) that the header search uses.
// Pagefind ships no types for its browser bundle, so these describe what version 1.6 returns.

/** A section of a result (a heading with an id and the text after it) that matched. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations?: { weight: number; balanced_score: number; location: number }[];
}

export interface PagefindResultData {
  url: string;
  /** Plain text of the page; Pagefind escapes it only when it builds the excerpt. */
  content?: string;
  /** HTML: text escaped by Pagefind, search hits wrapped in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  sub_results?: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount?: number;
}

/** filter name → value → number of pages. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

export type PagefindFilterSelection = Record<string, string[]>;

export interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  preload: (term: string, options?: { filters?: PagefindFilterSelection }) => Promise<void>;
  search: (term: string | null, options?: { filters?: PagefindFilterSelection }) => Promise<PagefindSearchResponse | null>;
  filters: () => Promise<PagefindFilterCounts>;
  /** Adds another index (a shard) to search together with this one. */
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
}
