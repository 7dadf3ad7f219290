// `npm run bench:watch`: how long `npm run check -- --watch` takes to report one edit on a generated
// 10k-page corpus (BENCH_PAGES). Two measurements, each the median over several edits that break and
// then mend a link on one page:
//   - in process: CheckSession.update (re-read and parse the changed file) + check (rebuild the graph,
//     all diagnostics) + the diff of new and fixed problems;
//   - as a command: from writing the file to the `+`/`-` line on the watching process's stdout
//     (fs.watch latency, the 80 ms debounce and printing included), and the command's start-up.
// Prints one JSON object.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSiteConfig } from '../../src/config.ts';
import { CheckSession } from '../../src/lib/build/check-session.ts';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';
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

// The page edited: the first concept page of the corpus; each edit adds or removes one broken link.
const session = new CheckSession(dir, loadSiteConfig({}));
const loadStarted = performance.now();
session.loadAll();
let current = session.check().diagnostics;
const loadMs = performance.now() - loadStarted;
const file = (session.check().build.graph.nodes.find((n) => n.kind === 'concept') ?? { file: '' }).file;
const full = path.join(dir, file);
const original = readFileSync(full, 'utf8');
const edited = `${original.replace(/\s*$/, '')}\n- An edit that links to [[Benchmark Edit Target]].\n`;

function inProcess() {
  const times = { update: [] as number[], graph: [] as number[], diff: [] as number[], total: [] as number[] };
  for (let k = 0; k < EDITS; k++) {
    writeFileSync(full, k % 2 === 0 ? edited : original);
    const t0 = performance.now();
    const changed = session.update([file]);
    const t1 = performance.now();
    const after = session.check().diagnostics;
    const t2 = performance.now();
    const diff = diffDiagnostics(current, after);
    const t3 = performance.now();
    if (changed.length !== 1 || diff.added.length + diff.fixed.length === 0) throw new Error(`edit ${k} was not seen: ${JSON.stringify(diff)}`);
    current = after;
    times.update.push(t1 - t0);
    times.graph.push(t2 - t1);
    times.diff.push(t3 - t2);
    times.total.push(t3 - t0);
  }
  writeFileSync(full, original);
  return { update_ms: ms(median(times.update)), graph_and_diagnostics_ms: ms(median(times.graph)), diff_ms: ms(median(times.diff)), total_ms: ms(median(times.total)) };
}

async function asCommand() {
  const started = performance.now();
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', '--watch', '--content', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=32`.trim() },
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
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}:\n${text.slice(-2000)}`)), 120_000);
      waiters.push({ pattern, from, resolve: (at) => (clearTimeout(timer), resolve(at)) });
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
  return { startup_s: Number(((ready - started) / 1000).toFixed(2)), edit_to_output_ms: ms(median(latencies)), edit_to_output_max_ms: ms(Math.max(...latencies)) };
}

const inside = inProcess();
const command = await asCommand();
console.log(JSON.stringify({ pages: session.size, edits: EDITS, first_check_in_process_ms: ms(loadMs), one_edit_in_process: inside, one_edit_as_command: command }));
