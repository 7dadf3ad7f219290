// `npm run check -- --watch` as an editor uses it: started on a temporary folder, it prints the first
// check, then for an edit that breaks a link a `+ file:line: …` line naming the new problem, for the
// fix a `- file:line: …` line, for a page added in a new sub-folder its problems, for a formula that
// does not parse the renderer's problem (each re-check is the whole check, the build's pipeline); and
// Ctrl-C (SIGINT) stops it with exit status 0. Every wait is for a condition on its output, with a time limit.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const page = (termId: string, title: string, extra = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test concept.\n${extra}`;

let dir = '';
let child: ChildProcess;
let out = '';
let exited: Promise<number | null>;

/** Waits until the output (after `from`) matches `pattern`; fails with the output after `ms`. */
async function output(pattern: RegExp, from: number, ms = 30_000): Promise<string> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = pattern.exec(out.slice(from));
    if (m) return m[0];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern}; output:\n${out}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-watch-'));
  writeFileSync(path.join(dir, 'Model Weights.md'), page('AI-0001', 'Model Weights'));
  writeFileSync(path.join(dir, 'Bias.md'), page('AI-0002', 'Bias', '- Bias is added to [[Model Weights]].\n'));
  child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', '--watch', '--content', dir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, KB_CACHE_DIR: `${dir}-cache` },
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await output(/watching .* for changes; Ctrl-C stops/, 0, 60_000);
}, 90_000);

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-cache`, { recursive: true, force: true });
});

describe('check --watch', () => {
  it('starts with the whole check', () => {
    expect(out).toMatch(/checked 2 files in .*: 2 published, 0 withheld\n0 errors, 0 warnings, 0 info/);
  });

  it('prints a new problem as + file:line: … when an edit breaks a link, then the totals', async () => {
    const from = out.length;
    writeFileSync(path.join(dir, 'Bias.md'), page('AI-0002', 'Bias', '- Bias is added to [[Model Wieghts]].\n'));
    const line = await output(/\+ Bias\.md:6: warning broken-link: .*\n/, from);
    expect(line).toContain('link "Model Wieghts" resolves to no page; did you mean "Model Weights"?');
    expect(await output(/0 errors, 1 warnings, 0 info/, from)).toBeTruthy();
  });

  it('prints the fixed problem as - file:line: …', async () => {
    const from = out.length;
    writeFileSync(path.join(dir, 'Bias.md'), page('AI-0002', 'Bias', '- Bias is added to [[Model Weights]].\n'));
    expect(await output(/- Bias\.md:6: warning broken-link: link "Model Wieghts"/, from)).toBeTruthy();
    expect(await output(/0 errors, 0 warnings, 0 info/, from)).toBeTruthy();
  });

  it('sees a page written into a new sub-folder', async () => {
    const from = out.length;
    mkdirSync(path.join(dir, 'drafts'));
    writeFileSync(path.join(dir, 'drafts', 'Copy.md'), page('AI-0001', 'Weight Copy'));
    expect(await output(/\+ drafts\/Copy\.md:2: error duplicate-term-id: term id AI-0001 is also used by Model Weights\.md/, from)).toBeTruthy();
  });

  it('reports what only rendering finds, as the build would (an invalid formula)', async () => {
    const from = out.length;
    writeFileSync(path.join(dir, 'Bias.md'), page('AI-0002', 'Bias', '- Bias is added to [[Model Weights]]: $\\frac{1}{$.\n'));
    expect(await output(/\+ Bias\.md:6: warning invalid-math: /, from)).toBeTruthy();
  });

  it('stops on Ctrl-C with exit status 0', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(/stopped watching\n$/);
  });
});

describe('check --watch when the folder goes away', () => {
  it('says so and exits 2 rather than stopping silently', async () => {
    const gone = mkdtempSync(path.join(tmpdir(), 'kb-watch-gone-'));
    writeFileSync(path.join(gone, 'Bias.md'), page('AI-0002', 'Bias'));
    const watcher = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/check.ts', '--watch', '--content', gone], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KB_CACHE_DIR: `${gone}-cache` },
    });
    let text = '';
    watcher.stdout?.on('data', (d: Buffer) => (text += d.toString()));
    watcher.stderr?.on('data', (d: Buffer) => (text += d.toString()));
    const status = new Promise<number | null>((resolve) => watcher.once('exit', (code) => resolve(code)));
    const end = Date.now() + 60_000;
    while (!/watching .* for changes/.test(text) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    rmSync(gone, { recursive: true, force: true });
    expect(await status).toBe(2);
    expect(text).toMatch(/check: the content folder .* is gone \(deleted or moved\); stopped watching/);
    rmSync(`${gone}-cache`, { recursive: true, force: true });
  });
});
