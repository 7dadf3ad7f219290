// Specification of the trainer: it fits a noisy line and XOR, is bit-for-bit deterministic for a seed,
// and reports divergence (NaN/Inf loss or weights) and then refuses to continue.

import { describe, expect, it } from 'vitest';
import { circles, createTrainer, LINE_INTERCEPT, LINE_SLOPE, mlp, noisyLine, spirals, splitDataSet, xor } from '../../src/training/index.ts';

describe('convergence', () => {
  it('linear regression recovers the true slope and intercept of a noisy line', () => {
    const data = noisyLine({ count: 200, noise: 0.1, seed: 1 });
    const model = mlp([1, 1], { output: 'linear', seed: 1 });
    const trainer = createTrainer({ model, loss: 'mse', learningRate: 0.5, batchSize: 200 });
    for (let i = 0; i < 300; i++) trainer.trainEpoch(data);
    expect(model.layers[0].weights.data[0]).toBeCloseTo(LINE_SLOPE, 1);
    expect(model.layers[0].bias.data[0]).toBeCloseTo(LINE_INTERCEPT, 1);
  });
  it('a 2-6-1 tanh/sigmoid MLP learns XOR to 100% training accuracy', () => {
    const data = xor({ count: 80, noise: 0, seed: 2 });
    const trainer = createTrainer({
      model: mlp([2, 6, 1], { hidden: 'tanh', output: 'sigmoid', seed: 3 }),
      loss: 'bce',
      optimiser: 'adam',
      learningRate: 0.05,
    });
    for (let i = 0; i < 300; i++) trainer.trainEpoch(data);
    expect(trainer.evaluate(data).accuracy).toBe(1);
  });
  it('mini-batch SGD fits circles, and evaluate() reports loss and accuracy on held-out data', () => {
    const { train, test } = splitDataSet(circles({ count: 300, noise: 0.05, seed: 1 }), 0.3, 1);
    const trainer = createTrainer({ model: mlp([2, 8, 8, 1], { output: 'sigmoid', seed: 1 }), loss: 'bce', learningRate: 0.1, batchSize: 10 });
    const before = trainer.evaluate(train).loss;
    for (let i = 0; i < 100; i++) trainer.trainEpoch(train);
    expect(trainer.evaluate(train).loss).toBeLessThan(before * 0.2);
    expect(trainer.evaluate(test).accuracy).toBeGreaterThan(0.95);
  });
  it('L2 regularisation shrinks weights compared with no regularisation', () => {
    const data = xor({ count: 60, seed: 5 });
    const norm = (reg: 'none' | 'l2') => {
      const model = mlp([2, 6, 1], { output: 'sigmoid', seed: 5 });
      const trainer = createTrainer({ model, loss: 'bce', learningRate: 0.1, regularisation: reg, regularisationRate: 0.05 });
      for (let i = 0; i < 100; i++) trainer.trainEpoch(data);
      return model.weights.reduce((s, w) => s + Array.from(w.data).reduce((a, v) => a + v * v, 0), 0);
    };
    expect(norm('l2')).toBeLessThan(norm('none'));
  });
});

describe('determinism', () => {
  it('two runs with the same seeds give bit-identical weights and losses', () => {
    const run = () => {
      const data = spirals({ count: 100, noise: 0.1, seed: 7 });
      const model = mlp([2, 8, 8, 1], { output: 'sigmoid', init: 'he', hidden: 'relu', seed: 7 });
      const trainer = createTrainer({ model, loss: 'bce', optimiser: 'adam', learningRate: 0.01, seed: 7 });
      const losses = Array.from({ length: 20 }, () => trainer.trainEpoch(data).loss);
      return { losses, weights: model.parameters.map((p) => [...p.data]) };
    };
    expect(run()).toEqual(run());
  });
});

describe('divergence', () => {
  it('a huge learning rate on regression is reported as diverged, and later steps do not update', () => {
    const data = noisyLine({ count: 50, seed: 1 });
    const model = mlp([1, 1], { seed: 1 });
    const trainer = createTrainer({ model, loss: 'mse', learningRate: 10, batchSize: 50 });
    let result = trainer.trainEpoch(data);
    for (let i = 0; i < 200 && !result.diverged; i++) result = trainer.trainEpoch(data);
    expect(result.diverged).toBe(true);
    expect(trainer.diverged).toBe(true);
    const frozen = [...model.parameters[0].data],
      steps = trainer.steps;
    expect(trainer.trainEpoch(data).diverged).toBe(true);
    expect([...model.parameters[0].data]).toEqual(frozen);
    expect(trainer.steps).toBe(steps);
  });
  it('a non-finite input that makes the loss NaN is reported on that very step', () => {
    const data = noisyLine({ count: 4, seed: 1 });
    data.inputs[0] = NaN;
    const trainer = createTrainer({ model: mlp([1, 1]), loss: 'mse', batchSize: 4 });
    expect(trainer.trainRows(data)).toMatchObject({ diverged: true });
  });
});

describe('predict', () => {
  it('returns count × outputs values in [0, 1] for a sigmoid output', () => {
    const trainer = createTrainer({ model: mlp([2, 3, 1], { output: 'sigmoid' }), loss: 'bce' });
    const out = trainer.predict([0, 0, 1, 1, -1, 0.5], 3);
    expect(out).toHaveLength(3);
    expect([...out].every((p) => p > 0 && p < 1)).toBe(true);
  });
});

describe('input caching', () => {
  it('evaluate() after predict() on the same number of rows uses the data set, not the predicted inputs', () => {
    const data = xor({ count: 8, seed: 1 });
    const trainer = createTrainer({ model: mlp([2, 3, 1], { output: 'sigmoid' }), loss: 'bce' });
    const first = trainer.evaluate(data);
    trainer.predict(new Float64Array(16).fill(5), 8);
    expect(trainer.evaluate(data)).toEqual(first);
  });
});
