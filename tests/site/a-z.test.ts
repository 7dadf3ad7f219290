// Unit tests for the A–Z index grouping (src/components/helpers/a-z.ts).
import { describe, expect, it } from 'vitest';
import { groupByLetter, indexLetter, letterId } from '../../src/lib/site/a-z.ts';
import { azSeeEntries } from '../../src/lib/site/pages.ts';

describe('indexLetter', () => {
  it('upper-cases the first letter and strips accents', () => {
    expect(indexLetter('adam')).toBe('A');
    expect(indexLetter('Élan')).toBe('E');
    expect(indexLetter('  zeta')).toBe('Z');
  });
  it('puts digits, symbols and non-Latin letters under #', () => {
    expect(indexLetter('1-Bit Weight')).toBe('#');
    expect(indexLetter('$\\beta$ schedule')).toBe('#');
    expect(indexLetter('λ-calculus')).toBe('#');
    expect(indexLetter('')).toBe('#');
  });
});

describe('groupByLetter', () => {
  const titles = ['weight', 'Bias', '1-Bit Weight', 'Adam', 'Élan', 'activation', 'Zeta', '3D'];
  const groups = groupByLetter(titles.map((title) => ({ title })));

  it('lists only letters that have terms, A–Z first and # last', () => {
    expect(groups.map((g) => g.letter)).toEqual(['A', 'B', 'E', 'W', 'Z', '#']);
  });
  it('sorts terms within a letter case-insensitively', () => {
    expect(groups[0].items.map((i) => i.title)).toEqual(['activation', 'Adam']);
    expect(groups[5].items.map((i) => i.title)).toEqual(['1-Bit Weight', '3D']);
  });
  it('gives each letter a stable heading id', () => {
    expect(groups[0].id).toBe('letter-a');
    expect(letterId('#')).toBe('letter-other');
  });
  it('keeps every item exactly once', () => {
    expect(groups.flatMap((g) => g.items).length).toBe(titles.length);
  });
  it('handles an empty list', () => {
    expect(groupByLetter([])).toEqual([]);
  });
});

describe('alternative terms in the A–Z index', () => {
  const concepts = [
    { slug: 'model-weights', title: 'Model Weights', aliases: ['Weights', 'Connection Weights', 'weights', 'Model Weight'] },
    { slug: 'activation', title: 'Activation', aliases: ['Activations', 'Activation Value'] },
    { slug: 'bias', title: 'Bias', aliases: ['Activation Value', 'Model Weights'] },
  ];
  const entries = azSeeEntries(concepts);

  it('lists each alternative term once per concept it names, pointing to that concept', () => {
    expect(entries).toEqual([
      { title: 'Weights', see: { slug: 'model-weights', title: 'Model Weights' } },
      { title: 'Connection Weights', see: { slug: 'model-weights', title: 'Model Weights' } },
      { title: 'Model Weight', see: { slug: 'model-weights', title: 'Model Weights' } },
      { title: 'Activation Value', see: { slug: 'activation', title: 'Activation' } },
      { title: 'Activation Value', see: { slug: 'bias', title: 'Bias' } },
    ]);
  });

  it('sorts them among the concepts by their own letter', () => {
    const groups = groupByLetter([...concepts, ...entries]);
    expect(groups.find((g) => g.letter === 'W')?.items.map((i) => i.title)).toEqual(['Weights']);
    expect(groups.find((g) => g.letter === 'C')?.items).toEqual([entries[1]]);
  });
});
