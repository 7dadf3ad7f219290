// What a search is in a URL: the filters both search interfaces offer and the results page's address
// for a query and its filters (/search/?q=…&domain=…&status=…&branch=…). Tiny on purpose: the header
// box loads it with every page, the engine only when the reader starts searching.
import type { PagefindFilterSelection } from './types.ts';

export const FILTERS = ['domain', 'status', 'branch'] as const;
export type FilterName = (typeof FILTERS)[number];

/** The results page's URL for a query and its filters. */
export function resultsUrl(base: string, term: string, filters: PagefindFilterSelection): string {
  const params = new URLSearchParams();
  if (term) params.set('q', term);
  for (const name of FILTERS) {
    const value = filters[name]?.[0];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return `${base}search/${query ? `?${query}` : ''}`;
}
