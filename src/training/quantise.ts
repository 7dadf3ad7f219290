// Weight quantisation: a matrix stored as a small number per value (its level) and a scale and offset per
// group of values (the whole tensor, each output column, or runs down each column): w ≈ level·scale + offset.
// Integer levels of any width, symmetric (−(2^(b−1)−1)…2^(b−1)−1, offset 0) or asymmetric (0…2^b−1 from the
// group's minimum), and FP4 E2M1 levels (±0, 0.5, 1, 1.5, 2, 3, 4, 6) with a power-of-two scale (MXFP4 with
// groups of 32). `dequantise` is a graph op, differentiable in the scales and offsets.

import { operation, type Tensor, tensor } from './tensor.ts';

export interface QuantFormat {
  /** Bits per stored level. */
  readonly bits: number;
  /** Symmetric: offset 0 and the scale from the largest |w|; otherwise levels span [min w, max w]. */
  readonly symmetric: boolean;
  /** E2M1 levels (4-bit float) with a power-of-two scale per group, as in MXFP4. */
  readonly e2m1?: boolean;
}

/** The largest level of a format (6 for E2M1). */
export function topLevel({ bits, symmetric, e2m1 }: QuantFormat): number {
  return e2m1 ? 6 : symmetric ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
}

export interface Quantised {
  readonly rows: number;
  readonly cols: number;
  readonly format: QuantFormat;
  /** The stored level of each value (row-major): an integer, or an E2M1 value. */
  readonly levels: Float64Array;
  /** Group of each value. */
  readonly groups: Uint32Array;
  /** 1×groups each. */
  readonly scale: Tensor;
  readonly offset: Tensor;
}

/**
 * Quantises a rows×cols matrix. `group` 0: one scale for the whole tensor; g > 0: one per run of g values
 * down each column (g ≥ rows: one per output column, i.e. per channel). Levels round to nearest.
 */
export function quantise(w: Tensor, format: QuantFormat, group = 0): Quantised {
  const { rows, cols, data } = w,
    { symmetric, e2m1 } = format,
    top = topLevel(format);
  const runs = Math.ceil(rows / group) || 1,
    count = group ? cols * runs : 1;
  const groups = Uint32Array.from(data, (_, i) => (group ? (i % cols) * runs + Math.floor(i / cols / group) : 0));
  const scale = tensor(1, count, 'float64'),
    offset = tensor(1, count, 'float64');
  for (let g = 0; g < count; g++) {
    const members = data.filter((_, i) => groups[i] === g),
      low = Math.min(...members),
      high = Math.max(...members);
    const s = e2m1 ? 2 ** (Math.floor(Math.log2(Math.max(-low, high))) - 2) : (symmetric ? Math.max(-low, high) : high - low) / top;
    scale.data[g] = s > 0 && s < Infinity ? s : 1;
    offset.data[g] = symmetric ? 0 : low;
  }
  const levels = Float64Array.from(data, (v, i) => {
    const x = (v - offset.data[groups[i]]) / scale.data[groups[i]],
      step = e2m1 ? (Math.abs(x) < 2 ? 0.5 : Math.abs(x) < 4 ? 1 : 2) : 1;
    return Math.min(top, Math.max(symmetric ? -top : 0, Math.round(x / step) * step)); // E2M1 spacing: 0.5 below 2, 1 up to 4, then 2
  });
  return { rows, cols, format, levels, groups, scale, offset };
}

/** w = level·scale[group] + offset[group], as a rows×cols tensor (float64). */
export function dequantise(q: Quantised): Tensor {
  const { levels, groups, scale, offset } = q;
  const out = tensor(q.rows, q.cols, 'float64');
  const W = out.data,
    dW = out.grad;
  return operation(
    out,
    [scale, offset],
    () => {
      for (let i = 0; i < W.length; i++) W[i] = levels[i] * scale.data[groups[i]] + offset.data[groups[i]];
    },
    () => {
      for (let i = 0; i < W.length; i++) {
        scale.grad[groups[i]] += dW[i] * levels[i];
        offset.grad[groups[i]] += dW[i];
      }
    },
  );
}
