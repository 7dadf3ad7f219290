// Multi-layer perceptron builder: a stack of dense layers from a list of layer sizes,
// one activation for hidden layers and one for the output.

import { activate, type ActivationName } from './activations.ts';
import { dense, type Dense } from './dense.ts';
import type { InitialiserName } from './initialisers.ts';
import { createRng, type Rng } from './rng.ts';
import type { DType, Tensor } from './tensor.ts';

export interface MlpOptions {
  hidden?: ActivationName;
  output?: ActivationName;
  init?: InitialiserName;
  dtype?: DType;
  rng?: Rng;
  seed?: number;
}

export interface Mlp {
  readonly sizes: readonly number[];
  readonly layers: readonly Dense[];
  /** Weights then bias of every layer, in order. */
  readonly parameters: readonly Tensor[];
  readonly weights: readonly Tensor[];
  readonly outputActivation: ActivationName;
  readonly dtype: DType;
  /** Everything but the output activation (for fused, numerically stable losses). */
  logits(x: Tensor): Tensor;
  apply(x: Tensor): Tensor;
}

/** sizes = [inputs, hidden…, outputs]; e.g. [2, 8, 8, 1]. */
export function mlp(sizes: readonly number[], options: MlpOptions = {}): Mlp {
  const { hidden = 'tanh', output = 'linear', init = 'xavier', dtype = 'float32' } = options;
  const rng = options.rng ?? createRng(options.seed ?? 1);
  const layers: Dense[] = [];
  for (let i = 1; i < sizes.length; i++) {
    layers.push(dense(sizes[i - 1], sizes[i], { activation: i === sizes.length - 1 ? output : hidden, init, dtype, rng }));
  }
  const logits = (x: Tensor): Tensor => {
    let h = x;
    layers.forEach((layer, i) => { h = i === layers.length - 1 ? layer.preActivation(h) : layer.apply(h); });
    return h;
  };
  return {
    sizes: [...sizes],
    layers,
    parameters: layers.flatMap((l) => [l.weights, l.bias]),
    weights: layers.map((l) => l.weights),
    outputActivation: output,
    dtype,
    logits,
    apply: (x) => activate(output, logits(x)),
  };
}
