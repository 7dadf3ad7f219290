// Dense (fully connected) layer: y = activation(x·W + b), W is inputs×outputs, b is 1×outputs.

import { type ActivationName, activate } from './activations.ts';
import { type InitialiserName, initialise } from './initialisers.ts';
import { addBias, matmul } from './ops.ts';
import type { Rng } from './rng.ts';
import { type DType, type Tensor, tensor } from './tensor.ts';

export interface Dense {
  readonly weights: Tensor;
  readonly bias: Tensor;
  readonly activation: ActivationName;
  /** x·W + b, before the activation. */
  preActivation(x: Tensor): Tensor;
  apply(x: Tensor): Tensor;
  /** [weights, bias] */
  parameters(): Tensor[];
}

export interface DenseOptions {
  activation?: ActivationName;
  init?: InitialiserName;
  dtype?: DType;
  rng: Rng;
}

export function dense(inputs: number, outputs: number, options: DenseOptions): Dense {
  const { activation = 'linear', init = 'xavier', dtype = 'float32', rng } = options;
  const weights = tensor(inputs, outputs, dtype);
  initialise(init, weights.data, inputs, outputs, rng);
  const bias = tensor(1, outputs, dtype); // biases start at zero
  const preActivation = (x: Tensor): Tensor => addBias(matmul(x, weights), bias);
  return { weights, bias, activation, preActivation, apply: (x) => activate(activation, preActivation(x)), parameters: () => [weights, bias] };
}
