// Test helper: compares reverse-mode gradients of a scalar-valued graph with central finite differences.

import { Graph, type Tensor } from '../../src/training/index.ts';

export interface GradientCheckResult {
  /** Largest |analytic − numeric| / max(1, |analytic|, |numeric|) over every checked leaf element. */
  worstRelativeError: number;
  checked: number;
}

/**
 * `root` must be a 1×1 tensor built from `leaves`. Every element of every leaf is nudged by ±step
 * (re-reading the stored value, so float32 rounding of the nudge is accounted for).
 */
export function gradientCheck(root: Tensor, leaves: Tensor[], step = root.dtype === 'float64' ? 1e-6 : 1e-2): GradientCheckResult {
  const graph = new Graph(root);
  graph.forward();
  graph.backward();
  const analytic = leaves.map((leaf) => Float64Array.from(leaf.grad));
  let worstRelativeError = 0,
    checked = 0;
  leaves.forEach((leaf, k) => {
    for (let i = 0; i < leaf.data.length; i++) {
      const original = leaf.data[i];
      leaf.data[i] = original + step;
      const up = leaf.data[i],
        lossUp = graph.forward();
      leaf.data[i] = original - step;
      const down = leaf.data[i],
        lossDown = graph.forward();
      leaf.data[i] = original;
      const numeric = (lossUp - lossDown) / (up - down);
      const a = analytic[k][i];
      worstRelativeError = Math.max(worstRelativeError, Math.abs(a - numeric) / Math.max(1, Math.abs(a), Math.abs(numeric)));
      checked++;
    }
  });
  graph.forward();
  return { worstRelativeError, checked };
}

export const FLOAT64_TOLERANCE = 1e-6;
export const FLOAT32_TOLERANCE = 1e-2;
