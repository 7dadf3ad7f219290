// The search index's layout, shared by the build (which writes it) and the browser (which reads it):
// `/pagefind/kb-search.json` names the index's shards — each a complete Pagefind index in its own
// folder, the first one the primary the others are merged into — and says whether concepts are
// indexed one record each or in groups (large glossaries: see src/lib/build/search-plan.ts). In a
// grouped index each group's record carries, as the `kb` meta value, the facts of its concepts by
// slug, and each concept is a section (`<h2 id="slug">`) that Pagefind reports as a sub-result.
// No DOM, no Node.

/** The manifest's file name inside the index folder. */
export const SEARCH_MANIFEST = 'kb-search.json';

export interface SearchManifest {
  v: 1;
  /** Shard folders, relative to the index folder, each ending in `/`; the first is the primary. */
  shards: string[];
  /** Digest of what each shard indexes (a shard whose digest is unchanged is kept by the next build). */
  digests: string[];
  /** Whether concept records are grouped (sections of a group record) rather than one record each. */
  grouped: boolean;
}

/** What a grouped record tells about one of its concepts (the `kb` meta value, JSON, by slug). */
export interface GroupedConcept {
  title: string;
  termId: string | null;
  aliases: string[];
  domain: string | null;
  status: string | null;
  summary: string;
  branches: string[];
}
