// Test helper: seeded random leaf tensors and a reduction to a scalar so any op can be gradient-checked.

import { createRng, type DType, matmul, type Tensor, tensor } from '../../src/training/index.ts';

/** rows×cols tensor with values uniform in [low, high), from `seed`. */
export function randomTensor(rows: number, cols: number, dtype: DType, seed: number, low = -1, high = 1): Tensor {
  const rng = createRng(seed);
  const t = tensor(rows, cols, dtype);
  for (let i = 0; i < t.data.length; i++) t.data[i] = low + (high - low) * rng.next();
  return t;
}

/**
 * A scalar that depends on every element of `t` with a different random weight:
 * sum over (t · v)·uᵀ. Ensures the upstream gradient is not uniform.
 */
export function weightedSum(t: Tensor, seed = 99): Tensor {
  const v = randomTensor(t.cols, 1, t.dtype, seed);
  const u = randomTensor(1, t.rows, t.dtype, seed + 1);
  return matmul(u, matmul(t, v));
}

export const DTYPES: { dtype: DType; tolerance: number }[] = [
  { dtype: 'float64', tolerance: 1e-6 },
  { dtype: 'float32', tolerance: 1e-2 },
];
