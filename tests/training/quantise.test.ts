// Specification of weight quantisation: levels and scales for integer formats (symmetric and asymmetric) and
// the E2M1 4-bit float with power-of-two block scales; grouping per tensor, per channel and in runs; the
// round-trip error bound; and gradients of dequantise (in the scales and offsets) against finite differences.

import { describe, expect, it } from 'vitest';
import { dequantise, type QuantFormat, quantise, tensor, topLevel } from '../../src/training/index.ts';
import { randomTensor, weightedSum } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

const int = (bits: number, symmetric: boolean): QuantFormat => ({ bits, symmetric });
const MXFP4: QuantFormat = { bits: 4, symmetric: true, e2m1: true };
const E2M1_VALUES = [0, 0.5, 1, 1.5, 2, 3, 4, 6];

describe('levels and scales', () => {
  it('symmetric 8-bit: levels −127…127, scale max|w|/127, offset 0, the largest magnitude exact', () => {
    const w = tensor(1, 4, 'float64', [-0.5, 0.1, 0.25, 1.27]);
    const q = quantise(w, int(8, true));
    expect(q.scale.data[0]).toBeCloseTo(0.01, 12);
    expect(q.offset.data[0]).toBe(0);
    expect([...q.levels]).toEqual([-50, 10, 25, 127]);
    expect(dequantise(q).data[3]).toBeCloseTo(1.27, 12);
  });
  it('symmetric 2-bit has the three levels −1, 0, 1', () => {
    expect(topLevel(int(2, true))).toBe(1);
    const q = quantise(tensor(1, 5, 'float64', [-1, -0.4, 0.1, 0.6, 0.9]), int(2, true));
    expect([...q.levels].map((l) => l + 0)).toEqual([-1, 0, 0, 1, 1]); // + 0 turns −0 into 0
  });
  it('asymmetric: levels 0…2^b−1 span [min, max], both ends exact', () => {
    const w = tensor(1, 4, 'float64', [0.2, 0.5, 0.9, 1.7]);
    const q = quantise(w, int(4, false));
    expect(q.offset.data[0]).toBeCloseTo(0.2, 12);
    expect(q.scale.data[0]).toBeCloseTo(1.5 / 15, 12);
    expect(q.levels[0]).toBe(0);
    expect(q.levels[3]).toBe(15);
    const back = dequantise(q).data;
    expect(back[0]).toBeCloseTo(0.2, 12);
    expect(back[3]).toBeCloseTo(1.7, 12);
  });
  it('E2M1: every level is one of ±{0, 0.5, 1, 1.5, 2, 3, 4, 6} and each scale a power of two', () => {
    const w = randomTensor(64, 3, 'float64', 11, -3, 3);
    const q = quantise(w, MXFP4, 32);
    expect([...q.levels].every((l) => E2M1_VALUES.includes(Math.abs(l)))).toBe(true);
    expect([...q.scale.data].every((s) => Number.isInteger(Math.log2(s)))).toBe(true);
  });
  it('E2M1 scale is 2^(⌊log2 max|w|⌋ − 2) (the MX rule) and values round to the nearest E2M1 level', () => {
    const q = quantise(tensor(1, 5, 'float64', [5.9, 2.4, 2.6, -1.3, 0.2]), MXFP4);
    expect(q.scale.data[0]).toBe(1);
    expect([...q.levels]).toEqual([6, 2, 3, -1.5, 0]);
    expect(quantise(tensor(1, 2, 'float64', [0.3, -0.05]), MXFP4).scale.data[0]).toBe(2 ** -4);
  });
  it('an all-zero group gets scale 1 and dequantises to zeros', () => {
    const q = quantise(tensor(2, 2, 'float64'), int(4, false), 2);
    expect([...q.scale.data]).toEqual([1, 1]);
    expect([...dequantise(q).data]).toEqual([0, 0, 0, 0]);
  });
});

describe('groups', () => {
  // 4 inputs (rows) × 2 outputs (columns)
  const w = tensor(4, 2, 'float64', [1, 10, -2, 20, 3, -30, -4, 40]);
  it('group 0 is one scale for the whole tensor', () => {
    const q = quantise(w, int(8, true));
    expect(q.scale.cols).toBe(1);
    expect(q.scale.data[0]).toBeCloseTo(40 / 127, 12);
  });
  it('a group of at least the row count is one scale per output column (per channel)', () => {
    const q = quantise(w, int(8, true), 4);
    expect([...q.groups]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(q.scale.data[0]).toBeCloseTo(4 / 127, 12);
    expect(q.scale.data[1]).toBeCloseTo(40 / 127, 12);
  });
  it('smaller groups are runs down each column', () => {
    const q = quantise(w, int(8, true), 2);
    expect([...q.groups]).toEqual([0, 2, 0, 2, 1, 3, 1, 3]);
    expect([...q.scale.data].map((s) => s * 127)).toEqual([2, 4, 20, 40].map((m) => expect.closeTo(m, 9)));
  });
});

describe('round trip', () => {
  const formats: [string, QuantFormat][] = [
    ['int8 symmetric', int(8, true)],
    ['int4 asymmetric', int(4, false)],
    ['int3 symmetric', int(3, true)],
  ];
  it.each(formats)('%s: every value comes back within half a step, per tensor and per channel', (_, format) => {
    const w = randomTensor(16, 8, 'float64', 5, -2, 2);
    for (const group of [0, 16, 4]) {
      const q = quantise(w, format, group);
      const back = dequantise(q).data;
      w.data.forEach((v, i) => expect(Math.abs(back[i] - v)).toBeLessThanOrEqual(q.scale.data[q.groups[i]] / 2 + 1e-12));
    }
  });
  it('more bits never increase the error, and finer groups never increase it', () => {
    const w = randomTensor(32, 8, 'float64', 9, -1, 1);
    const error = (format: QuantFormat, group: number): number => {
      const back = dequantise(quantise(w, format, group)).data;
      return Array.from(w.data).reduce((s, v, i) => s + (v - back[i]) ** 2, 0);
    };
    for (const symmetric of [true, false]) {
      expect(error(int(8, symmetric), 0)).toBeLessThan(error(int(4, symmetric), 0));
      expect(error(int(4, symmetric), 0)).toBeLessThan(error(int(3, symmetric), 0));
      expect(error(int(3, symmetric), 0)).toBeLessThan(error(int(2, symmetric), 0));
      expect(error(int(4, symmetric), 32)).toBeLessThanOrEqual(error(int(4, symmetric), 0));
      expect(error(int(4, symmetric), 8)).toBeLessThanOrEqual(error(int(4, symmetric), 32));
    }
  });
  it('reads float32 weights too', () => {
    const w = randomTensor(3, 3, 'float32', 2);
    const back = dequantise(quantise(w, int(8, true))).data;
    w.data.forEach((v, i) => expect(back[i]).toBeCloseTo(v, 2));
  });
});

describe('dequantise gradients', () => {
  it.each([
    ['int4 asymmetric, groups of 3', int(4, false), 3],
    ['int8 symmetric, per channel', int(8, true), 6],
    ['MXFP4, blocks of 32', MXFP4, 32],
  ] as const)('match finite differences in the scales and offsets (%s)', (_, format, group) => {
    const q = quantise(randomTensor(6, 4, 'float64', 3), format, group);
    const result = gradientCheck(weightedSum(dequantise(q)), [q.scale, q.offset]);
    expect(result.checked).toBe(2 * q.scale.cols);
    expect(result.worstRelativeError).toBeLessThan(1e-6);
  });
});
