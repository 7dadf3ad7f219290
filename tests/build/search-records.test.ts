// The search records the build writes (src/lib/build/search-records.ts via the site data folder):
// plain text from the rendered trees with formulas as readable text (never TeX), the definition's
// first sentence as summary, and the taxonomy branches each concept is in (for the branch filter).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config.ts';
import { buildSite } from '../../src/lib/build/pipeline.ts';
import { termFilesOf } from '../../src/lib/build/search-index.ts';
import type { SearchRecord } from '../../src/lib/build/search-records.ts';
import { readSearchRecords, writeSiteData } from '../../src/lib/build/site-data.ts';

const work = mkdtempSync(path.join(tmpdir(), 'kb-search-records-'));
let records: SearchRecord[] = [];

const page = (id: number, title: string, definition: string, extra = '', body = '') =>
  `- ### OntologyBlock\n\t- term-id:: AI-${String(id).padStart(4, '0')}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n${extra}\t- definition:: ${definition}\n${body}`;

beforeAll(() => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  const files: Record<string, string> = {
    'parameter.md': page(1, 'Parameter', 'A parameter is a learned number.'),
    'weight.md': page(
      2,
      'Weight',
      'A weight scales one input, as in $y = w_1 x_1 + b$. It is learned.',
      '\t- alt-terms:: Connection Strength\n',
      '### Relationships\n- is-subclass-of:: [[Parameter]]\n',
    ),
    'shared.md': page(3, 'Shared Weight', 'A shared weight is used twice.', '', '### Relationships\n- is-subclass-of:: [[Weight]]\n'),
    'bias.md': page(
      4,
      'Bias',
      'A bias is added.',
      '',
      '### Relationships\n- is-subclass-of:: [[Parameter]]\n- The update is $$b_{t+1} = b_t - \\eta \\frac{\\partial L}{\\partial b}$$\n',
    ),
    'alone.md': page(5, 'Alone', 'No parents, no children.'),
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(content, file), text);
  const site = buildSite({ contentDir: content, config: loadSiteConfig({ KB_AUTOLINK: '0' }) });
  const dir = path.join(work, 'data');
  writeSiteData(dir, site);
  records = readSearchRecords(dir);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const byTitle = (title: string) => records.find((r) => r.title === title) as SearchRecord;

describe('search records', () => {
  it('list the branches a concept is in: its ancestors, and itself when it has narrower terms', () => {
    expect(byTitle('Shared Weight').branches).toEqual(['Parameter', 'Weight']);
    expect(byTitle('Weight').branches).toEqual(['Parameter', 'Weight']);
    expect(byTitle('Bias').branches).toEqual(['Parameter']);
    expect(byTitle('Parameter').branches).toEqual(['Parameter']);
    expect(byTitle('Alone').branches).toEqual([]);
  });

  it('hold text with formulas as readable text, never TeX, and the first sentence as summary', () => {
    const weight = byTitle('Weight');
    expect(weight.summary).toBe('A weight scales one input, as in y = w₁x₁ + b.');
    expect(weight.content).toContain('y = w₁x₁ + b');
    const bias = byTitle('Bias');
    expect(bias.content).toContain('bₜ₊₁ = bₜ − η∂L/∂b');
    for (const r of records) {
      expect(r.content).not.toMatch(/\\[a-z]+|\$/i);
      expect(r.summary).not.toMatch(/\\[a-z]+|\$/i);
    }
  });

  it('give every preferred and alternative term to the did-you-mean files', () => {
    const files = termFilesOf(records);
    expect(JSON.parse(files.get('kb-terms/index.json') ?? '{}')).toEqual({ v: 2, files: ['all'], terms: 6 });
    expect(JSON.parse(files.get('kb-terms/all.json') ?? '{}').terms).toContainEqual(['Connection Strength', 'Weight']);
  });
});
