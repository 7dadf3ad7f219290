// Hover previews are served in shards: /previews/<k>.json holds the previews of the concepts whose
// slug hashes to k, so a large glossary ships a few thousand small files rather than one per concept
// (file counts are what static hosts limit), and a reader's first hover loads a few kilobytes. Shared
// by the build (which writes the shards) and the browser (which picks the shard of a slug). No DOM,
// no Node.

/** About this many previews per shard. */
export const PREVIEWS_PER_SHARD = 64;

/** The number of shards for `concepts` concepts: a power of two, so it changes only on doubling. */
export function previewShardCount(concepts: number): number {
  return 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, concepts / PREVIEWS_PER_SHARD))));
}

/** FNV-1a over the slug's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function previewShardOf(slug: string, count: number): number {
  return fnv1a(slug) % count;
}

/** A preview as the browser gets it. */
export interface PreviewEntry {
  title: string;
  termId: string | null;
  summary: string;
  url: string;
}
