// Fuzzing the whole pipeline (fast-check): random and mutated Logseq pages (also with JSON-LD fences,
// alias links and the other shapes of real graphs) go through parse → graph → render. Nothing throws, no `<script` or event handler reaches the HTML, and every input line is
// accounted for by the parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext, renderConceptPage } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { elements } from '../helpers/html.ts';
import { unaccountedLines } from '../helpers/lines.ts';

const SEED_PAGE = [
  '- ### OntologyBlock',
  '  id:: fuzz-ontology',
  '  collapsed:: true',
  '\t- term-id:: AI-0001',
  '\t- preferred-term:: Fuzz Page',
  '\t- public-access:: true',
  '\t- definition:: A page for [[Other]] with $x^2$.',
  '### Relationships',
  '- is-subclass-of:: [[Other]]',
  '## Body',
  '- text with [[Other]] and #tag',
  '  - child $$y$$',
  '- ```js',
  '  const x = 1;',
  '  ```',
  '- | a | b |',
  '  | - | - |',
  '- {{demo neuron}}',
];

const fragments = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">l</a>',
  '<iframe src=x></iframe>',
  '<ScRiPt>alert(2)</sCrIpT>',
  '<style>*{}</style>',
  '[[',
  ']]',
  '[[Other]]',
  '$',
  '$$',
  '```',
  '~~~',
  '::',
  '- ',
  '\t',
  '  ',
  '#',
  '{{demo',
  '}}',
  '<',
  '>',
  '&',
  '\\',
  '|',
  '\r',
  'collapsed:: true',
  'public-access:: true',
  '$500-$2K',
  '<details><summary>s</summary>',
  '</details>',
  '<!--',
  '-->',
  // Shapes of real graphs: JSON-LD fences, alias links, sections, properties beside the block, OWL axioms.
  '```json-ld',
  '{"@type": "Class", "label": "<script>x</script>", "subClassOf": {"@id": "urn:x", "label": "Other"}}',
  '{',
  '}',
  '[[Other|<img src=x onerror=alert(1)>]]',
  '[label]([[Other]])',
  '[x]([[javascript:alert(1)]])',
  '- ### Definition',
  '- ### In Plain Terms',
  '- term-id:: AI-0003',
  'definition:: ### Primary Definition',
  '```clojure',
  'SubClassOf(:Fuzz :Other)',
  '#[[🤖]]',
  '[[ETSI/X]]',
];

const line = fc.oneof(fc.constantFrom(...SEED_PAGE), fc.constantFrom(...fragments), fc.string({ maxLength: 24 }));
const mutatedPage = fc
  .tuple(fc.array(fc.tuple(fc.nat(SEED_PAGE.length), line), { maxLength: 12 }), fc.array(fc.nat(SEED_PAGE.length), { maxLength: 4 }))
  .map(([inserts, deletes]) => {
    const lines = [...SEED_PAGE];
    for (const d of deletes) lines.splice(d, 1);
    for (const [at, l] of inserts) lines.splice(at, 0, l);
    return lines.join('\n');
  });
const randomPage = fc.array(line, { maxLength: 30 }).map((ls) => ls.join('\n'));

const OTHER = '- ### OntologyBlock\n\t- term-id:: AI-0002\n\t- preferred-term:: Other\n\t- public-access:: true\n';

function check(text: string): void {
  const page = readPage(text, 'fuzz.md');
  if (!page.diagnostics.some((d) => d.code === 'parse-error')) expect(unaccountedLines(page, text)).toEqual([]);
  const build = graphFromPages([page, readPage(OTHER, 'other.md')], { publishAll: true, domains: defaultDomains });
  const ctx = makeRenderContext(build);
  for (const record of build.records) {
    if (record.status !== 'published' || !record.concept || record.concept.kind !== 'concept') continue;
    const body = renderConceptPage(record, ctx);
    for (const html of [body.html, body.definitionHtml]) {
      expect(html).not.toMatch(/<script/i);
      for (const e of elements(html)) {
        expect(['script', 'iframe', 'object', 'embed']).not.toContain(e.tagName);
        for (const a of e.attrs) {
          expect(a.name.startsWith('on'), `${e.tagName} ${a.name}`).toBe(false);
          expect(a.value).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        }
      }
    }
  }
}

describe('pipeline fuzzing', () => {
  it('survives mutated seed pages', () => {
    fc.assert(fc.property(mutatedPage, check), { numRuns: 150 });
  });

  it('survives random pages', () => {
    fc.assert(fc.property(randomPage, check), { numRuns: 150 });
  });
});
