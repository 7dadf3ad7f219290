// Read access to the content collections for pages and endpoints, computed once per build.
import { getCollection, getEntry } from 'astro:content';
import type { SiteSummary } from '../site/summary.ts';
import type { ConceptEntryData } from '../site/types.ts';

let concepts: Promise<ConceptEntryData[]> | null = null;

export function allConcepts(): Promise<ConceptEntryData[]> {
  concepts ??= getCollection('concepts').then((entries) => entries.map((e) => e.data as ConceptEntryData));
  return concepts;
}

export async function siteSummary(): Promise<SiteSummary> {
  const entry = await getEntry('site', 'summary');
  if (!entry) throw new Error('the site summary is missing: the glossary loader did not run');
  return entry.data as SiteSummary;
}
