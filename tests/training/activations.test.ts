// Specification of the activation functions: values at known points and gradients against finite differences.

import { describe, expect, it } from 'vitest';
import { activate, linear, relu, sigmoid, softmax, tanh, tensor } from '../../src/training/index.ts';
import { DTYPES, randomTensor, weightedSum } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

const points = (): ReturnType<typeof tensor> => tensor(1, 4, 'float64', [-2, -0.5, 0.5, 2]);

describe('activation values', () => {
  it('linear is the identity (returns its input)', () => {
    const x = points();
    expect(linear(x)).toBe(x);
  });
  it('relu zeroes negatives', () => expect([...relu(points()).data]).toEqual([0, 0, 0.5, 2]));
  it('tanh matches Math.tanh', () => expect([...tanh(points()).data]).toEqual([-2, -0.5, 0.5, 2].map(Math.tanh)));
  it('sigmoid is 1/(1+e^−x)', () => {
    [...sigmoid(points()).data].forEach((y, i) => expect(y).toBeCloseTo(1 / (1 + Math.exp(-[-2, -0.5, 0.5, 2][i])), 12));
  });
  it('softmax rows are positive and sum to 1, even for huge inputs', () => {
    const y = softmax(tensor(2, 3, 'float64', [1, 2, 3, 1000, 1000, -1000]));
    expect(y.data[0] + y.data[1] + y.data[2]).toBeCloseTo(1, 12);
    expect([...y.data.slice(3)]).toEqual([0.5, 0.5, 0]);
  });
  it('activate() dispatches by name', () => {
    expect([...activate('relu', points()).data]).toEqual([0, 0, 0.5, 2]);
  });
});

describe.each(DTYPES)('activation gradients ($dtype)', ({ dtype, tolerance }) => {
  it.each(['relu', 'tanh', 'sigmoid', 'softmax', 'linear'] as const)('%s', (name) => {
    // values kept ≥ 0.05 away from ReLU's kink at 0 so finite differences are valid
    const x = randomTensor(3, 4, dtype, 11);
    for (let i = 0; i < x.data.length; i++) x.data[i] += x.data[i] >= 0 ? 0.05 : -0.05;
    expect(gradientCheck(weightedSum(activate(name, x)), [x]).worstRelativeError).toBeLessThan(tolerance);
  });
});
