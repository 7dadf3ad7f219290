// The shape of the code base, as rules a change must keep: the build reads as stages that import
// only the stages before them (logseq → ontology → render → site → export → build → astro), with no import
// cycles; src/lib never reaches into src/components; only the audit's own CLI uses the auditor;
// benchmarks never import tests; and only src/lib/astro/page-data.ts reads Astro's content
// collections, so every page's data goes through the one place that derives its cache key.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports } from '../src/lib/build/fingerprint.ts';
import { findCycles } from '../src/lib/ontology/graph.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

function sources(dir: string, ext = /\.(ts|astro|mjs)$/): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ext.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const files = [...sources('src'), ...sources('scripts')];
const imports = new Map(files.map((f) => [rel(f), relativeImports(f).map(rel)]));
const offending = (from: (f: string) => boolean, to: (t: string) => boolean) =>
  [...imports].flatMap(([f, targets]) => (from(f) ? targets.filter(to).map((t) => `${f} → ${t}`) : []));

/** Layers of src/lib, lowest first: a module may import its own layer and the ones before it. */
const LAYERS = ['diagnostics.ts', 'logseq', 'publication.ts', 'ontology', 'render', 'site', 'export', 'build', 'astro'];
const layerOf = (f: string) => (f.startsWith('src/lib/') ? LAYERS.indexOf(f.split('/')[2]) : -1);

describe('the code base', () => {
  it('has no import cycles', () => {
    const ids = [...imports.keys()];
    const index = new Map(ids.map((f, k) => [f, k]));
    const edges = ids.map((f) => (imports.get(f) ?? []).map((t) => index.get(t)).filter((k): k is number => k !== undefined));
    expect(findCycles(edges).map((cycle) => cycle.map((k) => ids[k]).join(' → '))).toEqual([]);
  });

  it('keeps the build stages in order: no module imports a later stage', () => {
    const wrongWay = offending(
      (f) => layerOf(f) >= 0,
      (t) => layerOf(t) >= 0,
    ).filter((edge) => {
      const [f, t] = edge.split(' → ');
      return layerOf(t) > layerOf(f);
    });
    expect(wrongWay).toEqual([]);
  });

  it('never imports src/components from src/lib, nor the auditor from production code, nor tests from benchmarks', () => {
    expect(
      offending(
        (f) => f.startsWith('src/lib/'),
        (t) => t.startsWith('src/components/'),
      ),
    ).toEqual([]);
    expect(
      offending(
        (f) => !f.startsWith('src/lib/audit/') && f !== 'scripts/audit.ts',
        (t) => t.startsWith('src/lib/audit/'),
      ),
    ).toEqual([]);
    expect(files.filter((f) => rel(f).startsWith('scripts/bench/') && /from ['"][^'"]*tests\//.test(readFileSync(f, 'utf8'))).map(rel)).toEqual([]);
  });

  it('reads content collections only in src/lib/astro/page-data.ts (and defines them in src/content.config.ts)', () => {
    const readers = sources('src')
      .filter((f) => /from ['"]astro:content['"]/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(readers.sort()).toEqual(['src/content.config.ts', 'src/lib/astro/page-data.ts']);
  });
});
