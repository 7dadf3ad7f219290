// Optimisers that update parameters in place from their gradients: SGD, SGD with momentum, Adam.
// Frozen parameters are skipped. `step()` returns the sum of all updated values as stored (rounded) — NaN or
// ±Infinity iff some weight is no longer finite.

import type { Tensor, TensorData } from './tensor.ts';

export const OPTIMISERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimiserName = (typeof OPTIMISERS)[number];

export interface Optimiser {
  learningRate: number;
  /** Applies one update; returns a checksum of the new weights (non-finite ⇒ diverged). */
  step(): number;
}

export interface OptimiserOptions {
  learningRate: number;
  /** Momentum coefficient (momentum) or first-moment decay (Adam). */
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

/**
 * An optimiser whose `update` moves one tensor's values (w) along its gradient (g) with its own state slot k
 * and returns their new sum; frozen tensors are skipped. `prepare` runs once per step (Adam's step count).
 */
function optimiser(
  parameters: readonly Tensor[],
  learningRate: number,
  update: (w: TensorData, g: TensorData, k: number, lr: number) => number,
  prepare = (lr: number): number => lr,
): Optimiser {
  const self: Optimiser = {
    learningRate,
    step() {
      const lr = prepare(self.learningRate);
      let checksum = 0;
      parameters.forEach((p, k) => {
        if (!p.frozen) checksum += update(p.data, p.grad, k, lr);
      });
      return checksum;
    },
  };
  return self;
}

const state = (parameters: readonly Tensor[]): Float64Array[] => parameters.map((p) => new Float64Array(p.data.length));

/** w ← w − lr·g */
export function sgd(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  return optimiser(parameters, options.learningRate, (w, g, _k, lr) => {
    let sum = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] -= lr * g[i];
      sum += w[i];
    }
    return sum;
  });
}

/** v ← β·v + g ; w ← w − lr·v */
export function momentum(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  const beta = options.beta1 ?? 0.9,
    velocity = state(parameters);
  return optimiser(parameters, options.learningRate, (w, g, k, lr) => {
    const v = velocity[k];
    let sum = 0;
    for (let i = 0; i < w.length; i++) {
      v[i] = beta * v[i] + g[i];
      w[i] -= lr * v[i];
      sum += w[i];
    }
    return sum;
  });
}

/** Adam with bias-corrected first and second moments. */
export function adam(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  const first = state(parameters),
    second = state(parameters);
  let t = 0;
  return optimiser(
    parameters,
    options.learningRate,
    (w, g, k, lr) => {
      const m = first[k],
        v = second[k];
      let sum = 0;
      for (let i = 0; i < w.length; i++) {
        m[i] = beta1 * m[i] + (1 - beta1) * g[i];
        v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        w[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + epsilon);
        sum += w[i];
      }
      return sum;
    },
    (lr) => {
      t++;
      return (lr * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
    },
  );
}

export function createOptimiser(name: OptimiserName, parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  return { sgd, momentum, adam }[name](parameters, options);
}
