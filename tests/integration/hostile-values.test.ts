// No content can abort a build: one build of a folder of pages whose every property value is hostile
// (to URLs, HTML and parsers; see tests/helpers/hostile-corpus.ts), in all three dialects, generated
// by fast-check from a fixed seed. The build exits 0, every published concept, tag and domain has its
// page, and the audit finds nothing (no dead link, injected script or malformed page).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { type AuditReport, runAudit } from '../../src/lib/audit/index.ts';
import type { GraphBuild } from '../../src/lib/ontology/graph.ts';
import { loadContent } from '../../src/lib/ontology/load.ts';
import { buildSite } from '../helpers/build.ts';
import { HOSTILE, writeHostileCorpus } from '../helpers/hostile-corpus.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-hostile-'));
const content = path.join(tmp, 'pages');
const out = path.join(tmp, 'dist');
let graph: GraphBuild;
let audit: AuditReport;

beforeAll(() => {
  writeHostileCorpus(content, 120, 20261203);
  graph = loadContent(content, { publishAll: false, domains: defaultDomains });
  buildSite(content, out, path.join(tmp, 'cache')); // throws unless the build exits 0
  audit = runAudit({ dist: out, contentDir: content });
}, 600_000);
// Builds delete old output in the background (a detached `rm`): retry if it is still at work in here.
afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }));

describe('a build of pages with hostile values everywhere', () => {
  it('has the hostile values in it (the corpus is what it claims)', () => {
    const texts = graph.records.flatMap((r) =>
      r.concept ? [r.concept.title, r.concept.definition, r.concept.domainLabel ?? '', r.concept.status ?? '', ...r.concept.tags, ...r.concept.aliases] : [],
    );
    for (const v of ['/', '..', '%2F', '#', '?', '🤖', '機械学習', 'مرحبا', 'x'.repeat(500), '!!!', 'ETSI Domain/Interoperability'])
      expect(
        texts.some((t) => t.includes(v)),
        v,
      ).toBe(true);
    expect(
      texts.some((t) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t)),
      'a lone surrogate',
    ).toBe(true);
    expect(graph.records.filter((r) => r.concept?.title === r.page.name).length, 'pages titled by their file name (empty titles)').toBeGreaterThan(0);
    expect(graph.graph.nodes.length).toBe(120);
    expect(HOSTILE).toContain('');
  });

  it('writes a page for every published concept, tag and domain', () => {
    for (const n of graph.graph.nodes) expect(existsSync(path.join(out, 'concepts', n.slug, 'index.html')), n.slug).toBe(true);
    for (const slug of Object.values(graph.graph.tagSlugs)) expect(existsSync(path.join(out, 'tags', slug, 'index.html')), slug).toBe(true);
    for (const d of graph.graph.domains) expect(existsSync(path.join(out, 'domains', d.key, 'index.html')), d.key).toBe(true);
    expect(Object.keys(graph.graph.tagSlugs).length).toBeGreaterThan(20);
    expect(graph.graph.domains.length).toBeGreaterThan(20);
  });

  it('passes the audit: no dead links, injected script or malformed pages', () => {
    expect(audit.findings).toEqual([]);
    expect(audit.htmlPages).toBeGreaterThan(120);
  });
});
