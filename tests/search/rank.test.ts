// Unit tests for the header search's client-side re-ranking (src/search/rank.ts).
import { describe, expect, it } from 'vitest';
import { exactness, normalise, rerank, splitAliases } from '../../src/search/rank.ts';

const items = [
  { title: 'Bayesian Classifier', termId: 'AI-0016' },
  { title: 'Gradient Alignment', termId: 'AI-0013', aliases: 'GA (ai 59)' },
  { title: 'Bayesian Alignment', termId: 'AI-0011', aliases: 'BA (ai 52). Alignment 52 Alias.' },
];

describe('normalise', () => {
  it('ignores case, spacing and typographic dashes', () => {
    expect(normalise('  AI\u20110052 ')).toBe('ai-0052');
    expect(normalise('Bayesian   Alignment')).toBe('bayesian alignment');
  });
});

describe('splitAliases', () => {
  it('splits the separators Pagefind meta may contain', () => {
    expect(splitAliases('BA (ai 52). Alignment 52 Alias.')).toEqual(['BA (ai 52)', 'Alignment 52 Alias']);
    expect(splitAliases('A | B, C')).toEqual(['A', 'B', 'C']);
    expect(splitAliases(undefined)).toEqual([]);
  });
});

describe('exactness', () => {
  it('scores term id over title over alias', () => {
    expect(exactness('ai-0011', items[2])).toBe(3);
    expect(exactness('bayesian alignment', items[2])).toBe(2);
    expect(exactness('ba (AI 52)', items[2])).toBe(1);
    expect(exactness('alignment 52 alias', items[2])).toBe(1);
    expect(exactness('bayesian', items[2])).toBe(0);
    expect(exactness('', items[2])).toBe(0);
  });
});

describe('rerank', () => {
  it('moves an exact match first and keeps Pagefind order otherwise', () => {
    const meta = (x: (typeof items)[number]) => x;
    expect(rerank('Bayesian Alignment', items, meta).map((x) => x.termId)).toEqual(['AI-0011', 'AI-0016', 'AI-0013']);
    expect(rerank('AI-0013', items, meta).map((x) => x.termId)).toEqual(['AI-0013', 'AI-0016', 'AI-0011']);
    expect(rerank('GA (ai 59)', items, meta)[0].termId).toBe('AI-0013');
    expect(rerank('bayesian', items, meta).map((x) => x.termId)).toEqual(['AI-0016', 'AI-0013', 'AI-0011']);
  });
  it('puts a term-id match above a title match', () => {
    const clash = [{ title: 'AI-0001' }, { title: 'Other', termId: 'AI-0001' }];
    expect(rerank('AI-0001', clash, (x) => x)[0].title).toBe('Other');
  });
});
