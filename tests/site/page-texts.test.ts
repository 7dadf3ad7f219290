// The texts a page shows besides its body come from rendered trees, never from Markdown stripped by
// regular expressions: a concept's summary and definition text (meta description, hover preview, search
// record, JSON-LD, RDF literal) read formulas as the text KaTeX gives (`∣w∣`, `w₁`) and keep `<` and `>`; its "Referenced by"
// list quotes the linking pages' sentences as HTML with links and typeset formulas, also when those
// pages come from the render cache.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config.ts';
import { readConceptPage, readExport, readPreviews, readSearchRecords } from '../../src/lib/build/site-data.ts';
import { runSiteDataStage, type StageResult } from '../../src/lib/build/site-data-stage.ts';
import { NS } from '../../src/lib/export/rdf.ts';
import { definedTerm } from '../../src/lib/site/json-ld.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-page-texts-'));
const content = path.join(tmp, 'content');
const cacheDir = path.join(tmp, 'cache');
const config = { ...loadSiteConfig({}), siteUrl: 'https://example.org' };

const page = (title: string, id: string, definition: string, body = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${id}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${definition}\n${body}`;

const DEFINITION = 'A pruned weight is one with $|w| < 0.5$ when the loss > 0, e.g. after training. It is then set to zero.';
const SUMMARY = 'A pruned weight is one with ∣w∣ < 0.5 when the loss > 0, e.g. after training.';

let cold: StageResult;
let warm: StageResult;

beforeAll(async () => {
  mkdirSync(content, { recursive: true });
  writeFileSync(path.join(content, 'Pruned Weight.md'), page('Pruned Weight', 'AI-0001', DEFINITION));
  writeFileSync(
    path.join(content, 'Sparse Model.md'),
    page(
      'Sparse Model',
      'AI-0002',
      'A sparse model has many zero weights.',
      '- ## Why\n\t- A [[Pruned Weight]] has $\\partial J / \\partial w_1 = 0$ for good. Other text.\n',
    ),
  );
  cold = await runSiteDataStage({ contentDir: content, config, cacheDir, workers: 1 });
  warm = await runSiteDataStage({ contentDir: content, config, cacheDir, workers: 1 });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('texts from the rendered tree', () => {
  it('gives the summary and definition text with formulas as readable text and comparison signs kept', () => {
    const data = readConceptPage(cold.dir, 'pruned-weight');
    expect(data.summary).toBe(SUMMARY);
    expect(data.definitionText).toBe(`${SUMMARY} It is then set to zero.`);
    expect(readPreviews(cold.dir)['pruned-weight'].summary).toBe(SUMMARY);
    const record = readSearchRecords(cold.dir).find((r) => r.url === '/concepts/pruned-weight/');
    expect(record?.summary).toBe(SUMMARY);
    expect(record?.content.startsWith(data.definitionText)).toBe(true);
    const jsonLd = definedTerm({ ...data, url: 'https://example.org/concepts/pruned-weight/', siteUrl: 'https://example.org/', siteTitle: 'T' });
    expect(jsonLd.description).toBe(data.definitionText);
  });

  it('writes the same text as the RDF definition literal', () => {
    const quads = new Parser().parse(readExport(cold.dir, 'ontology.ttl'));
    const definition = quads.find((q) => q.subject.value.endsWith('/concepts/pruned-weight/') && q.predicate.value === `${NS.skos}definition`);
    expect(definition?.object.value).toBe(`${SUMMARY} It is then set to zero.`);
  });

  it('quotes the linking sentence with a typeset formula, and loads KaTeX on the quoted page', () => {
    const data = readConceptPage(cold.dir, 'pruned-weight');
    expect(data.backlinks).toHaveLength(1);
    expect(data.backlinks[0].from.slug).toBe('sparse-model');
    const [sentence] = data.backlinks[0].sentences;
    expect(sentence).toContain('<strong>Pruned Weight</strong>');
    expect(sentence).toContain('class="katex"');
    expect(sentence).not.toContain('Other text');
    expect(data.hasMath).toBe(true);
  });

  it('gives the same page data when the linking page comes from the render cache', () => {
    expect(warm.site.stats.reused).toBe(2);
    expect(readFileSync(path.join(warm.dir, 'concepts', 'pruned-weight.json'), 'utf8')).toBe(JSON.stringify(readConceptPage(cold.dir, 'pruned-weight')));
    expect(warm.index.digest).toBe(cold.index.digest);
  });
});
