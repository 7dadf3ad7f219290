// Activation functions (elementwise linear, ReLU, tanh, sigmoid; row-wise softmax), each with its
// derivative in the backward pass, plus lookup by name.

import { operation, type Tensor, tensorLike } from './tensor.ts';

export const ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** Identity: returns its input unchanged (no new node). */
export function linear(a: Tensor): Tensor {
  return a;
}

export function relu(a: Tensor): Tensor {
  const out = tensorLike(a);
  const A = a.data,
    Y = out.data,
    dA = a.grad,
    dY = out.grad;
  return operation(
    out,
    [a],
    () => {
      // biome-ignore lint/complexity/useMathMinMax: the ternary maps NaN to 0, as ReLU's definition reads, where Math.max would keep it
      for (let i = 0; i < Y.length; i++) Y[i] = A[i] > 0 ? A[i] : 0;
    },
    () => {
      for (let i = 0; i < dY.length; i++) if (A[i] > 0) dA[i] += dY[i];
    },
  );
}

export function tanh(a: Tensor): Tensor {
  const out = tensorLike(a);
  const A = a.data,
    Y = out.data,
    dA = a.grad,
    dY = out.grad;
  return operation(
    out,
    [a],
    () => {
      for (let i = 0; i < Y.length; i++) Y[i] = Math.tanh(A[i]);
    },
    () => {
      for (let i = 0; i < dY.length; i++) dA[i] += dY[i] * (1 - Y[i] * Y[i]);
    },
  );
}

export function sigmoid(a: Tensor): Tensor {
  const out = tensorLike(a);
  const A = a.data,
    Y = out.data,
    dA = a.grad,
    dY = out.grad;
  return operation(
    out,
    [a],
    () => {
      for (let i = 0; i < Y.length; i++) Y[i] = 1 / (1 + Math.exp(-A[i]));
    },
    () => {
      for (let i = 0; i < dY.length; i++) dA[i] += dY[i] * Y[i] * (1 - Y[i]);
    },
  );
}

/** Row-wise softmax (max-shifted, so large inputs do not overflow). */
export function softmax(a: Tensor): Tensor {
  const out = tensorLike(a);
  const m = a.cols;
  const A = a.data,
    Y = out.data,
    dA = a.grad,
    dY = out.grad;
  return operation(
    out,
    [a],
    () => {
      for (let r = 0; r < Y.length; r += m) {
        let max = -Infinity,
          sum = 0;
        for (let j = 0; j < m; j++) max = Math.max(max, A[r + j]);
        for (let j = 0; j < m; j++) sum += Y[r + j] = Math.exp(A[r + j] - max);
        for (let j = 0; j < m; j++) Y[r + j] /= sum;
      }
    },
    () => {
      // dA_j = y_j (dY_j − Σ_k dY_k y_k)
      for (let r = 0; r < Y.length; r += m) {
        let dot = 0;
        for (let j = 0; j < m; j++) dot += dY[r + j] * Y[r + j];
        for (let j = 0; j < m; j++) dA[r + j] += Y[r + j] * (dY[r + j] - dot);
      }
    },
  );
}

export function activate(name: ActivationName, a: Tensor): Tensor {
  return { linear, relu, tanh, sigmoid, softmax }[name](a);
}
