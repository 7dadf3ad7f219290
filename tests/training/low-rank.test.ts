// Specification of frozen parameters and low-rank adaptation: optimisers leave frozen tensors alone while
// gradients still flow through them; a LoRA layer starts equal to its base layer, trains only A and B, and
// has correct gradients for its input, its factors and (frozen or not) its base weights.

import { describe, expect, it } from 'vitest';
import {
  adam,
  createRng,
  createTrainer,
  dense,
  lowRankDense,
  lowRankMlp,
  mlp,
  momentum,
  mse,
  sgd,
  splitDataSet,
  tensor,
  xor,
} from '../../src/training/index.ts';
import { DTYPES, randomTensor, weightedSum } from './fixtures.ts';
import { gradientCheck } from './gradient-check.ts';

describe('frozen parameters', () => {
  it.each([
    ['sgd', sgd],
    ['momentum', momentum],
    ['adam', adam],
  ] as const)('%s leaves a frozen tensor unchanged and updates the others', (_, make) => {
    const frozen = tensor(1, 2, 'float64', [1, 2]),
      free = tensor(1, 2, 'float64', [1, 2]);
    frozen.frozen = true;
    frozen.grad.set([1, 1]);
    free.grad.set([1, 1]);
    make([frozen, free], { learningRate: 0.1 }).step();
    expect([...frozen.data]).toEqual([1, 2]);
    expect(free.data[0]).toBeLessThan(1);
  });
  it.each(DTYPES)('gradients still flow through a frozen layer to what comes before it ($dtype)', ({ dtype, tolerance }) => {
    const layer = dense(3, 2, { activation: 'tanh', rng: createRng(4), dtype });
    layer.weights.frozen = layer.bias.frozen = true;
    const x = randomTensor(4, 3, dtype, 5);
    expect(gradientCheck(weightedSum(layer.apply(x)), [x, layer.weights, layer.bias]).worstRelativeError).toBeLessThan(tolerance);
  });
});

describe('lowRankDense', () => {
  it('has factors A (inputs×r, random) and B (r×outputs, zero), so it starts equal to the base layer', () => {
    const base = dense(5, 3, { activation: 'tanh', rng: createRng(1), dtype: 'float64' });
    base.bias.data.set([0.1, -0.2, 0.3]);
    const x = randomTensor(4, 5, 'float64', 2);
    const before = [...base.apply(x).data];
    const adapted = lowRankDense(base, 2, createRng(3));
    expect([adapted.a.rows, adapted.a.cols, adapted.b.rows, adapted.b.cols]).toEqual([5, 2, 2, 3]);
    expect([...adapted.a.data].some((v) => v !== 0)).toBe(true);
    expect([...adapted.b.data].every((v) => v === 0)).toBe(true);
    expect([...adapted.apply(x).data]).toEqual(before);
  });
  it('freezes the base weights and bias; A and B are trainable; parameters() lists all four', () => {
    const base = dense(4, 4, { rng: createRng(1) });
    const adapted = lowRankDense(base, 1, createRng(2));
    expect(adapted.parameters()).toEqual([base.weights, base.bias, adapted.a, adapted.b]);
    expect(adapted.parameters().map((p) => p.frozen)).toEqual([true, true, false, false]);
  });
  it('computes activation(x·W + (α/r)·x·A·B + b)', () => {
    const base = dense(2, 2, { rng: createRng(1), dtype: 'float64' });
    base.weights.data.set([1, 0, 0, 1]);
    const adapted = lowRankDense(base, 1, createRng(1), 2);
    adapted.a.data.set([1, 2]);
    adapted.b.data.set([3, -1]);
    // x·A = 1·1 + 1·2 = 3 ; (α/r)·3·[3, −1] = [18, −6] ; plus x·W = [1, 1]
    expect([...adapted.apply(tensor(1, 2, 'float64', [1, 1])).data]).toEqual([19, -5]);
  });
  it.each(DTYPES)('has correct gradients for the input, A, B and the (frozen) base weights ($dtype)', ({ dtype, tolerance }) => {
    for (const activation of ['linear', 'tanh', 'sigmoid'] as const) {
      const base = dense(4, 3, { activation, rng: createRng(6), dtype });
      const adapted = lowRankDense(base, 2, createRng(7));
      adapted.b.data.set(randomTensor(2, 3, dtype, 8).data); // B = 0 would hide errors in A's gradient
      const x = randomTensor(5, 4, dtype, 9);
      expect(gradientCheck(weightedSum(adapted.apply(x)), [x, adapted.a, adapted.b, base.weights, base.bias]).worstRelativeError, activation).toBeLessThan(
        tolerance,
      );
    }
  });
});

describe('lowRankMlp', () => {
  it('adapts every layer; training changes only A and B, and fits a task the base model did not learn', () => {
    const base = mlp([2, 8, 1], { hidden: 'tanh', output: 'sigmoid', seed: 1 });
    // non-zero (frozen) biases, as a trained model has: with zero biases a tanh network is an odd function and cannot fit XOR
    const rng = createRng(9);
    for (const layer of base.layers)
      layer.bias.data.forEach((_, i) => {
        layer.bias.data[i] = 2 * rng.next() - 1;
      });
    const frozenValues = base.parameters.map((p) => [...p.data]);
    const adapted = lowRankMlp(base, 2, createRng(2));
    expect(adapted.layers).toHaveLength(2);
    expect(adapted.parameters.filter((p) => !p.frozen).reduce((n, p) => n + p.data.length, 0)).toBe((2 + 8) * 2 + (8 + 1) * 2);
    const { train } = splitDataSet(xor({ count: 120, seed: 3 }), 0.3, 3);
    const trainer = createTrainer({ model: adapted, loss: 'bce', optimiser: 'adam', learningRate: 0.05 });
    const before = trainer.evaluate(train).accuracy;
    for (let i = 0; i < 100; i++) trainer.trainEpoch(train);
    expect(base.parameters.map((p) => [...p.data])).toEqual(frozenValues);
    expect(trainer.evaluate(train).accuracy).toBeGreaterThan(Math.max(0.9, before));
  });
  it.each(DTYPES)('end to end gradients through an MSE loss match finite differences ($dtype)', ({ dtype, tolerance }) => {
    const base = mlp([3, 4, 2], { hidden: 'tanh', output: 'sigmoid', seed: 4, dtype });
    const adapted = lowRankMlp(base, 2, createRng(5));
    for (const p of adapted.parameters) if (!p.frozen && p.data.every((v) => v === 0)) p.data.fill(0.1); // B starts at zero
    const x = randomTensor(4, 3, dtype, 6),
      y = randomTensor(4, 2, dtype, 7, 0, 1);
    expect(
      gradientCheck(
        mse(adapted.apply(x), y),
        adapted.parameters.filter((p) => !p.frozen),
      ).worstRelativeError,
    ).toBeLessThan(tolerance);
  });
});
