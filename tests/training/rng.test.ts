// Specification of the seeded RNG: reproducible, seed-dependent, uniform in [0,1), normal with mean 0 and sd 1.

import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/training/index.ts';

const draw = (seed: number, n: number, pick: 'next' | 'normal') => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng[pick]());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draw(42, 50, 'next')).toEqual(draw(42, 50, 'next'));
    expect(draw(42, 50, 'next')).not.toEqual(draw(43, 50, 'next'));
  });
  it('next() is uniform in [0, 1)', () => {
    const xs = draw(1, 20000, 'next');
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b) / xs.length).toBeCloseTo(0.5, 2);
  });
  it('normal() has mean ≈ 0 and standard deviation ≈ 1, always finite', () => {
    const xs = draw(2, 20000, 'normal');
    const mean = xs.reduce((a, b) => a + b) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(xs.every(Number.isFinite)).toBe(true);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});
