// Specification of Tensor and Graph: eager evaluation, re-running a fixed graph after leaf data changes,
// gradient accumulation for shared inputs, and the dtype option.

import { describe, expect, it } from 'vitest';
import { add, Graph, matmul, mse, tensor } from '../../src/training/index.ts';

describe('tensor', () => {
  it('is float32 by default and float64 on request', () => {
    expect(tensor(1, 1).data).toBeInstanceOf(Float32Array);
    expect(tensor(1, 1, 'float64').data).toBeInstanceOf(Float64Array);
    expect(tensor(1, 1, 'float64').grad).toBeInstanceOf(Float64Array);
  });
});

describe('Graph', () => {
  it('orders operations after their inputs and evaluates eagerly on construction', () => {
    const a = tensor(1, 1, 'float64', [2]),
      b = tensor(1, 1, 'float64', [3]);
    const c = matmul(a, b);
    expect(c.data[0]).toBe(6);
    const graph = new Graph(c);
    expect(graph.order.indexOf(c)).toBe(graph.order.length - 1);
  });
  it('forward() recomputes after leaf data changes, without building new tensors', () => {
    const x = tensor(1, 1, 'float64', [1]),
      y = tensor(1, 1, 'float64', [0]);
    const graph = new Graph(mse(x, y));
    const size = graph.order.length;
    x.data[0] = 3;
    expect(graph.forward()).toBe(9);
    expect(graph.order.length).toBe(size);
  });
  it('backward() zeroes old gradients and accumulates over every use of a tensor', () => {
    const x = tensor(1, 1, 'float64', [3]);
    const graph = new Graph(matmul(add(x, x), x)); // f = 2x², f' = 4x
    graph.backward();
    graph.backward();
    expect(x.grad[0]).toBe(12);
  });
});
