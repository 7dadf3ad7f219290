// Weight-penalty terms added to a loss: L1 = rate·Σ|w| and L2 = rate·½Σw², over one or more tensors,
// with their (sub)gradients.

import { operation, type Tensor, tensor } from './tensor.ts';

function penalty(weights: Tensor[], rate: number, value: (w: number) => number, slope: (w: number) => number): Tensor {
  const out = tensor(1, 1, weights[0]?.dtype ?? 'float32');
  return operation(
    out,
    weights,
    () => {
      let s = 0;
      for (const w of weights) for (let i = 0; i < w.data.length; i++) s += value(w.data[i]);
      out.data[0] = rate * s;
    },
    () => {
      const k = rate * out.grad[0];
      for (const w of weights) for (let i = 0; i < w.data.length; i++) w.grad[i] += k * slope(w.data[i]);
    },
  );
}

export function l1(weights: Tensor[], rate: number): Tensor {
  return penalty(weights, rate, Math.abs, Math.sign);
}

export function l2(weights: Tensor[], rate: number): Tensor {
  return penalty(
    weights,
    rate,
    (w) => 0.5 * w * w,
    (w) => w,
  );
}
