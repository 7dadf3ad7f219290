// How the search index is cut up, decided from the records alone (pure; src/lib/build/search-index.ts
// writes what this plans). Two things keep large glossaries within budget:
//   - Groups: above GROUP_ABOVE concepts, concepts go into the index in groups (about GROUP_SIZE
//     concepts of one domain and status per record, each concept a section of it). Pagefind's meta
//     file, which every first query loads, holds an entry per record, and a word's posting list one
//     entry per record containing it: both shrink by the group size (measured: 100k concepts one per
//     record, 500 KB of meta; in groups of ten, 55 KB).
//   - Shards: records are spread over independent Pagefind indexes by a hash of their key; a rebuild
//     re-indexes only shards whose records changed, and keeps the others as they are.
// Group and shard counts are powers of two of the corpus size, so an edit moves no concept to another
// group or shard until the glossary doubles or halves.
import { createHash } from 'node:crypto';
import type { SearchRecord } from './search-records.ts';

export const GROUP_ABOVE = 20_000;
export const GROUP_SIZE = 10;
/** Index records (single concepts or groups) per shard, at most (on average). */
export const RECORDS_PER_SHARD = 4000;

export type SearchUnit =
  | { kind: 'record'; key: string; record: SearchRecord }
  | { kind: 'group'; key: string; records: SearchRecord[] }
  | { kind: 'html'; key: string; url: string; file: string }
  | { kind: 'plain'; key: string; url: string; title: string; text: string };

export interface ShardPlan {
  /** Folder name inside the index folder, e.g. `s0/`. */
  folder: string;
  units: SearchUnit[];
}

export interface SearchPlanInput {
  records: readonly SearchRecord[];
  /** Built HTML pages to index as they are (guides): their URL and file. */
  htmlPages: readonly { url: string; file: string }[];
  /** Pages without built HTML (guides under `astro dev`): indexed by title and description. */
  plainPages?: readonly { url: string; title: string; text: string }[];
}

export interface SearchPlan {
  grouped: boolean;
  shards: ShardPlan[];
}

/** A stable 32-bit hash of a key. */
function hash32(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0);
}

/** The smallest power of two ≥ n (at least 1). */
const powerOfTwo = (n: number) => 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, n))));

export interface SearchLimits {
  groupAbove: number;
  groupSize: number;
  perShard: number;
}

export const DEFAULT_LIMITS: SearchLimits = { groupAbove: GROUP_ABOVE, groupSize: GROUP_SIZE, perShard: RECORDS_PER_SHARD };

/** The limits for a site's `searchGroups` setting. */
export function searchLimits(groups: 'auto' | 'always' | 'never'): SearchLimits {
  return { ...DEFAULT_LIMITS, groupAbove: groups === 'always' ? -1 : groups === 'never' ? Infinity : GROUP_ABOVE };
}

export function planSearchIndex(input: SearchPlanInput, limits: SearchLimits = DEFAULT_LIMITS): SearchPlan {
  const grouped = input.records.length > limits.groupAbove;
  const units: SearchUnit[] = [];
  if (grouped) {
    const buckets = powerOfTwo(input.records.length / limits.groupSize);
    const groups = new Map<string, SearchRecord[]>();
    for (const r of input.records) {
      const key = JSON.stringify([r.domain, r.status, hash32(r.url) % buckets]);
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    for (const [key, records] of groups) units.push({ kind: 'group', key, records: records.sort((a, b) => (a.url < b.url ? -1 : 1)) });
  } else for (const r of input.records) units.push({ kind: 'record', key: r.url, record: r });
  const shardCount = powerOfTwo(units.length / limits.perShard);
  const shards: ShardPlan[] = Array.from({ length: shardCount }, (_, k) => ({ folder: `s${k}/`, units: [] }));
  for (const u of units) shards[hash32(u.key) % shardCount].units.push(u);
  // Guides go into the primary shard.
  for (const p of input.htmlPages) shards[0].units.push({ kind: 'html', key: p.url, url: p.url, file: p.file });
  for (const p of input.plainPages ?? []) shards[0].units.push({ kind: 'plain', key: p.url, url: p.url, title: p.title, text: p.text });
  for (const s of shards) s.units.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { grouped, shards };
}
