// Specification of the synthetic data sets and the train/test split: shapes, labels, noise, reproducibility.

import { describe, expect, it } from 'vitest';
import { DATA_SETS, LINE_INTERCEPT, LINE_SLOPE, makeDataSet, noisyLine, splitDataSet } from '../../src/training/index.ts';

describe.each(DATA_SETS)('%s', (name) => {
  it('has count rows of the right width, and finite values', () => {
    const data = makeDataSet(name, { count: 120, noise: 0.1, seed: 4 });
    expect(data.count).toBe(120);
    expect(data.inputs.length).toBe(120 * data.inputSize);
    expect(data.targets.length).toBe(120 * data.targetSize);
    expect([...data.inputs, ...data.targets].every(Number.isFinite)).toBe(true);
    expect(data.inputSize).toBe(name === 'line' ? 1 : 2);
  });
  it('is bit-identical for the same seed and differs for another seed', () => {
    const a = makeDataSet(name, { count: 50, noise: 0.2, seed: 1 }),
      b = makeDataSet(name, { count: 50, noise: 0.2, seed: 1 });
    expect(a).toEqual(b);
    expect(makeDataSet(name, { count: 50, noise: 0.2, seed: 2 }).inputs).not.toEqual(a.inputs);
  });
  if (name !== 'line') {
    it('labels are 0 or 1 and both classes are present', () => {
      const labels = new Set(makeDataSet(name, { count: 100, seed: 3 }).targets);
      expect([...labels].sort()).toEqual([0, 1]);
    });
  }
});

describe('noisyLine', () => {
  it('without noise lies exactly on y = LINE_SLOPE·x + LINE_INTERCEPT with x in [−1, 1)', () => {
    const data = noisyLine({ count: 30, noise: 0 });
    data.inputs.forEach((x, i) => {
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(data.targets[i]).toBeCloseTo(LINE_SLOPE * x + LINE_INTERCEPT, 12);
    });
  });
  it('noise sets the standard deviation of the residuals', () => {
    const data = noisyLine({ count: 5000, noise: 0.3, seed: 8 });
    let s = 0;
    data.inputs.forEach((x, i) => {
      s += (data.targets[i] - LINE_SLOPE * x - LINE_INTERCEPT) ** 2;
    });
    expect(Math.sqrt(s / data.count)).toBeCloseTo(0.3, 1);
  });
});

describe('splitDataSet', () => {
  const data = makeDataSet('circles', { count: 101, seed: 5 });
  it('puts round(count·testFraction) rows in test and the rest in train', () => {
    const { train, test } = splitDataSet(data, 0.3, 1);
    expect([train.count, test.count]).toEqual([71, 30]);
    expect(train.inputs.length).toBe(71 * 2);
  });
  it('is a permutation of the original rows (nothing lost or duplicated)', () => {
    const { train, test } = splitDataSet(data, 0.5, 2);
    const key = (d: typeof data, i: number) => `${d.inputs[2 * i]},${d.inputs[2 * i + 1]},${d.targets[i]}`;
    const all = (d: typeof data) => Array.from({ length: d.count }, (_, i) => key(d, i));
    expect([...all(train), ...all(test)].sort()).toEqual(all(data).sort());
  });
  it('is reproducible for a seed', () => {
    expect(splitDataSet(data, 0.5, 3)).toEqual(splitDataSet(data, 0.5, 3));
    expect(splitDataSet(data, 0.5, 3).test.inputs).not.toEqual(splitDataSet(data, 0.5, 4).test.inputs);
  });
});
