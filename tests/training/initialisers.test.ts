// Specification of the weight initialisers: zeros, plain uniform, Xavier/Glorot uniform, He normal.

import { describe, expect, it } from 'vitest';
import { createRng, initialise, UNIFORM_LIMIT } from '../../src/training/index.ts';

const init = (name: Parameters<typeof initialise>[0], fanIn: number, fanOut: number) => {
  const data = new Float64Array(fanIn * fanOut);
  initialise(name, data, fanIn, fanOut, createRng(5));
  return [...data];
};
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + b * b, 0) / xs.length);

describe('initialise', () => {
  it('zeros fills with 0', () => expect(init('zeros', 3, 4).every((w) => w === 0)).toBe(true));
  it('uniform stays within ±UNIFORM_LIMIT', () => {
    const w = init('uniform', 50, 50);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(UNIFORM_LIMIT);
    expect(sd(w)).toBeCloseTo(UNIFORM_LIMIT / Math.sqrt(3), 1);
  });
  it('xavier is uniform within ±√(6/(fanIn+fanOut))', () => {
    const w = init('xavier', 100, 50),
      limit = Math.sqrt(6 / 150);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.abs(sd(w) - limit / Math.sqrt(3)) / (limit / Math.sqrt(3))).toBeLessThan(0.05);
  });
  it('he is normal with standard deviation √(2/fanIn)', () => {
    const w = init('he', 200, 50);
    expect(Math.abs(sd(w) - Math.sqrt(2 / 200)) / Math.sqrt(2 / 200)).toBeLessThan(0.05);
  });
  it('is reproducible for the same RNG seed', () => expect(init('he', 4, 4)).toEqual(init('he', 4, 4)));
});
