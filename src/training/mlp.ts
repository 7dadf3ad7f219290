// Multi-layer perceptron builder: a stack of dense layers from a list of layer sizes,
// one activation for hidden layers and one for the output.

import { type ActivationName, activate } from './activations.ts';
import { type Dense, dense } from './dense.ts';
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
  /** Every layer's parameters in order (weights then bias; frozen ones included). */
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
  return stack(layers);
}

/** An MLP over existing layers (e.g. low-rank adapted ones); the last layer's activation is the output's. */
export function stack(layers: readonly Dense[]): Mlp {
  const last = layers[layers.length - 1];
  const logits = (x: Tensor): Tensor => {
    let h = x;
    layers.forEach((layer, i) => {
      h = i === layers.length - 1 ? layer.preActivation(h) : layer.apply(h);
    });
    return h;
  };
  return {
    sizes: [layers[0].weights.rows, ...layers.map((l) => l.weights.cols)],
    layers,
    parameters: layers.flatMap((l) => l.parameters()),
    weights: layers.map((l) => l.weights),
    outputActivation: last.activation,
    dtype: last.weights.dtype,
    logits,
    apply: (x) => activate(last.activation, logits(x)),
  };
}
