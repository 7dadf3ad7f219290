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
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { readPage } from '../logseq/read.ts';
import type { Block } from '../logseq/types.ts';
import { makeDomainNormaliser } from '../ontology/domains.ts';
import { extractPage, type PageRecord } from '../ontology/extract.ts';
import { type GraphOptions, listPageFiles } from '../ontology/load.ts';
import { termTextOf } from './autolink-terms.ts';

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

/** A freshly read record as the pipeline keeps it: without its parsed body, with its term text. */
export function freshRecord(contentDir: string, file: string, options: GraphOptions): PageRecord {
  const record = readRecord(contentDir, file, options);
  return { ...withoutBody(record), termText: termTextOf(record.body) };
}

interface ReadPlan {
  files: string[];
  stamps: Map<string, Stamp>;
  cached: CacheFile['entries'];
  /** Files not in the cache, or changed since. */
  misses: string[];
  optionKey: string;
  /** The cache came from memory (RecordMemory), not from the cache file. */
  fromMemory: boolean;
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

const memoryKey = (optionKey: string, code: string) => `${optionKey}\n${code}`;

function planRead(contentDir: string, options: GraphOptions, cacheFile: string | null, code: string, memory?: RecordMemory): ReadPlan {
  const optionKey = JSON.stringify({ publishAll: options.publishAll, domains: options.domains });
  const fromMemory = memory !== undefined && memory.key === memoryKey(optionKey, code);
  const cached = fromMemory ? (memory.entries ?? {}) : cacheFile ? readCache(cacheFile, optionKey, code) : {};
  const files = listPageFiles(contentDir);
  const stamps = new Map(files.map((f) => [f, stampOf(path.join(contentDir, f))]));
  const misses = files.filter((f) => !(Object.hasOwn(cached, f) && sameStamp(cached[f].stamp, stamps.get(f) as Stamp)));
  return { files, stamps, cached, misses, optionKey, fromMemory };
}

function finishRead(plan: ReadPlan, fresh: ReadonlyMap<string, PageRecord>, cacheFile: string | null, code: string, memory?: RecordMemory): RecordsResult {
  const entries: CacheFile['entries'] = {};
  const records = plan.files.map((file) => {
    const record = fresh.get(file);
    if (!record) {
      entries[file] = plan.cached[file];
      return memory ? copyOf(plan.cached[file].record) : plan.cached[file].record;
    }
    entries[file] = { stamp: plan.stamps.get(file) as Stamp, record: { ...record, termText: undefined } };
    return memory ? copyOf(record) : record;
  });
  if (memory) {
    memory.key = memoryKey(plan.optionKey, code);
    memory.entries = entries;
  }
  if (cacheFile && !plan.fromMemory && (fresh.size > 0 || Object.keys(plan.cached).length !== records.length)) {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize({ format: FORMAT, options: plan.optionKey, code, entries } satisfies CacheFile));
    renameSync(tmp, cacheFile);
  }
  return { records, parsed: fresh.size };
}

/**
 * Every page record of `contentDir`, in file order, using and then updating the cache in `cacheFile`
 * (no cache when it is null) or, when given, in `memory`. `code` is the fingerprint of the reading code.
 */
export function readRecords(contentDir: string, options: GraphOptions, cacheFile: string | null, code: string, memory?: RecordMemory): RecordsResult {
  const plan = planRead(contentDir, options, cacheFile, code, memory);
  return finishRead(plan, new Map(plan.misses.map((f) => [f, freshRecord(contentDir, f, options)])), cacheFile, code, memory);
}

/** Below this many files to read, reader threads cost more than they save. */
const PARALLEL_READ = 2000;

/** Reads `files` in `workers` threads (src/lib/build/read-worker.ts). */
async function readInWorkers(contentDir: string, options: GraphOptions, files: readonly string[], workers: number): Promise<Map<string, PageRecord>> {
  const out = new Map<string, PageRecord>();
  const shares: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((f, k) => shares[k % workers].push(f));
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: { contentDir, options } });
          worker.on('message', (message: ReadMessage) => {
            if ('records' in message) for (const r of message.records) out.set(r.page.file, r);
            else {
              resolve();
              void worker.terminate();
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (code !== 0) reject(new Error(`page reader thread stopped with exit code ${code}`));
          });
          worker.postMessage(share);
        }),
    ),
  );
  return out;
}

/** What a reader thread posts: records it has read, or that it is done. */
export type ReadMessage = { records: PageRecord[] } | { done: true };

/** `readRecords`, reading many changed files in worker threads (one per core). */
export async function readRecordsParallel(
  contentDir: string,
  options: GraphOptions,
  cacheFile: string | null,
  code: string,
  workers: number,
  minFiles = PARALLEL_READ,
  memory?: RecordMemory,
): Promise<RecordsResult> {
  const plan = planRead(contentDir, options, cacheFile, code, memory);
  const fresh =
    plan.misses.length >= minFiles && workers >= 2
      ? await readInWorkers(contentDir, options, plan.misses, workers)
      : new Map(plan.misses.map((f) => [f, freshRecord(contentDir, f, options)]));
  return finishRead(plan, fresh, cacheFile, code, memory);
}
