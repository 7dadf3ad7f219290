// `npm run bench:watch`: how long `npm run check -- --watch` takes to report one edit on a generated
// 10k-page corpus (BENCH_PAGES). Two measurements, each the median over several edits that break and
// then mend a link on one page:
//   - in process: one run of the check after the edit (src/lib/build/site-data-stage.ts runCheckStage,
//     as `check --watch` calls it: page records and render results kept in memory from the run before);
//   - as a command: from writing the file to the `+`/`-` line on the watching process's stdout
//     (fs.watch latency, the 80 ms debounce and printing included), and the command's start-up (a
//     first check with warm caches).
// Prints one JSON object. The corpus and its build cache are kept under the system's temporary folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../src/config.ts';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';
import { type CheckMemory, runCheckStage } from '../../src/lib/build/site-data-stage.ts';
import { generateCorpus } from '../lib/corpus.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 10_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 9);
const ROOT = path.resolve(import.meta.dirname, '../..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => Number(x.toFixed(1));

const out = path.join(os.tmpdir(), 'kb-bench-check', `c${PAGES}`);
mkdirSync(out, { recursive: true });
if (!existsSync(path.join(out, 'manifest.json'))) generateCorpus({ pages: PAGES, seed: 1, out, defects: true });
const dir = path.join(out, 'pages');
const cacheDir = path.join(out, 'watch-cache');
const config = loadSiteConfig({});
// As `check --watch` runs it: what one check read and rendered kept in memory for the next.
const memory: CheckMemory = { records: {} };
const check = () => runCheckStage({ contentDir: dir, config, cacheDir }, memory);

// The first check (cold the first time the benchmark runs, then with the caches of the last run).
const firstStarted = performance.now();
const first = await check();
const firstMs = performance.now() - firstStarted;
let current = first.diagnostics;
// The page edited: the first concept page; each edit adds or removes one broken link.
const file = (first.build.graph.nodes.find((n) => n.kind === 'concept') ?? { file: '' }).file;
const full = path.join(dir, file);
const original = readFileSync(full, 'utf8');
const edited = `${original.replace(/\s*$/, '')}\n- An edit that links to [[Benchmark Edit Target]].\n`;

async function inProcess() {
  const times: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    writeFileSync(full, k % 2 === 0 ? edited : original);
    const t0 = performance.now();
    const after = (await check()).diagnostics;
    times.push(performance.now() - t0);
    const diff = diffDiagnostics(current, after);
    if (diff.added.length + diff.fixed.length === 0) throw new Error(`edit ${k} was not seen`);
    current = after;
  }
  writeFileSync(full, original);
  await check();
  return { check_after_edit_ms: ms(median(times)), check_after_edit_max_ms: ms(Math.max(...times)) };
}

async function asCommand() {
  const started = performance.now();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', '--watch', '--content', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KB_CACHE_DIR: cacheDir, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=32`.trim() },
  });
  let text = '';
  const waiters: { pattern: RegExp; from: number; resolve: (at: number) => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString();
    for (const w of [...waiters]) {
      if (w.pattern.test(text.slice(w.from))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(performance.now());
      }
    }
  });
  const when = (pattern: RegExp, from: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${text.slice(-2000)}`)), 180_000);
      waiters.push({
        pattern,
        from,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at);
        },
      });
    });
  const ready = await when(/watching .* for changes/, 0);
  const latencies: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const from = text.length;
    const sign = k % 2 === 0 ? '\\+' : '-';
    const seen = when(new RegExp(`\\n${sign} .*Benchmark Edit Target`), from);
    const t0 = performance.now();
    writeFileSync(full, k % 2 === 0 ? edited : original);
    latencies.push((await seen) - t0);
  }
  writeFileSync(full, original);
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return {
    startup_s: Number(((ready - started) / 1000).toFixed(2)),
    edit_to_output_ms: ms(median(latencies)),
    edit_to_output_max_ms: ms(Math.max(...latencies)),
  };
}

const inside = await inProcess();
const command = await asCommand();
console.log(
  JSON.stringify({
    pages: first.stats.files,
    edits: EDITS,
    first_check_s: Number((firstMs / 1000).toFixed(2)),
    one_edit_in_process: inside,
    one_edit_as_command: command,
  }),
);
