// Read access to the content collections for pages and endpoints, computed once per build.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { isPublishedGuide } from '../../components/helpers/guides.ts';
import type { SiteSummary } from '../site/summary.ts';
import type { ConceptEntryData } from '../site/types.ts';

let concepts: Promise<ConceptEntryData[]> | null = null;

export function allConcepts(): Promise<ConceptEntryData[]> {
  concepts ??= getCollection('concepts').then((entries) => entries.map((e) => e.data as ConceptEntryData));
  return concepts;
}

let guides: Promise<CollectionEntry<'guides'>[]> | null = null;

/**
 * The published MDX guides, read once per build. When the pipeline found none (the site summary lists
 * the guides it saw), the collection is not queried at all: Astro warns on every query of an empty one.
 */
export function publishedGuides(): Promise<CollectionEntry<'guides'>[]> {
  guides ??= siteSummary().then(async (summary) => (summary.guides.length === 0 ? [] : (await getCollection('guides')).filter((g) => isPublishedGuide(g.data))));
  return guides;
}

export async function siteSummary(): Promise<SiteSummary> {
  const entry = await getEntry('site', 'summary');
  if (!entry) throw new Error('the site summary is missing: the glossary loader did not run');
  return entry.data as SiteSummary;
}

/**
 * A page's `cacheKey` for Astro's incremental build (experimental.incrementalBuild): a page whose
 * key and template are unchanged since the last build is copied from that build instead of being
 * rendered. The key covers the entry (its digest: data, body and link environment) and everything
 * else the page reads from the site summary (`uses`), plus what every page's shell reads.
 */
export function pageCacheKey(entry: { digest?: string }, summary: SiteSummary | undefined, uses: unknown = null): string | undefined {
  if (entry.digest === undefined) return undefined;
  const shell = [summary?.title, summary?.description, (summary?.guides.length ?? 0) > 0];
  return `${entry.digest}:${JSON.stringify([shell, uses])}`;
}
