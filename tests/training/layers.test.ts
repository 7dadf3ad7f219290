// Specification of the dense layer and the MLP builder: shapes, parameters, forward values, gradients.

import { describe, expect, it } from 'vitest';
import { createRng, dense, mlp, mse, tensor } from '../../src/training/index.ts';
import { DTYPES, randomTensor, weightedSum } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

describe('dense', () => {
  it('computes activation(x·W + b) with W inputs×outputs and a zero bias', () => {
    const layer = dense(2, 3, { activation: 'relu', rng: createRng(1), dtype: 'float64' });
    expect([layer.weights.rows, layer.weights.cols, layer.bias.rows, layer.bias.cols]).toEqual([2, 3, 1, 3]);
    expect([...layer.bias.data]).toEqual([0, 0, 0]);
    layer.weights.data.set([1, -1, 2, 0, 1, -3]);
    layer.bias.data.set([0.5, 0, 0]);
    expect([...layer.apply(tensor(1, 2, 'float64', [1, 1])).data]).toEqual([1.5, 0, 0]);
  });
  it.each(DTYPES)('has correct gradients for input, weights and bias ($dtype)', ({ dtype, tolerance }) => {
    for (const activation of ['linear', 'tanh', 'sigmoid'] as const) {
      const layer = dense(3, 4, { activation, rng: createRng(2), dtype });
      layer.bias.data.set([0.1, -0.2, 0.3, -0.4]);
      const x = randomTensor(5, 3, dtype, 3);
      const result = gradientCheck(weightedSum(layer.apply(x)), [x, layer.weights, layer.bias]);
      expect(result.worstRelativeError, activation).toBeLessThan(tolerance);
    }
  });
});

describe('mlp', () => {
  it('builds one dense layer per consecutive pair of sizes, with hidden and output activations', () => {
    const net = mlp([2, 8, 8, 1], { hidden: 'tanh', output: 'sigmoid', seed: 1 });
    expect(net.layers.map((l) => [l.weights.rows, l.weights.cols, l.activation])).toEqual([
      [2, 8, 'tanh'],
      [8, 8, 'tanh'],
      [8, 1, 'sigmoid'],
    ]);
    expect(net.parameters).toHaveLength(6);
    expect(net.weights).toHaveLength(3);
  });
  it('apply() is the output activation of logits()', () => {
    const net = mlp([2, 3, 1], { output: 'sigmoid', seed: 1, dtype: 'float64' });
    const x = randomTensor(4, 2, 'float64', 1);
    const z = net.logits(x).data,
      y = net.apply(x).data;
    z.forEach((v, i) => expect(y[i]).toBeCloseTo(1 / (1 + Math.exp(-v)), 12));
  });
  it('the same seed gives the same initial weights', () => {
    const a = mlp([2, 4, 1], { seed: 9, init: 'he' }),
      b = mlp([2, 4, 1], { seed: 9, init: 'he' });
    expect(a.parameters.map((p) => [...p.data])).toEqual(b.parameters.map((p) => [...p.data]));
  });
  it.each(DTYPES)('has correct gradients end to end through an MSE loss ($dtype)', ({ dtype, tolerance }) => {
    const net = mlp([2, 5, 4, 2], { hidden: 'tanh', output: 'sigmoid', seed: 3, dtype });
    net.layers.forEach((l) => l.bias.data.fill(0.1));
    const x = randomTensor(6, 2, dtype, 4),
      y = randomTensor(6, 2, dtype, 5, 0, 1);
    expect(gradientCheck(mse(net.apply(x), y), [...net.parameters]).worstRelativeError).toBeLessThan(tolerance);
  });
});
