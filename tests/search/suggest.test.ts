// "Did you mean" (src/search/suggest.ts): the term files the build writes and the matcher the browser
// runs over them.
import { describe, expect, it } from 'vitest';
import {
  editDistance,
  prefixName,
  prepareTerms,
  suggest,
  TERMS_PER_FILE,
  type TermFile,
  type TermIndex,
  type TermRow,
  termFileOf,
  termFiles,
  termKey,
} from '../../src/search/suggest.ts';

const ROWS: TermRow[] = [
  ['Gradient'],
  ['Gradient Vector', 'Gradient'],
  ['Gradient Descent'],
  ['Steepest Descent', 'Gradient Descent'],
  ['Gradient Clipping'],
  ['Optimiser'],
  ['Optimizer', 'Optimiser'],
  ['Backpropagation'],
  ['Error Backpropagation', 'Backpropagation'],
  ['Weight'],
  ['Model Weights'],
  ['Weights', 'Model Weights'],
  ['Softmax'],
];
const terms = prepareTerms(ROWS);
const names = (q: string) => suggest(q, terms).map((s) => (s.title ? `${s.term} → ${s.title}` : s.term));

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours', () => {
    expect(editDistance('gradiant', 'gradient', 3)).toBe(1);
    expect(editDistance('softamx', 'softmax', 3)).toBe(1);
    expect(editDistance('wieght', 'weight', 3)).toBe(1);
    expect(editDistance('optimiser', 'optimizer', 3)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('gives up past the limit', () => {
    expect(editDistance('gradient', 'softmax', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('did you mean', () => {
  it('finds the term a near miss was meant to be, closest first', () => {
    expect(names('gradiant')[0]).toBe('Gradient');
    expect(names('softamx')).toEqual(['Softmax']);
    expect(names('backpropogation')[0]).toBe('Backpropagation');
    expect(names('wieghts')[0]).toBe('Weights → Model Weights');
  });

  it('matches the beginning of a term or one of its words, at a cost', () => {
    expect(names('gradiant')).toEqual(['Gradient', 'Gradient Descent', 'Gradient Clipping']);
    expect(names('descnt')).toEqual(['Gradient Descent']);
    expect(names('steepst')).toEqual(['Steepest Descent → Gradient Descent']);
  });

  it('suggests each concept once, and nothing for a query that is a term or too short or too far', () => {
    expect(names('gradient vectr')).toEqual(['Gradient Vector → Gradient']);
    expect(names('Softmax')).toEqual([]);
    expect(names('gr')).toEqual([]);
    expect(names('zzqxjv')).toEqual([]);
  });
});

describe('term files', () => {
  it('hold every preferred and alternative term once, in one file for a small glossary', () => {
    const files = termFiles([...ROWS, ['Gradient']]);
    const index = files.get('index') as TermIndex;
    expect(index).toEqual({ v: 2, files: ['all'], terms: ROWS.length });
    expect((files.get('all') as TermFile).terms).toHaveLength(ROWS.length);
    expect(termFileOf('anything', index.files)).toBe('all');
  });

  it('split a large glossary by first letters, and split again only where terms crowd', () => {
    const rows: TermRow[] = [];
    // Many terms starting "co…" (more than one file holds), a few starting with other letters.
    for (let k = 0; k < 2 * TERMS_PER_FILE; k++) rows.push([`Co${String.fromCharCode(97 + (k % 26))}${k} term`]);
    for (let k = 0; k < TERMS_PER_FILE; k++) rows.push([`${String.fromCharCode(97 + (k % 5))}x term ${k}`]);
    const files = termFiles(rows);
    const index = files.get('index') as TermIndex;
    expect(index.files).toContain('a');
    expect(index.files.some((f) => f.startsWith('co') && f.length === 3)).toBe(true);
    expect(index.files).not.toContain('c');
    let total = 0;
    for (const name of index.files) {
      const file = files.get(name) as TermFile;
      expect(file.terms.length).toBeLessThanOrEqual(TERMS_PER_FILE);
      for (const [term] of file.terms) expect(termFileOf(termKey(term), index.files)).toBe(name);
      total += file.terms.length;
    }
    expect(total).toBe(rows.length);
    expect(termFileOf('zebra', index.files)).toBeNull();
  });

  it('name files with safe characters only', () => {
    expect(prefixName(termKey('Ölschläger'), 2)).toBe('ol');
    expect(prefixName(termKey('Ωmega'), 1)).toBe('_');
    expect(prefixName(termKey('A'), 2)).toBe('a-');
  });
});
