// The exports parse back with a real RDF parser and hold exactly the published graph: one class per
// published concept, one rdfs:subClassOf per published parent edge, one triple per relation target,
// labels and alt labels; nothing from withheld pages.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Manifest } from '../../scripts/lib/corpus.ts';
import { loadSiteConfig } from '../../src/config.ts';
import { buildSite, conceptEntries, type SiteBuild } from '../../src/lib/build/pipeline.ts';
import { graphJson } from '../../src/lib/export/graph-json.ts';
import { NS, ontologyQuads, toJsonLd, toTurtle } from '../../src/lib/export/rdf.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-rdf-'));
let site: SiteBuild;
let manifest: Manifest;
const exportSite = { siteUrl: 'https://example.org', title: 'Test', description: 'Test glossary' };

beforeAll(() => {
  manifest = generateCorpus({ pages: 120, seed: 11, out: tmp, defects: true });
  site = buildSite({ contentDir: path.join(tmp, 'pages'), config: loadSiteConfig({}) });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const count = (quads: { predicate: { value: string }; object: { value: string } }[], predicate: string, object?: string) =>
  quads.filter((q) => q.predicate.value === predicate && (object === undefined || q.object.value === object)).length;

describe('ontology exports', () => {
  it('Turtle parses back to the graph’s triples', () => {
    const data = conceptEntries(site);
    const ttl = toTurtle(exportSite, ontologyQuads(exportSite, data));
    const quads = new Parser().parse(ttl);
    expect(count(quads, `${NS.rdf}type`, `${NS.owl}Class`)).toBe(data.length);
    expect(count(quads, `${NS.rdfs}subClassOf`)).toBe(data.reduce((n, c) => n + c.parents.length, 0));
    expect(count(quads, `${NS.skos}prefLabel`)).toBe(data.length);
    expect(count(quads, `${NS.skos}altLabel`)).toBe(data.reduce((n, c) => n + c.aliases.length, 0));
    const relationTriples = data.reduce((n, c) => n + c.relations.reduce((m, r) => m + r.targets.length, 0), 0);
    expect(relationTriples).toBeGreaterThan(0);
    const relationPredicates = quads.filter((q) => q.predicate.value.startsWith('https://example.org/ontology#') && q.object.termType === 'NamedNode');
    expect(relationPredicates.length).toBe(relationTriples);
  });

  it('JSON-LD holds the same triples', () => {
    const quads = ontologyQuads(exportSite, conceptEntries(site));
    const nodes = JSON.parse(toJsonLd(quads)) as Record<string, unknown>[];
    let triples = 0;
    for (const n of nodes) for (const [k, v] of Object.entries(n)) if (k !== '@id') triples += (v as unknown[]).length;
    expect(triples).toBe(quads.length);
  });

  it('graph.json has a node per concept and an edge per parent and relation target', () => {
    const data = conceptEntries(site);
    const g = graphJson(data);
    expect(g.nodes).toHaveLength(data.length);
    expect(g.edges.filter((e) => e.type === 'subClassOf')).toHaveLength(data.reduce((n, c) => n + c.parents.length, 0));
  });

  it('contains nothing from withheld pages', () => {
    const all = toTurtle(exportSite, ontologyQuads(exportSite, conceptEntries(site))) + JSON.stringify(graphJson(conceptEntries(site)));
    expect(manifest.private.length).toBeGreaterThan(0);
    for (const p of manifest.private) {
      expect(all).not.toContain(p.marker);
      expect(all).not.toContain(`"${p.title}"`);
    }
  });
});
