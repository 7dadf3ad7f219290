// `npm run bench:suggest`: what "did you mean …?" on broken links and missing parents costs on a
// generated 10k-page corpus (BENCH_PAGES): building the trigram index of published titles and
// alternative terms, and looking up every unresolved target of the corpus and a set of typos of real
// titles, against comparing each query with every name (the same edit distance, no index); and the
// whole graph build it is part of.
// Prints one JSON object; `same_results` says the index found exactly what the full comparison found.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../src/config.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages, listPageFiles } from '../../src/lib/ontology/load.ts';
import { linkKey } from '../../src/lib/ontology/resolve.ts';
import { type SuggestionSource, TitleSuggester } from '../../src/lib/ontology/suggest.ts';
import { allowedEdits, editDistance } from '../../src/search/suggest.ts';
import { generateCorpus } from '../lib/corpus.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const out = path.join(os.tmpdir(), 'kb-bench-check', `c${PAGES}`);
mkdirSync(out, { recursive: true });
if (!existsSync(path.join(out, 'manifest.json'))) generateCorpus({ pages: PAGES, seed: 1, out, defects: true });
const dir = path.join(out, 'pages');
const pages = listPageFiles(dir).map((file) => readPage(readFileSync(path.join(dir, file)), file, { digest: false }));
const config = loadSiteConfig({});

// The graph (extraction included) of the pages in memory, as check builds it.
const graphTimes: number[] = [];
let build = graphFromPages(pages, config);
for (let k = 0; k < REPEATS; k++) {
  const t0 = performance.now();
  build = graphFromPages(pages, config);
  graphTimes.push(performance.now() - t0);
}
const targets = build.diagnostics.filter((d) => d.code === 'broken-link' || d.code === 'missing-parent').map((d) => d.target ?? '');
const sources: SuggestionSource[] = build.graph.nodes.map((n) => ({ title: n.title, names: n.aliases, kind: n.kind }));

// Near misses too (the corpus's broken targets are mostly far from every title): every 40th published
// title with two neighbouring letters in its middle swapped.
const typos = sources
  .filter((_, k) => k % 40 === 0)
  .map((s) => {
    const m = Math.floor(s.title.length / 2);
    return { title: s.title, text: s.title.length < 4 ? s.title : `${s.title.slice(0, m - 1)}${s.title[m]}${s.title[m - 1]}${s.title.slice(m + 1)}` };
  })
  .filter((t) => t.text !== t.title);

const buildTimes: number[] = [];
const queryTimes: number[] = [];
const typoTimes: number[] = [];
let suggester = new TitleSuggester(sources);
for (let k = 0; k < REPEATS; k++) {
  const t0 = performance.now();
  suggester = new TitleSuggester(sources);
  const t1 = performance.now();
  for (const t of targets) suggester.suggest(t);
  const t2 = performance.now();
  for (const t of typos) suggester.suggest(t.text);
  buildTimes.push(t1 - t0);
  queryTimes.push(t2 - t1);
  typoTimes.push(performance.now() - t2);
}
const typoFound = typos.filter((t) => suggester.suggest(t.text).some((s) => s.title === t.title)).length;

/** The same answer without the index: every name compared with every target. */
const names = sources.flatMap((s) => [s.title, ...s.names].map((name) => ({ name, key: linkKey(name), title: s.title })));
function fullScan(text: string): string[] {
  const q = linkKey(text);
  if (q.length < 3) return [];
  const max = allowedEdits(q.length);
  const best = new Map<string, { d: number; name: string }>();
  for (const n of names) {
    if (n.key.length < 3) continue;
    const d = editDistance(q, n.key, max);
    if (d > max) continue;
    const seen = best.get(n.title);
    if (!seen || d < seen.d) best.set(n.title, { d, name: n.name });
  }
  return [...best.values()]
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, 3)
    .map((x) => x.name);
}
const queries = [...targets, ...typos.map((t) => t.text)];
const t0 = performance.now();
const scanned = queries.map(fullScan);
const scanMs = performance.now() - t0;
const same = queries.every((t, k) => JSON.stringify(suggester.suggest(t).map((s) => s.name)) === JSON.stringify(scanned[k]));
const withSuggestions = build.diagnostics.filter((d) => d.suggestions !== undefined).length;

const round = (x: number, digits = 1) => Number(x.toFixed(digits));
console.log(
  JSON.stringify({
    pages: pages.length,
    names: names.length,
    unresolved_targets: targets.length,
    with_suggestions: withSuggestions,
    index_build_ms: round(median(buildTimes)),
    all_queries_ms: round(median(queryTimes)),
    per_query_ms: round(median(queryTimes) / Math.max(1, targets.length), 3),
    typo_queries: typos.length,
    typo_queries_ms: round(median(typoTimes)),
    typo_title_suggested: typoFound,
    without_index_per_query_ms: round(scanMs / queries.length, 2),
    same_results: same,
    extract_and_graph_ms: round(median(graphTimes)),
  }),
);
