// Specification of the losses: known values, numerical stability, and gradients against finite differences.

import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  categoricalCrossEntropy,
  mse,
  softmaxCrossEntropyWithLogits,
  tensor,
} from '../../src/training/index.ts';
import { DTYPES, randomTensor } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

const t64 = (rows: number, cols: number, values: number[]) => tensor(rows, cols, 'float64', values);

describe('loss values', () => {
  it('mse is the mean of squared differences', () => {
    expect(mse(t64(2, 1, [1, 3]), t64(2, 1, [0, 0])).data[0]).toBe(5);
  });
  it('binary cross-entropy of p=0.5 is ln 2, from probabilities or from logit 0', () => {
    expect(binaryCrossEntropy(t64(1, 1, [0.5]), t64(1, 1, [1])).data[0]).toBeCloseTo(Math.LN2, 12);
    expect(binaryCrossEntropyWithLogits(t64(1, 1, [0]), t64(1, 1, [0])).data[0]).toBeCloseTo(Math.LN2, 12);
  });
  it('binary cross-entropy stays finite for certain-but-wrong predictions', () => {
    expect(Number.isFinite(binaryCrossEntropy(t64(1, 1, [0]), t64(1, 1, [1])).data[0])).toBe(true);
    expect(binaryCrossEntropyWithLogits(t64(1, 1, [-1000]), t64(1, 1, [1])).data[0]).toBeCloseTo(1000, 6);
    expect(binaryCrossEntropyWithLogits(t64(1, 1, [1000]), t64(1, 1, [1])).data[0]).toBe(0);
  });
  it('categorical cross-entropy is −log of the true class probability, averaged over rows', () => {
    const p = t64(2, 2, [0.25, 0.75, 0.5, 0.5]),
      onehot = t64(2, 2, [0, 1, 1, 0]);
    expect(categoricalCrossEntropy(p, onehot).data[0]).toBeCloseTo(-(Math.log(0.75) + Math.log(0.5)) / 2, 12);
  });
  it('softmax cross-entropy from logits equals softmax then categorical cross-entropy, and is stable', () => {
    const z = t64(1, 3, [1, 2, 3]),
      onehot = t64(1, 3, [0, 0, 1]);
    const p = [1, 2, 3].map(Math.exp),
      sum = p[0] + p[1] + p[2];
    expect(softmaxCrossEntropyWithLogits(z, onehot).data[0]).toBeCloseTo(-Math.log(p[2] / sum), 12);
    expect(Number.isFinite(softmaxCrossEntropyWithLogits(t64(1, 2, [1e4, -1e4]), t64(1, 2, [0, 1])).data[0])).toBe(true);
  });
  it('rejects prediction/target shape mismatches', () => {
    expect(() => mse(tensor(2, 1), tensor(1, 2))).toThrow(/shape/);
  });
});

describe.each(DTYPES)('loss gradients ($dtype)', ({ dtype, tolerance }) => {
  const binaryTargets = () => tensor(4, 1, dtype, [0, 1, 1, 0]);
  const oneHot = () => tensor(2, 3, dtype, [0, 1, 0, 0, 0, 1]);
  it('mse', () => {
    const p = randomTensor(4, 2, dtype, 1),
      t = randomTensor(4, 2, dtype, 2);
    expect(gradientCheck(mse(p, t), [p]).worstRelativeError).toBeLessThan(tolerance);
  });
  it('binary cross-entropy from probabilities', () => {
    const p = randomTensor(4, 1, dtype, 3, 0.2, 0.8);
    expect(gradientCheck(binaryCrossEntropy(p, binaryTargets()), [p], dtype === 'float64' ? 1e-6 : 1e-3).worstRelativeError).toBeLessThan(tolerance);
  });
  it('binary cross-entropy from logits', () => {
    const z = randomTensor(4, 1, dtype, 4, -3, 3);
    expect(gradientCheck(binaryCrossEntropyWithLogits(z, binaryTargets()), [z]).worstRelativeError).toBeLessThan(tolerance);
  });
  it('categorical cross-entropy from probabilities', () => {
    const p = randomTensor(2, 3, dtype, 5, 0.2, 0.8);
    expect(gradientCheck(categoricalCrossEntropy(p, oneHot()), [p], dtype === 'float64' ? 1e-6 : 1e-3).worstRelativeError).toBeLessThan(tolerance);
  });
  it('softmax cross-entropy from logits', () => {
    const z = randomTensor(2, 3, dtype, 6, -2, 2);
    expect(gradientCheck(softmaxCrossEntropyWithLogits(z, oneHot()), [z]).worstRelativeError).toBeLessThan(tolerance);
  });
});
