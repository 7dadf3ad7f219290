// How the search index is cut up, decided from the records alone (pure; src/lib/build/search-index.ts
// writes what this plans). Two things keep large glossaries within budget:
//   - Groups: above GROUP_ABOVE concepts, concepts go into the index in groups (about GROUP_SIZE
//     concepts of one domain and status per record, each concept a section of it). Pagefind's meta
//     file, which every first query loads, holds an entry per record, and a word's posting list one
//     entry per record containing it: both shrink by the group size (measured: 100k concepts one per
//     record, 500 KB of meta; in groups, about 60 KB).
//   - Shards: records are spread over independent Pagefind indexes by a hash of their key; a rebuild
//     re-indexes only shards whose records changed, and keeps the others as they are.
// Group and shard counts are powers of two of the corpus size, so an edit moves no concept to another
// group or shard until the glossary doubles or halves.
import { createHash } from 'node:crypto';
import type { SearchRecord } from './search-records.ts';

export const GROUP_ABOVE = 20_000;
export const GROUP_SIZE = 16;
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
  /** The shards of concept records (at least one). */
  shards: ShardPlan[];
  /** The guides' shard, `g/` (null when there are no guides). */
  guides: ShardPlan | null;
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
    // Concepts of one domain and status, spread over buckets by a hash of their URL: about
    // `groupSize` per bucket, a power of two of them per domain and status.
    const parts = new Map<string, SearchRecord[]>();
    for (const r of input.records) {
      const key = JSON.stringify([r.domain, r.status]);
      const list = parts.get(key);
      if (list) list.push(r);
      else parts.set(key, [r]);
    }
    for (const [part, members] of parts) {
      const buckets = powerOfTwo(members.length / limits.groupSize);
      const groups = new Map<number, SearchRecord[]>();
      for (const r of members) {
        const b = hash32(r.url) % buckets;
        const list = groups.get(b);
        if (list) list.push(r);
        else groups.set(b, [r]);
      }
      for (const [b, records] of groups) units.push({ kind: 'group', key: `${part}#${b}`, records: records.sort((x, y) => (x.url < y.url ? -1 : 1)) });
    }
  } else for (const r of input.records) units.push({ kind: 'record', key: r.url, record: r });
  const shardCount = powerOfTwo(units.length / limits.perShard);
  const shards: ShardPlan[] = Array.from({ length: shardCount }, (_, k) => ({ folder: `s${k}/`, units: [] }));
  for (const u of units) shards[hash32(u.key) % shardCount].units.push(u);
  // Guides have a shard of their own: their HTML exists only once Astro has built it, while the
  // concepts' shards can be indexed beforehand.
  const guideUnits: SearchUnit[] = [
    ...input.htmlPages.map((p): SearchUnit => ({ kind: 'html', key: p.url, url: p.url, file: p.file })),
    ...(input.plainPages ?? []).map((p): SearchUnit => ({ kind: 'plain', key: p.url, url: p.url, title: p.title, text: p.text })),
  ];
  const byKey = (a: SearchUnit, b: SearchUnit) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  for (const s of shards) s.units.sort(byKey);
  return { grouped, shards, guides: guideUnits.length > 0 ? { folder: 'g/', units: guideUnits.sort(byKey) } : null };
}
