// Specification of the new-term scaffolder (scripts/new-term.ts): term-id arithmetic, the two page
// formats, the no-overwrite rule, and that a freshly scaffolded page passes the checker cleanly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildTermPage,
  canonicalDomain,
  collectTermIds,
  createTerm,
  existingTerms,
  NewTermError,
  nextTermId,
  planNewTerm,
  prefixFor,
  type TermSpec,
  termClash,
  termFileName,
  termIdsInText,
} from '../scripts/new-term.ts';
import { defaultDomains } from '../src/config.ts';
import { readPage } from '../src/lib/logseq/read.ts';
import { graphFromPages } from '../src/lib/ontology/load.ts';
import { checkReport } from '../src/lib/ontology/report.ts';

const spec = (over: Partial<TermSpec> = {}): TermSpec => ({
  name: 'Residual Connection',
  termId: 'AI-0061',
  domain: 'ai',
  date: '2026-11-22',
  format: 'logseq',
  ...over,
});

const checkOf = (files: Record<string, string>) =>
  graphFromPages(
    Object.entries(files).map(([f, t]) => readPage(t, f)),
    { publishAll: false, domains: defaultDomains },
  );

describe('nextTermId', () => {
  it('starts at 0001 when the prefix is unused', () => {
    expect(nextTermId([], 'AI')).toBe('AI-0001');
    expect(nextTermId(['MA-0007'], 'AI')).toBe('AI-0001');
  });

  it('is one more than the highest id with the prefix, never filling gaps', () => {
    expect(nextTermId(['AI-0001', 'AI-0052', 'AI-0003', 'MA-0100'], 'AI')).toBe('AI-0053');
  });

  it('compares prefixes case-insensitively and keeps wider ids wide', () => {
    expect(nextTermId(['ai-0009'], 'AI')).toBe('AI-0010');
    expect(nextTermId(['AI-12345'], 'ai')).toBe('AI-12346');
  });

  it('ignores values that are not prefixed term ids', () => {
    expect(nextTermId(['20067', 'AI-', 'AI-00x1', 'AI-0004'], 'AI')).toBe('AI-0005');
  });
});

describe('domains and prefixes', () => {
  it('maps domain spellings to their prefix', () => {
    expect(prefixFor(canonicalDomain('ai'))).toBe('AI');
    expect(prefixFor(canonicalDomain('Artificial Intelligence'))).toBe('AI');
    expect(prefixFor(canonicalDomain('maths'))).toBe('MA');
  });

  it('accepts an explicit prefix and rejects an unknown domain without one', () => {
    expect(prefixFor('anything', 'xy-')).toBe('XY');
    expect(() => prefixFor('astrology')).toThrow(NewTermError);
    expect(() => prefixFor('ai', 'A1')).toThrow(NewTermError);
  });
});

describe('reading existing ids', () => {
  it('finds ids in Logseq properties and in YAML front matter', () => {
    const logseq = '- ### OntologyBlock\n\t- term-id:: AI-0052\n';
    const yaml = '---\nterm-id: "MA-0004"\npreferred-term: X\n---\n';
    expect(termIdsInText(logseq)).toEqual(['AI-0052']);
    expect(termIdsInText(yaml)).toEqual(['MA-0004']);
    expect(termIdsInText('The term-id of this page is AI-0001.')).toEqual([]);
  });
});

describe('termFileName', () => {
  it('uses the preferred term as the file name, encoding a namespace slash', () => {
    expect(termFileName('Model Weights')).toBe('Model Weights.md');
    expect(termFileName('Optimiser/Adam')).toBe('Optimiser___Adam.md');
  });

  it('rejects names that cannot be files or pages', () => {
    expect(() => termFileName('  ')).toThrow(NewTermError);
    expect(() => termFileName('a:b')).toThrow(NewTermError);
    expect(() => termFileName('.hidden')).toThrow(NewTermError);
    expect(() => termFileName('---')).toThrow(NewTermError);
  });
});

describe('buildTermPage', () => {
  it('writes the tab-indented Logseq form of the seed page', () => {
    const text = buildTermPage(spec());
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['- ### OntologyBlock', '  id:: residual-connection-ontology', '  collapsed:: true']);
    expect(lines).toContain('\t- term-id:: AI-0061');
    expect(lines).toContain('\t- preferred-term:: Residual Connection');
    expect(lines).toContain('\t- status:: draft');
    expect(lines).toContain('\t- public-access:: true');
    expect(lines).toContain('\t- last-updated:: 2026-11-22');
    expect(lines).toContain('### Relationships');
    expect(text).toMatch(/\t- definition:: TODO: .+\.$/m);
  });

  it('writes Markdown with YAML front matter using the same keys', () => {
    const { data, content } = matter(buildTermPage(spec({ format: 'markdown', name: 'Gradient Clipping', termId: 'AI-0062' })));
    expect(data).toMatchObject({
      'term-id': 'AI-0062',
      'preferred-term': 'Gradient Clipping',
      'source-domain': 'ai',
      status: 'draft',
      'public-access': true,
      'last-updated': '2026-11-22',
      'is-subclass-of': [],
    });
    expect(String(data.definition)).toMatch(/^TODO: .+Gradient Clipping.+\.$/);
    expect(content).toContain('## References');
  });

  it('produces pages the checker accepts as published concepts, warning on each TODO line until it is replaced', () => {
    for (const format of ['logseq', 'markdown'] as const) {
      const text = buildTermPage(spec({ format }));
      const b = checkOf({ 'Residual Connection.md': text });
      const todoLines = text.split('\n').flatMap((line, k) => (line.includes('TODO: ') ? [k + 1] : []));
      expect(b.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual(todoLines.map((line) => ['todo-placeholder', 'warning', line]));
      expect(todoLines.length).toBe(format === 'logseq' ? 4 : 3);
      expect(checkReport(b).concepts).toEqual([
        { file: 'Residual Connection.md', termId: 'AI-0061', title: 'Residual Connection', slug: 'residual-connection', parents: [] },
      ]);
    }
  });

  it('is clean once its TODO text is replaced (or while it is not public)', () => {
    const text = buildTermPage(spec())
      .replace(/definition:: TODO: .*/, "definition:: A residual connection adds a block's input to its output.")
      .replace(/^- TODO: .*$/gm, '- Written by an editor.');
    expect(checkOf({ 'Residual Connection.md': text }).diagnostics).toEqual([]);
    const draft = buildTermPage(spec()).replace('public-access:: true', 'public-access:: false');
    expect(checkOf({ 'Residual Connection.md': draft }).diagnostics).toEqual([]);
  });
});

describe('creating a page on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-term-'));
    fs.writeFileSync(path.join(dir, 'Model Weights.md'), '- ### OntologyBlock\n\t- term-id:: AI-0052\n\t- preferred-term:: Model Weights\n');
    fs.mkdirSync(path.join(dir, 'maths'));
    fs.writeFileSync(path.join(dir, 'maths', 'Gradient.md'), '---\nterm-id: MA-0005\npreferred-term: Gradient\n---\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const options = (name: string, over: Partial<Parameters<typeof createTerm>[0]> = {}) => ({
    name,
    domain: 'ai',
    format: 'logseq' as const,
    contentDir: dir,
    date: '2026-11-22',
    ...over,
  });

  it('scans subfolders for ids and takes the next one in the domain', () => {
    expect(collectTermIds(dir).sort()).toEqual(['AI-0052', 'MA-0005']);
    expect(createTerm(options('Residual Connection')).termId).toBe('AI-0053');
    expect(createTerm(options('Hessian', { domain: 'mathematics' })).termId).toBe('MA-0006');
    expect(createTerm(options('Gradient Clipping')).termId).toBe('AI-0054');
    expect(fs.readFileSync(path.join(dir, 'Hessian.md'), 'utf8')).toContain('\t- source-domain:: mathematics');
  });

  it('refuses to overwrite an existing page, whatever the letter case, and leaves it untouched', () => {
    const before = fs.readFileSync(path.join(dir, 'Model Weights.md'), 'utf8');
    expect(() => createTerm(options('Model Weights'))).toThrow(/already exists/);
    expect(() => createTerm(options('model weights'))).toThrow(/already exists/);
    expect(() => planNewTerm(options('gradient'), [], ['maths/Gradient.md'])).toThrow(NewTermError);
    expect(fs.readFileSync(path.join(dir, 'Model Weights.md'), 'utf8')).toBe(before);
  });

  it('refuses a name that is already an alternative term of a concept, naming the concept and its file', () => {
    fs.writeFileSync(
      path.join(dir, 'Weight Tying.md'),
      '- ### OntologyBlock\n\t- term-id:: AI-0060\n\t- preferred-term:: Weight Tying\n\t- alt-terms:: Tied Weights\n',
    );
    expect(() => createTerm(options('Tied Weights'))).toThrow('"Tied Weights" is already an alternative term of "Weight Tying" (Weight Tying.md)');
    expect(fs.existsSync(path.join(dir, 'Tied Weights.md'))).toBe(false);
  });
});

describe('termClash', () => {
  const terms = [
    { file: 'Weight Tying.md', title: 'Weight Tying', names: ['Weight Tying', 'Tied Weights'] },
    { file: 'maths/Grad.md', title: 'Gradient', names: ['Grad', 'Nabla'] },
  ];

  it('finds preferred and alternative terms, ignoring case', () => {
    expect(termClash('Weight Tying', terms)).toMatch(/^"Weight Tying" is already the preferred term of "Weight Tying" \(Weight Tying\.md\)/);
    expect(termClash('tied weights', terms)).toMatch(
      /^"tied weights" is already an alternative term of "Weight Tying" \(Weight Tying\.md\); \[\[Tied Weights\]\] finds it/,
    );
    expect(termClash('NABLA', terms)).toMatch(/an alternative term of "Gradient" \(maths\/Grad\.md\)/);
  });

  it('finds names that a link would read as an existing term (the same letters and digits)', () => {
    expect(termClash('TiedWeights', terms)).toMatch(/^"TiedWeights" would be read as the same link as "Tied Weights", an alternative term of "Weight Tying"/);
    expect(termClash('weight-tying', terms)).toMatch(/the same link as "Weight Tying", the preferred term of "Weight Tying"/);
  });

  it('lets a new name through', () => {
    expect(termClash('Weight Averaging', terms)).toBeNull();
  });

  it('reads the terms of every concept page of a folder, withheld ones too', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'new-term-terms-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'A.md'),
        '- ### OntologyBlock\n\t- term-id:: AI-0001\n\t- preferred-term:: Alpha\n\t- alt-terms:: First, Primo\n\t- public-access:: false\n',
      );
      fs.writeFileSync(path.join(dir, 'notes.md'), '- just notes\n');
      expect(existingTerms(dir)).toEqual([
        { file: 'A.md', title: 'Alpha', names: ['A', 'First', 'Primo'] },
        { file: 'notes.md', title: 'notes', names: ['notes'] },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
