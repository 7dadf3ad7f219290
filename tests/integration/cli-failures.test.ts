// Commands that never hide a failure (issue 14): each `npm run …` command, given wrong input, says
// what is wrong and exits with the documented status: 2 for a usage or configuration error (unknown
// flag, missing value, missing or empty content folder, missing built site, invalid KB_* value), 1
// for a refusal (new-term and an existing page or term), 0 for --help. Every command shares the one
// parser of scripts/lib/cli.ts; none of these runs gets as far as Astro.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let work = '';
let content = '';
let empty = '';

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kb-cli-'));
  content = path.join(work, 'content');
  empty = path.join(work, 'empty');
  mkdirSync(content);
  mkdirSync(empty);
  writeFileSync(
    path.join(content, 'Weight Tying.md'),
    '- ### OntologyBlock\n\t- term-id:: AI-0060\n\t- preferred-term:: Weight Tying\n\t- alt-terms:: Tied Weights\n\t- public-access:: true\n\t- definition:: Weight tying shares one set of weights between layers.\n',
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a command's script with `args`, without KB_* variables unless given. */
function run(script: string, args: string[], env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KB_')));
  const r = spawnSync(TSX, [path.join('scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run check', () => {
  it('exits 2 for a content folder that does not exist, is not a folder, or holds no pages', () => {
    expect(run('check.ts', ['--content', '/nonexistent'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^check: the content folder \/nonexistent does not exist\nusage: /),
    });
    expect(run('check.ts', ['--content', path.join(content, 'Weight Tying.md')])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/is not a folder/),
    });
    expect(run('check.ts', ['--content', empty])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/holds no pages \(\.md, \.markdown or \.mdx files\)/),
    });
  });

  it('exits 2 for --content with no value, an empty KB_CONTENT_DIR, an invalid setting, an unknown flag', () => {
    expect(run('check.ts', ['--content'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^check: --content needs a value\n/) });
    expect(run('check.ts', ['--content', ''])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^check: --content needs a value\n/) });
    expect(run('check.ts', [], { KB_CONTENT_DIR: '' })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/KB_CONTENT_DIR="": is set but empty; give a folder, or unset it/),
    });
    expect(run('check.ts', ['--content', content], { KB_SEARCH_BODIES: 'sometimes' })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/KB_SEARCH_BODIES="sometimes": must be auto, always or never/),
    });
    expect(run('check.ts', ['--colour'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^check: Unknown option '--colour'\nusage: npm run check/),
    });
    expect(run('check.ts', ['--watch', '--json', '--content', content])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--watch prints changes for a person to read; use it without --json/),
    });
  });

  it('prints its help, with --watch, and exits 0', () => {
    const r = run('check.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run check -- \[--content DIR\] \[--json\] \[--watch\]\n/);
    expect(r.stdout).toContain('--watch');
  });
});

describe('npm run build', () => {
  it('exits 2 for --outDir with no value, unknown flags and stray arguments, before Astro starts', () => {
    expect(run('build.ts', ['--outDir'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^build: --outDir needs a value\nusage: npm run build/) });
    expect(run('build.ts', ['--bogus'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^build: Unknown option '--bogus'/) });
    expect(run('build.ts', ['extra'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^build: Unexpected argument 'extra'/) });
  });

  it('exits 2 for a missing content folder or an empty KB_CONTENT_DIR', () => {
    expect(run('build.ts', [], { KB_CONTENT_DIR: path.join(work, 'gone') })).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^build: the content folder .*gone does not exist/),
    });
    expect(run('build.ts', [], { KB_CONTENT_DIR: '' })).toMatchObject({ status: 2, stderr: expect.stringMatching(/KB_CONTENT_DIR="": is set but empty/) });
  });

  it("prints its own help (not Astro's) and exits 0", () => {
    const r = run('build.ts', ['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run build \[-- --outDir DIR\]\n\nBuilds the site/);
    expect(r.stdout + r.stderr).not.toMatch(/astro/i);
  });
});

describe('npm run new-term', () => {
  it('exits 1 with the concept and file when the name is already an alternative term, and writes nothing', () => {
    const r = run('new-term.ts', ['Tied Weights', '--content', content]);
    expect(r).toMatchObject({
      status: 1,
      stderr:
        'new-term: "Tied Weights" is already an alternative term of "Weight Tying" (Weight Tying.md); [[Tied Weights]] finds it. Choose another name, or add to that page\n',
    });
    expect(run('new-term.ts', ['weight tying', '--content', content])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^new-term: .*Weight Tying\.md already exists; new-term never overwrites a page/),
    });
  });

  it('exits 2 for a missing name, two names, an unknown flag, a missing value or a bad value', () => {
    const usage = (message: RegExp) => ({ status: 2, stderr: expect.stringMatching(new RegExp(`^new-term: ${message.source}.*\\nusage: npm run new-term`)) });
    expect(run('new-term.ts', ['--content', content])).toMatchObject(usage(/give the new term's name/));
    expect(run('new-term.ts', ['A', 'B', '--content', content])).toMatchObject(usage(/give exactly one term name \(got 2: quote a name with spaces\)/));
    expect(run('new-term.ts', ['X', '--colour', 'red'])).toMatchObject(usage(/Unknown option '--colour'/));
    expect(run('new-term.ts', ['X', '--domain'])).toMatchObject(usage(/--domain needs a value/));
    expect(run('new-term.ts', ['X', '--domain', '--content', content])).toMatchObject(usage(/--domain needs a value/));
    expect(run('new-term.ts', ['X', '--format', 'org', '--content', content])).toMatchObject(usage(/--format must be logseq or markdown \(got "org"\)/));
    expect(run('new-term.ts', ['X', '--domain', 'astrology', '--content', content])).toMatchObject(usage(/no term-id prefix is known for domain "astrology"/));
    expect(run('new-term.ts', ['a:b', '--content', content])).toMatchObject(usage(/"a:b" cannot be used as a file name/));
    expect(run('new-term.ts', ['X', '--content', path.join(work, 'gone')])).toMatchObject(usage(/the content folder .*gone does not exist/));
  });

  it('creates the first page of an empty folder, saying it will be warned about until its TODOs are replaced', () => {
    const r = run('new-term.ts', ['Weight Folding', '--content', empty, '--date', '2026-12-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^created .*Weight Folding\.md \(AI-0001\)\nIt is public: `npm run check` warns \(todo-placeholder\) on each TODO line until you replace it\.\n$/,
    );
    const check = run('check.ts', ['--content', empty], { KB_CACHE_DIR: path.join(work, 'cache') });
    expect(check.status).toBe(0);
    expect(check.stdout.match(/^Weight Folding\.md:\d+: warning todo-placeholder: /gm)).toHaveLength(4);
    rmSync(path.join(empty, 'Weight Folding.md'));
  });

  it('prints its help and exits 0', () => {
    expect(run('new-term.ts', ['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: npm run new-term -- "Name"/) });
  });
});

describe('npm run audit', () => {
  it('exits 2 for a missing built site, a missing content folder, bad options', () => {
    mkdirSync(path.join(work, 'dist'), { recursive: true });
    expect(run('audit.ts', [path.join(work, 'nope')])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^audit: there is no built site at .*nope; run npm run build first/),
    });
    expect(run('audit.ts', [path.join(work, 'dist'), '--content', path.join(work, 'gone')])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^audit: the content folder .*gone does not exist/),
    });
    expect(run('audit.ts', [path.join(work, 'dist'), '--content', content, '--threads', '0'])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--threads wants a positive integer \(got "0"\)/),
    });
    expect(run('audit.ts', ['a', 'b'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/give at most one built site \(got 2: a, b\)/) });
    expect(run('audit.ts', ['--bogus'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^audit: Unknown option '--bogus'/) });
    expect(run('audit.ts', ['--help'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^usage: npm run audit -- \[DIST\]/) });
  });
});
