// Reading the content folder for the pipeline, with a cache of what each file yielded. A file whose
// size, modification and change times and inode are as when it was last read is not read again: its
// page record (the concept extracted from it, its diagnostics, its digest) comes from the cache, which
// is stored with V8's serialiser in one file of the build cache. What the cache leaves out is the
// page's parsed body (the biggest part of a record); `bodyOf` reads it again from the file when the
// pipeline needs it, which is only for pages it renders on this thread (render workers read their
// own) or, for a cached record, must scan for terms again. A freshly read record keeps the text terms
// are scanned in instead of its parsed body: on a large glossary the parsed bodies of every page would
// not fit in memory together. Reading, parsing and extracting are the same functions as without the
// cache, so a cached record is the record.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readPage } from '../logseq/read.ts';
import type { Block } from '../logseq/types.ts';
import { makeDomainNormaliser } from '../ontology/domains.ts';
import { extractPage, type PageRecord } from '../ontology/extract.ts';
import { listPageFiles, type GraphOptions } from '../ontology/load.ts';
import { termTextOf } from './autolink-terms.ts';
import { fileURLToPath } from 'node:url';

/** This module: its import closure is the reading code a cached record depends on. */
export const READER_MODULE = fileURLToPath(import.meta.url);

/** Bumped when the cached record's shape changes (the cache is then read as empty). */
const FORMAT = 1;

interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface CacheFile {
  format: number;
  /** What extraction depended on besides the file: the publication and domain settings. */
  options: string;
  /** The reader's code fingerprint: a change to the parser or extraction empties the cache. */
  code: string;
  entries: Record<string, { stamp: Stamp; record: PageRecord }>;
}

export interface RecordsResult {
  records: PageRecord[];
  /** Files read and parsed this time (the others came from the cache). */
  parsed: number;
}

const stampOf = (file: string): Stamp => {
  const s = statSync(file);
  return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
};
const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

/** Reads, parses and extracts one page file. */
export function readRecord(contentDir: string, file: string, options: GraphOptions): PageRecord {
  const page = readPage(readFileSync(path.join(contentDir, file)), file);
  return extractPage(page, { publishAll: options.publishAll, normaliseDomain: makeDomainNormaliser(options.domains) });
}

/** A record without its parsed body and blocks (what the cache keeps). */
function withoutBody(r: PageRecord): PageRecord {
  return { ...r, page: { ...r.page, blocks: [] }, body: [], bodyDropped: true, termText: undefined };
}

/** A record's readable body: as parsed, or read again from its file when the cache left it out. */
export function bodyOf(contentDir: string, record: PageRecord, options: GraphOptions): Block[] {
  if (!record.bodyDropped) return record.body;
  const fresh = readRecord(contentDir, record.page.file, options);
  record.body = fresh.body;
  record.page.blocks = fresh.page.blocks;
  record.bodyDropped = false;
  return record.body;
}

function readCache(file: string, options: string, code: string): CacheFile['entries'] {
  if (!existsSync(file)) return {};
  try {
    const cache = deserialize(readFileSync(file)) as CacheFile;
    return cache.format === FORMAT && cache.options === options && cache.code === code ? cache.entries : {};
  } catch {
    return {};
  }
}

/**
 * The cache kept in memory, by a process that reads the same folder again and again (`check
 * --watch`): its first run reads (and writes) the cache file as usual, later runs neither read nor
 * write it. Each run gets its own copy of every record (the graph assigns slugs on the concepts it
 * is given).
 */
export interface RecordMemory {
  key?: string;
  entries?: CacheFile['entries'];
}

/** A record the pipeline may change without changing the one kept in memory. */
const copyOf = (r: PageRecord): PageRecord => ({ ...r, page: { ...r.page }, concept: r.concept ? { ...r.concept } : null });

/**
 * Every page record of `contentDir`, in file order, using and then updating the cache in `cacheFile`
 * (no cache when it is null) or, when given, in `memory`. `code` is the fingerprint of the reading code.
 */
export function readRecords(contentDir: string, options: GraphOptions, cacheFile: string | null, code: string, memory?: RecordMemory): RecordsResult {
  const optionKey = JSON.stringify({ publishAll: options.publishAll, domains: options.domains });
  const memoryKey = `${optionKey}\n${code}`;
  // A run with memory starts from the cache file, then keeps the cache in memory only.
  const fromMemory = memory !== undefined && memory.key === memoryKey;
  const cached = fromMemory ? (memory.entries ?? {}) : cacheFile ? readCache(cacheFile, optionKey, code) : {};
  const entries: CacheFile['entries'] = {};
  let parsed = 0;
  const records = listPageFiles(contentDir).map((file) => {
    const stamp = stampOf(path.join(contentDir, file));
    const hit = Object.hasOwn(cached, file) ? cached[file] : undefined;
    if (hit && sameStamp(hit.stamp, stamp)) {
      entries[file] = hit;
      return memory ? copyOf(hit.record) : hit.record;
    }
    parsed++;
    const record = readRecord(contentDir, file, options);
    const slim = withoutBody(record);
    entries[file] = { stamp, record: slim };
    return { ...(memory ? copyOf(slim) : slim), termText: termTextOf(record.body) };
  });
  if (memory) {
    memory.key = memoryKey;
    memory.entries = entries;
  }
  if (cacheFile && !fromMemory && (parsed > 0 || Object.keys(cached).length !== records.length)) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ format: FORMAT, options: optionKey, code, entries } satisfies CacheFile));
    renameSync(tmp, cacheFile);
  }
  return { records, parsed };
}
