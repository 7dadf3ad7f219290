// Specification of the optimisers: update rules on known gradients, convergence on a quadratic,
// and the finiteness checksum that step() returns.

import { describe, expect, it } from 'vitest';
import { adam, createOptimiser, Graph, momentum, mse, sgd, tensor } from '../../src/training/index.ts';

const param = (values: number[]) => tensor(1, values.length, 'float64', values);

describe('sgd', () => {
  it('moves each weight by −learningRate · gradient and returns the sum of the new weights', () => {
    const w = param([1, 2]);
    w.grad.set([0.5, -1]);
    expect(sgd([w], { learningRate: 0.1 }).step()).toBeCloseTo(0.95 + 2.1, 12);
    expect([...w.data]).toEqual([0.95, 2.1]);
  });
  it('reads learningRate at every step, so it can be changed while training', () => {
    const w = param([0]);
    const opt = sgd([w], { learningRate: 1 });
    w.grad[0] = 1;
    opt.learningRate = 0.5;
    opt.step();
    expect(w.data[0]).toBe(-0.5);
  });
  it('returns a non-finite checksum when a weight overflows', () => {
    const w = tensor(1, 1, 'float32', [1]);
    w.grad[0] = -1e38;
    expect(Number.isFinite(sgd([w], { learningRate: 100 }).step())).toBe(false);
  });
});

describe('momentum', () => {
  it('accumulates velocity v ← βv + g and steps by −lr·v', () => {
    const w = param([0]);
    const opt = momentum([w], { learningRate: 1, beta1: 0.5 });
    w.grad[0] = 1;
    opt.step(); // v = 1
    opt.step(); // v = 1.5
    expect(w.data[0]).toBe(-2.5);
  });
});

describe('adam', () => {
  it('first step moves every weight by ≈ learningRate against the gradient sign', () => {
    const w = param([0, 0]);
    w.grad.set([1e-3, -50]);
    adam([w], { learningRate: 0.01 }).step();
    expect(w.data[0]).toBeCloseTo(-0.01, 4);
    expect(w.data[1]).toBeCloseTo(0.01, 4);
  });
});

describe.each(['sgd', 'momentum', 'adam'] as const)('%s on a quadratic', (name) => {
  it('converges to the minimum of mean((w − target)²)', () => {
    const w = param([5, -3]),
      target = param([1, 2]);
    const graph = new Graph(mse(w, target));
    const opt = createOptimiser(name, [w], { learningRate: name === 'adam' ? 0.05 : 0.1 });
    for (let i = 0; i < 2000; i++) {
      graph.forward();
      graph.backward();
      opt.step();
    }
    expect(w.data[0]).toBeCloseTo(1, 3);
    expect(w.data[1]).toBeCloseTo(2, 3);
  });
});
