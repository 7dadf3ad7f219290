// `check` knows everything the build knows: on a folder holding every kind of problem a page can
// have (reading, graph, rendering, guides), `check --json` and the build's report list the same
// diagnostics, code, file, line and message. Both come from one pipeline (src/lib/build/), and this
// is what keeps it so.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBuildReport } from '../../src/lib/build/site-data.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { buildSite } from '../helpers/build.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-parity-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const concept = (id: string, title: string, body: string, extra = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${id}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a page of the parity test.${extra}\n${body}`;

const PAGES: Record<string, string> = {
  'Good.md': concept('PT-0001', 'Good', '- A page with a [[Missing Target]] and a #tag.\n'),
  'Bad Math.md': concept('PT-0002', 'Bad Math', '- The formula $\\frac{1}{$ does not close.\n'),
  'Local Things.md': concept('PT-0003', 'Local Things', '- ![a diagram](./diagram.png) and [a page](../nowhere.md) and [a path](/concepts/none/).\n'),
  'Demos.md': concept('PT-0004', 'Demos', '- {{demo nosuchdemo}}\n- {{demo playground dataset=banana}}\n'),
  'No Parent.md': concept('PT-0005', 'No Parent', '- Body.\n', '\n\t- is-subclass-of:: [[Nonexistent Parent]]'),
  'Duplicate.md': concept('PT-0001', 'Duplicate', '- Same id as Good.\n'),
  'Empty.md': '',
  'Broken Front Matter.md': '---\nterm-id: "PT-0009\n---\nText\n',
  'guides/Guide.mdx':
    '---\ntitle: A guide\npublic: true\n---\n\nA formula $\\frac{1}{$ and [a path](/concepts/none/).\n\n<Demo name="nosuchdemo" />\n\n<Demo name="neuron" />\n',
};

const key = (d: Diagnostic) => `${d.file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`;

describe('check and build', () => {
  it('report the same diagnostics', () => {
    const content = path.join(tmp, 'content');
    for (const [file, text] of Object.entries(PAGES)) {
      mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
      writeFileSync(path.join(content, file), text);
    }
    const cache = path.join(tmp, 'cache');
    buildSite(content, path.join(tmp, 'dist'), cache);
    const dataRoot = path.join(cache, 'kb-site');
    const report = readBuildReport(path.join(dataRoot, readdirSync(dataRoot)[0]));
    expect(report).not.toBeNull();
    const built = (report?.diagnostics ?? []).map(key).sort();

    // check with its own, empty build cache: it renders everything itself.
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check.ts', '--content', content, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, KB_CACHE_DIR: path.join(tmp, 'check-cache') },
    });
    expect(r.status, r.stderr).toBe(1);
    const checked = (JSON.parse(r.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map(key).sort();
    expect(checked).toEqual(built);

    // Every kind of problem is there.
    const codes = new Set(checked.map((line) => / (?:error|warning|info) ([a-z-]+):/.exec(line)?.[1]));
    for (const code of ['broken-link', 'invalid-math', 'unknown-demo', 'missing-parent', 'duplicate-term-id', 'empty-page', 'parse-error'])
      expect(codes, code).toContain(code);
    expect(
      checked
        .filter((line) => line.startsWith('guides/Guide.mdx'))
        .map((l) => / ([a-z-]+):/.exec(l)?.[1])
        .sort(),
    ).toEqual(['broken-link', 'invalid-math', 'unknown-demo']);
    expect(checked.some((line) => line.startsWith('Local Things.md') && line.includes('local image'))).toBe(true);
  }, 300_000);
});
