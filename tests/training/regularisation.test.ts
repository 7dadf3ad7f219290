// Specification of the L1 and L2 penalty terms: values and (sub)gradients.

import { describe, expect, it } from 'vitest';
import { l1, l2, tensor } from '../../src/training/index.ts';
import { DTYPES, randomTensor } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

describe('regularisation values', () => {
  const weights = () => [tensor(1, 2, 'float64', [1, -2]), tensor(1, 1, 'float64', [3])];
  it('L1 is rate · Σ|w| over all given tensors', () => expect(l1(weights(), 0.1).data[0]).toBeCloseTo(0.6, 12));
  it('L2 is rate · ½Σw² over all given tensors', () => expect(l2(weights(), 0.1).data[0]).toBeCloseTo(0.7, 12));
});

describe.each(DTYPES)('regularisation gradients ($dtype)', ({ dtype, tolerance }) => {
  it.each([
    ['l1', l1],
    ['l2', l2],
  ] as const)('%s', (_name, penalty) => {
    const a = randomTensor(2, 3, dtype, 1),
      b = randomTensor(3, 1, dtype, 2);
    for (const t of [a, b]) for (let i = 0; i < t.data.length; i++) t.data[i] += t.data[i] >= 0 ? 0.05 : -0.05; // away from |w|'s kink
    expect(gradientCheck(penalty([a, b], 0.3), [a, b]).worstRelativeError).toBeLessThan(tolerance);
  });
});
