// `npm run bench:autolink`: what automatic term links cost and give. Renders every published concept
// page of a generated corpus (10k pages by default; BENCH_PAGES=N) in this process, alternately with
// automatic links off and on (a warm-up pass first, then two timed passes each; the faster of each
// pair is reported), and times building the term table and scanning every page's source for the
// render cache key. Then renders the shipped content/ folder once with links on and counts them.
// Times are this process's CPU time (user + system), which other work on a shared machine disturbs
// far less than wall time; the passes are single-threaded. Prints one JSON object:
//   {"corpus": {"pages", "terms", "table_ms", "scan_ms", "render_off_s", "render_on_s", "ms_per_page_off",
//    "ms_per_page_on", "overhead", "links", "ambiguous"}, "content": {"pages", "terms", "links", "pages_with_links", "ambiguous"}}
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../src/config.ts';
import { autolinkOptions, pageTerms } from '../../src/lib/build/autolink-terms.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import type { PageRecord } from '../../src/lib/ontology/extract.ts';
import { loadContent } from '../../src/lib/ontology/load.ts';
import { type RenderContext, renderBlocks } from '../../src/lib/render/pipeline.ts';
import { generateCorpus } from '../lib/corpus.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const log = (m: string) => process.stderr.write(`bench:autolink: ${m}\n`);

function published(dir: string) {
  const config = loadSiteConfig({});
  const build = loadContent(dir, { ...config, digest: true });
  const records = build.records.filter(
    (r): r is PageRecord & { concept: NonNullable<PageRecord['concept']> } => r.status === 'published' && r.concept?.kind === 'concept',
  );
  return { build, records };
}

/** CPU seconds (user + system) this process has used since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

/** Renders every page's body; returns CPU seconds, links added and ambiguous-term diagnostics. */
function renderAll(records: readonly PageRecord[], ctx: RenderContext) {
  let links = 0;
  let ambiguous = 0;
  let withLinks = 0;
  const t0 = process.cpuUsage();
  for (const r of records) {
    const out = renderBlocks(r.body, r.page.file, ctx, r.concept?.title);
    links += out.autolinks;
    if (out.autolinks > 0) withLinks++;
    ambiguous += out.diagnostics.filter((d) => d.code === 'ambiguous-term').length;
  }
  return { seconds: cpuSince(t0), links, withLinks, ambiguous };
}

const root = path.join(os.tmpdir(), 'kb-bench-autolink');
const corpusDir = path.join(root, `c${PAGES}`);
if (!existsSync(path.join(corpusDir, 'manifest.json'))) {
  log(`generating ${PAGES} pages`);
  mkdirSync(corpusDir, { recursive: true });
  generateCorpus({ pages: PAGES, seed: 1, out: corpusDir, defects: true });
}
const { build, records } = published(path.join(corpusDir, 'pages'));
log(`${records.length} published concept pages`);

let t0 = process.cpuUsage();
const table = autolinkOptions(build);
const tableMs = cpuSince(t0) * 1000;
t0 = process.cpuUsage();
for (const r of records) pageTerms(r, table.matcher);
const scanMs = cpuSince(t0) * 1000;

const off = makeRenderContext(build);
const on = makeRenderContext(build, { autolink: true });
log('warm-up pass');
renderAll(records, off);
const offRuns: number[] = [];
const onRuns: number[] = [];
let onResult = renderAll(records, on);
for (let k = 0; k < 2; k++) {
  log(`timed pass ${k + 1} of 2`);
  offRuns.push(renderAll(records, off).seconds);
  onResult = renderAll(records, on);
  onRuns.push(onResult.seconds);
}
const offS = Math.min(...offRuns);
const onS = Math.min(...onRuns);

const content = published(path.resolve('content'));
const contentCtx = makeRenderContext(content.build, { autolink: true });
const contentResult = renderAll(content.records, contentCtx);

const round = (x: number, d = 3) => Number(x.toFixed(d));
process.stdout.write(
  `${JSON.stringify({
    corpus: {
      pages: records.length,
      terms: table.matcher.size,
      table_ms: round(tableMs, 1),
      scan_ms: round(scanMs, 1),
      render_off_s: round(offS),
      render_on_s: round(onS),
      ms_per_page_off: round((offS * 1000) / records.length),
      ms_per_page_on: round((onS * 1000) / records.length),
      overhead: round(onS / offS),
      links: onResult.links,
      ambiguous: onResult.ambiguous,
    },
    content: {
      pages: content.records.length,
      terms: contentCtx.autolink?.matcher.size ?? 0,
      links: contentResult.links,
      pages_with_links: contentResult.withLinks,
      ambiguous: contentResult.ambiguous,
    },
  })}\n`,
);
