// Optimisers that update parameters in place from their gradients: SGD, SGD with momentum, Adam.
// `step()` returns the sum of all stored (rounded) values — NaN or ±Infinity iff some weight is no longer finite.

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

const stateLike = (p: Tensor): TensorData => new Float64Array(p.data.length);

export function sgd(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  const optimiser: Optimiser = {
    learningRate: options.learningRate,
    step() {
      const lr = optimiser.learningRate;
      let checksum = 0;
      for (const p of parameters) {
        const w = p.data, g = p.grad;
        for (let i = 0; i < w.length; i++) { w[i] -= lr * g[i]; checksum += w[i]; }
      }
      return checksum;
    },
  };
  return optimiser;
}

/** v ← β·v + g ; w ← w − lr·v */
export function momentum(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  const beta = options.beta1 ?? 0.9;
  const velocity = parameters.map(stateLike);
  const optimiser: Optimiser = {
    learningRate: options.learningRate,
    step() {
      const lr = optimiser.learningRate;
      let checksum = 0;
      parameters.forEach((p, k) => {
        const w = p.data, g = p.grad, v = velocity[k];
        for (let i = 0; i < w.length; i++) { v[i] = beta * v[i] + g[i]; w[i] -= lr * v[i]; checksum += w[i]; }
      });
      return checksum;
    },
  };
  return optimiser;
}

/** Adam with bias-corrected first and second moments. */
export function adam(parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8 } = options;
  const first = parameters.map(stateLike), second = parameters.map(stateLike);
  let t = 0;
  const optimiser: Optimiser = {
    learningRate: options.learningRate,
    step() {
      t++;
      const lr = (optimiser.learningRate * Math.sqrt(1 - beta2 ** t)) / (1 - beta1 ** t);
      let checksum = 0;
      parameters.forEach((p, k) => {
        const w = p.data, g = p.grad, m = first[k], v = second[k];
        for (let i = 0; i < w.length; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          w[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + epsilon);
          checksum += w[i];
        }
      });
      return checksum;
    },
  };
  return optimiser;
}

export function createOptimiser(name: OptimiserName, parameters: readonly Tensor[], options: OptimiserOptions): Optimiser {
  return { sgd, momentum, adam }[name](parameters, options);
}
