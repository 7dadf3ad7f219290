// The check contract (GUIDE §4) over corpora from the project's own generator (all five dialects and
// the shapes of real graphs): every planted defect is reported with the right code, file and target;
// every manifest concept appears with exactly its manifest title, term id and parents; `withheld`
// equals the private count; a clean corpus has no errors or warnings; and the CLI's exit status and
// output formats hold.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Manifest } from '../../scripts/lib/corpus.ts';
import { defaultDomains } from '../../src/config.ts';
import type { Diagnostic } from '../../src/lib/diagnostics.ts';
import { loadContent } from '../../src/lib/ontology/load.ts';
import { type CheckReport, checkReport } from '../../src/lib/ontology/report.ts';
import { ConceptSchema } from '../../src/lib/ontology/schema.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-check-'));
const options = { publishAll: false, domains: defaultDomains };
let withDefects: { manifest: Manifest; report: CheckReport; dir: string };
let clean: { manifest: Manifest; report: CheckReport; dir: string };

function corpus(name: string, defects: boolean) {
  const out = path.join(tmp, name);
  const manifest = generateCorpus({ pages: 600, seed: 7, out, defects });
  const dir = path.join(out, 'pages');
  return { manifest, report: checkReport(loadContent(dir, options)), dir };
}

beforeAll(() => {
  withDefects = corpus('defects', true);
  clean = corpus('clean', false);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const has = (ds: Diagnostic[], code: string, file: string, target?: string) =>
  ds.some((d) => d.code === code && d.file === file && (target === undefined || d.target === target));

describe.each([
  ['with planted defects', () => withDefects],
  ['without defects', () => clean],
])('concepts and withheld pages %s', (_, get) => {
  it('lists every manifest concept with exactly its manifest parents', () => {
    const { manifest, report } = get();
    const byFile = new Map(report.concepts.map((c) => [c.file, c]));
    for (const c of manifest.concepts) {
      const got = byFile.get(c.file);
      expect(got, c.file).toBeDefined();
      expect(got?.title).toBe(c.title);
      expect(got?.termId).toBe(c.termId);
      expect([...(got?.parents ?? [])].sort()).toEqual([...c.parents].sort());
    }
  });

  it('counts withheld pages exactly', () => {
    const { manifest, report } = get();
    expect(report.withheld).toBe(manifest.private.length);
  });

  it('never mentions a private marker in the report', () => {
    const { manifest, report } = get();
    const text = JSON.stringify(report.concepts);
    for (const p of manifest.private) expect(text).not.toContain(p.marker);
  });
});

describe('planted defects', () => {
  it('reports every broken link, missing parent, cycle, bad or duplicate term id', () => {
    const { manifest, report } = withDefects;
    const ds = report.diagnostics;
    const p = manifest.planted;
    for (const x of p.brokenLinks) expect(has(ds, 'broken-link', x.file, x.target), `${x.file} → ${x.target}`).toBe(true);
    for (const x of p.missingParents) expect(has(ds, 'missing-parent', x.file, x.parent), x.file).toBe(true);
    for (const x of p.duplicateTermIds) for (const f of x.files) expect(has(ds, 'duplicate-term-id', f), f).toBe(true);
    for (const x of p.missingPreferredTerm) expect(has(ds, 'missing-preferred-term', x.file), x.file).toBe(true);
    for (const x of p.invalidTermIds) expect(has(ds, 'invalid-term-id', x.file), x.file).toBe(true);
    const fileOf = new Map(manifest.concepts.map((c) => [c.title, c.file]));
    for (const cycle of p.cycles) for (const title of cycle) expect(has(ds, 'subclass-cycle', fileOf.get(title) ?? title), title).toBe(true);
    for (const x of p.malformed) if (x.expect) expect(has(ds, x.expect, x.file), `${x.file}: ${x.expect}`).toBe(true);
  });

  it('gives every diagnostic a file, a line and a known severity', () => {
    for (const d of withDefects.report.diagnostics) {
      expect(d.file).not.toBe('');
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(['error', 'warning', 'info']).toContain(d.severity);
    }
  });

  it('finds no errors or warnings in the same corpus without defects', () => {
    expect(clean.report.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    // What is left are notes on withheld pages: links to them, and parents that are withheld.
    expect([...new Set(clean.report.diagnostics.map((d) => d.code))].sort()).toEqual(['link-to-private', 'parent-is-private']);
  });
});

describe('npm run check', () => {
  const { KB_CONTENT_DIR: _unset, ...envWithoutContentDir } = process.env;
  const run = (...args: string[]) =>
    spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check.ts', ...args], { encoding: 'utf8', env: envWithoutContentDir });

  it('prints one JSON object with --json and exits 1 when errors exist', () => {
    const r = run('--content', withDefects.dir, '--json');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as CheckReport;
    expect(Object.keys(json).sort()).toEqual(['concepts', 'diagnostics', 'withheld']);
    expect(json.concepts[0]).toEqual(
      expect.objectContaining({ file: expect.any(String), title: expect.any(String), slug: expect.any(String), parents: expect.any(Array) }),
    );
    // A term id, or null for a JSON-LD class that has none (it is identified by its @id).
    for (const c of json.concepts) expect(c.termId === null || typeof c.termId === 'string').toBe(true);
    expect(json.concepts.some((c) => c.termId === null)).toBe(true);
  });

  it('prints file:line: severity code: message lines and exits 0 on a clean corpus', () => {
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check.ts'], { encoding: 'utf8', env: { ...process.env, KB_CONTENT_DIR: clean.dir } });
    expect(r.status).toBe(0);
    const bad = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/check.ts', '--content', withDefects.dir], { encoding: 'utf8' });
    expect(
      bad.stdout
        .split('\n')
        .filter((l) => / error [a-z-]+: /.test(l))
        .every((l) => /^[^:]+\.md:\d+: error [a-z-]+: .+/.test(l)),
    ).toBe(true);
    expect(bad.stdout).toMatch(/\d+ errors, \d+ warnings, \d+ info/);
  });
});

describe('the Concept schema', () => {
  it('holds for every concept extracted from a generated corpus', () => {
    const build = loadContent(withDefects.dir, options);
    const concepts = build.records.flatMap((r) => (r.concept ? [r.concept] : []));
    expect(concepts.length).toBeGreaterThan(500);
    for (const c of concepts) expect(ConceptSchema.safeParse(c).error, c.file).toBeUndefined();
  });
});
