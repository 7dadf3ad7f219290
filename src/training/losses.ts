// Loss functions: prediction and target tensors in, a 1×1 mean loss out, each with its gradient
// with respect to the prediction. Targets are treated as constants.

import { operation, type Tensor, tensor } from './tensor.ts';

/** Probabilities are clamped to [EPSILON, 1 − EPSILON] before taking logs. */
export const PROBABILITY_EPSILON = 1e-7;

function scalarLoss(prediction: Tensor, target: Tensor, forward: (out: Tensor) => void, backward: (seed: number) => void): Tensor {
  if (prediction.rows !== target.rows || prediction.cols !== target.cols) throw new Error('shape mismatch: loss');
  const out = tensor(1, 1, prediction.dtype);
  return operation(
    out,
    [prediction, target],
    () => forward(out),
    () => backward(out.grad[0]),
  );
}

const clampProbability = (p: number): number => Math.min(1 - PROBABILITY_EPSILON, Math.max(PROBABILITY_EPSILON, p));

/** Mean squared error: mean((p − t)²). */
export function mse(prediction: Tensor, target: Tensor): Tensor {
  const P = prediction.data,
    T = target.data,
    dP = prediction.grad,
    n = P.length;
  return scalarLoss(
    prediction,
    target,
    (out) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (P[i] - T[i]) ** 2;
      out.data[0] = s / n;
    },
    (seed) => {
      const k = (2 * seed) / n;
      for (let i = 0; i < n; i++) dP[i] += k * (P[i] - T[i]);
    },
  );
}

/** Binary cross-entropy from probabilities (clamped away from 0 and 1). */
export function binaryCrossEntropy(probability: Tensor, target: Tensor): Tensor {
  const P = probability.data,
    T = target.data,
    dP = probability.grad,
    n = P.length;
  return scalarLoss(
    probability,
    target,
    (out) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const p = clampProbability(P[i]);
        s -= T[i] * Math.log(p) + (1 - T[i]) * Math.log(1 - p);
      }
      out.data[0] = s / n;
    },
    (seed) => {
      for (let i = 0; i < n; i++) {
        const p = clampProbability(P[i]);
        dP[i] += (seed * (p - T[i])) / (p * (1 - p) * n);
      }
    },
  );
}

/** Binary cross-entropy from logits z, stable for any z: max(z,0) − z·t + log(1 + e^−|z|). */
export function binaryCrossEntropyWithLogits(logit: Tensor, target: Tensor): Tensor {
  const Z = logit.data,
    T = target.data,
    dZ = logit.grad,
    n = Z.length;
  return scalarLoss(
    logit,
    target,
    (out) => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const z = Z[i];
        s += Math.max(z, 0) - z * T[i] + Math.log1p(Math.exp(-Math.abs(z)));
      }
      out.data[0] = s / n;
    },
    (seed) => {
      const k = seed / n;
      for (let i = 0; i < n; i++) dZ[i] += k * (1 / (1 + Math.exp(-Z[i])) - T[i]);
    },
  );
}

/** Categorical cross-entropy from row-wise probabilities and one-hot targets: mean over rows of −Σ t·log p. */
export function categoricalCrossEntropy(probability: Tensor, target: Tensor): Tensor {
  const P = probability.data,
    T = target.data,
    dP = probability.grad,
    rows = probability.rows;
  return scalarLoss(
    probability,
    target,
    (out) => {
      let s = 0;
      for (let i = 0; i < P.length; i++) if (T[i]) s -= T[i] * Math.log(clampProbability(P[i]));
      out.data[0] = s / rows;
    },
    (seed) => {
      for (let i = 0; i < P.length; i++) if (T[i]) dP[i] -= (seed * T[i]) / (clampProbability(P[i]) * rows);
    },
  );
}

/** Softmax + categorical cross-entropy fused on logits (stable; gradient softmax − t). */
export function softmaxCrossEntropyWithLogits(logit: Tensor, target: Tensor): Tensor {
  const Z = logit.data,
    T = target.data,
    dZ = logit.grad,
    m = logit.cols,
    rows = logit.rows;
  const probability = new Float64Array(Z.length);
  return scalarLoss(
    logit,
    target,
    (out) => {
      let s = 0;
      for (let r = 0; r < Z.length; r += m) {
        let max = -Infinity,
          sum = 0;
        for (let j = 0; j < m; j++) max = Math.max(max, Z[r + j]);
        for (let j = 0; j < m; j++) sum += probability[r + j] = Math.exp(Z[r + j] - max);
        const logSum = Math.log(sum) + max;
        for (let j = 0; j < m; j++) {
          probability[r + j] /= sum;
          s -= T[r + j] * (Z[r + j] - logSum);
        }
      }
      out.data[0] = s / rows;
    },
    (seed) => {
      const k = seed / rows;
      for (let i = 0; i < Z.length; i++) dZ[i] += k * (probability[i] - T[i]);
    },
  );
}
