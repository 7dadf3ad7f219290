// Low-rank adaptation (LoRA) of dense layers: y = activation(x·W + (α/r)·(x·A)·B + b) with the layer's own
// W and b frozen and only the rank-r factors trained: A (inputs×r) starts random and B (r×outputs) at zero,
// so an adapted layer first computes exactly what the original did.

import { activate } from './activations.ts';
import type { Dense } from './dense.ts';
import { initialise } from './initialisers.ts';
import { type Mlp, stack } from './mlp.ts';
import { add, addBias, matmul, scale } from './ops.ts';
import type { Rng } from './rng.ts';
import { type Tensor, tensor } from './tensor.ts';

export interface LowRankDense extends Dense {
  /** inputs × rank */
  readonly a: Tensor;
  /** rank × outputs */
  readonly b: Tensor;
}

/** Wraps `base` (whose weights and bias are frozen in place) with trainable factors A and B; α defaults to r. */
export function lowRankDense(base: Dense, rank: number, rng: Rng, alpha = rank): LowRankDense {
  const { weights, bias, activation } = base;
  weights.frozen = bias.frozen = true;
  const a = tensor(weights.rows, rank, weights.dtype),
    b = tensor(rank, weights.cols, weights.dtype);
  initialise('xavier', a.data, weights.rows, rank, rng);
  const preActivation = (x: Tensor): Tensor => addBias(add(matmul(x, weights), scale(matmul(matmul(x, a), b), alpha / rank)), bias);
  return { weights, bias, activation, a, b, preActivation, apply: (x) => activate(activation, preActivation(x)), parameters: () => [weights, bias, a, b] };
}

/** Every layer of `model` low-rank adapted (the model's own tensors are frozen and shared, not copied). */
export function lowRankMlp(model: Mlp, rank: number, rng: Rng): Mlp {
  return stack(model.layers.map((layer) => lowRankDense(layer, rank, rng)));
}
