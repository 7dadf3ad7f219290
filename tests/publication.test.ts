// The publication rule is one rule: every way a page can say (or not say) that it is public, run
// through every part of the tool that publishes or audits, gives one answer. Values true/yes/1 (any
// case) publish, false/no/0 withhold, a missing mark withholds unless publish-all is on, and any
// other value withholds (and is reported). Both keys, page property and ontology property, YAML
// front matter, .md/.markdown/.mdx (an .mdx guide states it in front matter: a property line there is
// plain text), publish-all on and off. Consumers: extraction, the check report, the audit's list of
// withheld pages, and the site data every output is made from (pages, guides, search records,
// previews, RDF exports).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultDomains, loadSiteConfig } from '../src/config.ts';
import { readWithheldPages } from '../src/lib/audit/withheld.ts';
import { buildSite } from '../src/lib/build/pipeline.ts';
import { readExport, readPreviews, readSearchRecords, readSiteIndex, writeSiteData } from '../src/lib/build/site-data.ts';
import { readPage } from '../src/lib/logseq/read.ts';
import { makeDomainNormaliser } from '../src/lib/ontology/domains.ts';
import { extractPage } from '../src/lib/ontology/extract.ts';
import { loadContent } from '../src/lib/ontology/load.ts';
import { checkReport } from '../src/lib/ontology/report.ts';
import { decidePublication, readPublicationValue } from '../src/lib/publication.ts';

const VALUES = ['true', 'yes', '1', 'TRUE', 'Yes', 'false', 'no', '0', 'FALSE', 'maybe', null] as const;
const KEYS = ['public', 'public-access'] as const;
const FORMS = ['page property', 'ontology property', 'front matter'] as const;
const EXTENSIONS = ['.md', '.markdown', '.mdx'] as const;

interface Case {
  file: string;
  title: string;
  slug: string;
  value: (typeof VALUES)[number];
  key: (typeof KEYS)[number];
  form: (typeof FORMS)[number];
  ext: (typeof EXTENSIONS)[number];
}

const cases: Case[] = [];
let n = 0;
for (const ext of EXTENSIONS)
  for (const form of FORMS)
    for (const key of KEYS)
      for (const value of VALUES) {
        n++;
        const title = `Case ${n} Term`;
        cases.push({ file: `case-${n}${ext}`, title, slug: `case-${n}-term`, value, key, form, ext });
      }

const SENTENCE = (c: Case) => `This withheld sentence belongs to case number ${c.file.replace(/\D/g, '')} alone.`;

function source(c: Case): string {
  const id = `AI-${String(1000 + cases.indexOf(c)).padStart(4, '0')}`;
  if (c.form === 'front matter') {
    const mark = c.value === null ? '' : `${c.key}: ${c.value}\n`;
    return `---\ntitle: ${c.title}\nterm-id: ${id}\npreferred-term: ${c.title}\ndefinition: ${SENTENCE(c)}\n${mark}---\n\n${SENTENCE(c)}\n`;
  }
  const mark = c.value === null ? '' : `${c.key}:: ${c.value}`;
  const block = `- ### OntologyBlock\n\t- term-id:: ${id}\n\t- preferred-term:: ${c.title}\n\t- definition:: ${SENTENCE(c)}\n`;
  if (c.form === 'page property') return `${mark}\n\n${block}- ${SENTENCE(c)}\n`;
  return `${block}${mark ? `\t- ${mark}\n` : ''}- ${SENTENCE(c)}\n`;
}

/** What the rule says for a case. */
function expected(c: Case, publishAll: boolean): boolean {
  // An .mdx guide is read as MDX: only its front matter states anything.
  const value = c.ext === '.mdx' && c.form !== 'front matter' ? null : c.value;
  if (value === null) return publishAll;
  return ['true', 'yes', '1'].includes(value.toLowerCase());
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-publication-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const content = path.join(tmp, 'content');
mkdirSync(content, { recursive: true });
for (const c of cases) writeFileSync(path.join(content, c.file), source(c));

describe('readPublicationValue and decidePublication', () => {
  it('read yes, no, empty and anything else', () => {
    for (const v of ['true', 'YES', ' 1 ', true, 1]) expect(readPublicationValue(v), String(v)).toBe(true);
    for (const v of ['false', 'No', '0', false, 0]) expect(readPublicationValue(v), String(v)).toBe(false);
    for (const v of ['', '  ', null, undefined]) expect(readPublicationValue(v), String(v)).toBeNull();
    for (const v of ['maybe', 'on', 2, ['true'], {}]) expect(readPublicationValue(v), JSON.stringify(v)).toBe('unrecognised');
  });

  it('let an explicit no win over a yes, and withhold on any unrecognised value', () => {
    const mark = (key: string, value: unknown) => ({ key, value, line: 1 });
    expect(decidePublication([mark('public', 'true'), mark('public-access', 'false')], { publishAll: false }).published).toBe(false);
    expect(decidePublication([mark('public', 'true'), mark('public-access', 'perhaps')], { publishAll: true })).toMatchObject({
      published: false,
      reason: 'unrecognised-value',
    });
    expect(decidePublication([], { publishAll: true })).toMatchObject({ published: true, reason: 'publish-all' });
  });
});

for (const publishAll of [false, true]) {
  describe(`every consumer agrees (publish-all ${publishAll ? 'on' : 'off'})`, () => {
    const config = { ...loadSiteConfig({}), publishAll };
    const build = loadContent(content, { publishAll, domains: defaultDomains });
    const report = checkReport(build);
    const withheld = new Set(readWithheldPages(content, { publishAll }).map((p) => p.file));
    const dataDir = path.join(tmp, `data-${publishAll}`);
    writeSiteData(dataDir, buildSite({ contentDir: content, config }));
    const index = readSiteIndex(dataDir);
    const records = new Set(readSearchRecords(dataDir).map((r) => r.url));
    const previews = readPreviews(dataDir);
    const turtle = readExport(dataDir, 'ontology.ttl');
    const normaliseDomain = makeDomainNormaliser(defaultDomains);

    it.each(cases)('$file: $key in $form = $value', (c) => {
      const want = expected(c, publishAll);
      const record = extractPage(readPage(readFileSync(path.join(content, c.file)), c.file), { publishAll, normaliseDomain });
      const answers: Record<string, boolean> = {
        extraction: record.status === 'published',
        audit: !withheld.has(c.file),
      };
      if (c.ext === '.mdx') {
        // Guides: published guides are listed for the guide pages, the guides index and the sitemap.
        answers['published graph'] = build.graph.nodes.some((x) => x.file === c.file && x.kind === 'guide');
        answers['site data guides'] = index?.guides.some((g) => g.file === c.file) ?? false;
      } else {
        answers['check report'] = report.concepts.some((x) => x.file === c.file);
        answers['site data pages'] = index?.concepts.some((x) => x.slug === c.slug) ?? false;
        answers['search records'] = records.has(`/concepts/${c.slug}/`);
        answers.previews = Object.hasOwn(previews, c.slug);
        answers['RDF export'] = turtle.includes(`/concepts/${c.slug}/`);
      }
      expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, want])));
      const reported = record.diagnostics.some((d) => d.code === 'unrecognised-public-value');
      expect(reported).toBe(c.value === 'maybe' && !(c.ext === '.mdx' && c.form !== 'front matter'));
    });
  });
}
