// `npm run bench:search-terms`: the size and speed of did-you-mean on large glossaries. For generated
// corpora of 10k and 100k pages (BENCH_SIZES=10000,100000; kept in the system temp folder), reads
// every page one at a time (no graph, so 100k pages fit in memory), takes the preferred and
// alternative terms of the published concepts, writes the term files the build would write
// (src/search/suggest.ts, via search-index.ts) and reports their sizes, raw and gzipped, and the
// time to match a query against the largest file (CPU time of this process, median of 50 near
// misses). Prints one JSON object: {"runs": [{"pages", "terms", "deepest_prefix", "files", "total_kb",
// "total_gz_kb", "largest_kb", "largest_gz_kb", "median_file_gz_kb", "match_ms_median", "match_ms_max"}]}.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSiteConfig } from '../../src/config.ts';
import { termFilesOf } from '../../src/lib/build/search-index.ts';
import type { SearchRecord } from '../../src/lib/build/search-records.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { makeDomainNormaliser } from '../../src/lib/ontology/domains.ts';
import { extractPage } from '../../src/lib/ontology/extract.ts';
import { listPageFiles } from '../../src/lib/ontology/load.ts';
import { prepareTerms, suggest, type TermFile, type TermIndex, termFileOf, termKey } from '../../src/search/suggest.ts';
import { generateCorpus } from '../lib/corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const log = (m: string) => process.stderr.write(`bench:search-terms: ${m}\n`);

/** Search records as far as the term files need them (title and alternative terms of published concepts). */
function termRecords(dir: string): SearchRecord[] {
  const config = loadSiteConfig({});
  const normaliseDomain = makeDomainNormaliser(config.domains);
  const out: SearchRecord[] = [];
  for (const file of listPageFiles(dir)) {
    const record = extractPage(readPage(readFileSync(path.join(dir, file)), file, { digest: false }), { publishAll: false, normaliseDomain });
    const c = record.concept;
    if (record.status !== 'published' || !c || c.kind !== 'concept') continue;
    out.push({ url: '', title: c.title, termId: c.termId, aliases: c.aliases, content: '', summary: '', domain: null, status: null, branches: [] });
  }
  return out;
}

/** A near miss of a term: one letter after the first replaced. */
function nearMiss(term: string, k: number): string {
  const at = 1 + (k % Math.max(1, term.length - 2));
  return term.slice(0, at) + (term[at] === 'e' ? 'a' : 'e') + term.slice(at + 1);
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const runs = [];
for (const size of SIZES) {
  const out = path.join(os.tmpdir(), 'kb-bench-search-terms', `c${size}`);
  if (!existsSync(path.join(out, 'manifest.json'))) {
    log(`generating ${size} pages`);
    mkdirSync(out, { recursive: true });
    generateCorpus({ pages: size, seed: 1, out, defects: true });
  }
  log(`reading ${size} pages`);
  const records = termRecords(path.join(out, 'pages'));
  const files = termFilesOf(records);
  const index = JSON.parse(files.get('kb-terms/index.json') ?? '{}') as TermIndex;
  const sizes = [...files]
    .filter(([name]) => !name.endsWith('/index.json'))
    .map(([name, text]) => ({ name, raw: Buffer.byteLength(text), gz: gzipSync(text).length }));
  sizes.sort((a, b) => a.gz - b.gz);
  const largest = sizes[sizes.length - 1];
  const largestFile = JSON.parse(files.get(largest.name) ?? '{}') as TermFile;
  const prepared = prepareTerms(largestFile.terms);
  // Near misses of terms in the largest file (so each query is matched against it).
  const times: number[] = [];
  for (let k = 0; k < 50; k++) {
    const term = largestFile.terms[(k * 7919) % largestFile.terms.length][0];
    const query = nearMiss(term, k);
    if (termFileOf(termKey(query), index.files) !== largest.name.replace(/^kb-terms\/|\.json$/g, '')) continue;
    const t0 = process.cpuUsage();
    suggest(query, prepared);
    const used = process.cpuUsage(t0);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  runs.push({
    pages: size,
    terms: index.terms,
    deepest_prefix: Math.max(...index.files.map((f) => (f === 'all' ? 0 : f.length))),
    files: sizes.length,
    total_kb: kb(sizes.reduce((n, s) => n + s.raw, 0)),
    total_gz_kb: kb(sizes.reduce((n, s) => n + s.gz, 0)),
    largest_kb: kb(largest.raw),
    largest_gz_kb: kb(largest.gz),
    median_file_gz_kb: kb(sizes[Math.floor(sizes.length / 2)].gz),
    match_ms_median: Math.round(times[Math.floor(times.length / 2)] * 100) / 100,
    match_ms_max: Math.round(times[times.length - 1] * 100) / 100,
  });
}
process.stdout.write(`${JSON.stringify({ runs })}\n`);
