// Specification of the linear-algebra ops: values, shapes, and gradients against finite differences.

import { describe, expect, it } from 'vitest';
import { add, addBias, matmul, scale, tensor } from '../../src/training/index.ts';
import { DTYPES, randomTensor, weightedSum } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

describe('matmul', () => {
  it('multiplies an n×k by a k×m matrix into n×m', () => {
    const a = tensor(2, 3, 'float64', [1, 2, 3, 4, 5, 6]);
    const b = tensor(3, 2, 'float64', [7, 8, 9, 10, 11, 12]);
    const c = matmul(a, b);
    expect([c.rows, c.cols]).toEqual([2, 2]);
    expect([...c.data]).toEqual([58, 64, 139, 154]);
  });
  it('rejects mismatched inner dimensions', () => {
    expect(() => matmul(tensor(2, 3), tensor(2, 3))).toThrow(/shape/);
  });
  it.each(DTYPES)('has correct gradients for both operands ($dtype)', ({ dtype, tolerance }) => {
    const a = randomTensor(4, 3, dtype, 1),
      b = randomTensor(3, 5, dtype, 2);
    expect(gradientCheck(weightedSum(matmul(a, b)), [a, b]).worstRelativeError).toBeLessThan(tolerance);
  });
});

describe('add', () => {
  it('adds elementwise', () => {
    expect([...add(tensor(1, 2, 'float64', [1, 2]), tensor(1, 2, 'float64', [10, 20])).data]).toEqual([11, 22]);
  });
  it.each(DTYPES)('has correct gradients ($dtype)', ({ dtype, tolerance }) => {
    const a = randomTensor(3, 2, dtype, 3),
      b = randomTensor(3, 2, dtype, 4);
    expect(gradientCheck(weightedSum(add(a, b)), [a, b]).worstRelativeError).toBeLessThan(tolerance);
  });
});

describe('addBias', () => {
  it('broadcasts a 1×m bias over every row', () => {
    const out = addBias(tensor(2, 2, 'float64', [1, 2, 3, 4]), tensor(1, 2, 'float64', [10, 100]));
    expect([...out.data]).toEqual([11, 102, 13, 104]);
  });
  it('rejects a bias of the wrong width', () => {
    expect(() => addBias(tensor(2, 2), tensor(1, 3))).toThrow(/shape/);
  });
  it.each(DTYPES)('has correct gradients; the bias gradient sums over rows ($dtype)', ({ dtype, tolerance }) => {
    const a = randomTensor(5, 3, dtype, 5),
      bias = randomTensor(1, 3, dtype, 6);
    expect(gradientCheck(weightedSum(addBias(a, bias)), [a, bias]).worstRelativeError).toBeLessThan(tolerance);
  });
});

describe('scale', () => {
  it.each(DTYPES)('multiplies by a constant and has correct gradients ($dtype)', ({ dtype, tolerance }) => {
    const a = randomTensor(2, 2, dtype, 7);
    expect(scale(a, 3).data[0]).toBeCloseTo(a.data[0] * 3, 5);
    expect(gradientCheck(weightedSum(scale(a, -2.5)), [a]).worstRelativeError).toBeLessThan(tolerance);
  });
});
