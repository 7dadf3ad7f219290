// The problems the demos train on, built from typed demo parameters with the training core:
// the noisy-line regression, the 2-D classification sets, classifier networks and decision-boundary grids.
// DOM-free and deterministic, so build-time fallbacks and live demos show the same numbers.

import {
  type ActivationName,
  createTrainer,
  type DataSet,
  type DataSetName,
  type InitialiserName,
  type Mlp,
  makeDataSet,
  mlp,
  noisyLine,
  type OptimiserName,
  type RegularisationName,
  splitDataSet,
  type Trainer,
} from '../training/index.ts';

/** Points of the 2-D classification sets, half used for training and half for testing. */
export const CLASSIFICATION_POINTS = 200;
/** The square [−DOMAIN, DOMAIN]² in which 2-D data and decision boundaries are drawn. */
export const DOMAIN = 1.5;

export function lineData(points: number, noise: number, seed: number): DataSet {
  return noisyLine({ count: points, noise, seed });
}

/** y = w·x + b as a one-neuron linear network trained on MSE with full-batch gradient descent. */
export function lineTrainer(data: DataSet, learningRate: number, w = 0, b = 0): Trainer {
  const model = mlp([1, 1], { output: 'linear' });
  model.parameters[0].data[0] = w;
  model.parameters[1].data[0] = b;
  return createTrainer({ model, loss: 'mse', optimiser: 'sgd', learningRate, batchSize: data.count });
}

/** Mean squared error of y = w·x + b over a 1-D data set (closed form, for loss surfaces). */
export function lineLoss(data: DataSet, w: number, b: number): number {
  let s = 0;
  for (let i = 0; i < data.count; i++) s += (w * data.inputs[i] + b - data.targets[i]) ** 2;
  return s / data.count;
}

/**
 * The learning-rate demo's presets on the line fit (full-batch gradient descent on mean squared error from
 * w = −1, b = 1.5), each named for what its trace shows — tests/demos/learning-rate-presets.test.ts checks it:
 * converging = the loss falls at every step; oscillating = the update of b changes sign at every step while
 * the loss still shrinks; diverging = the trainer reports divergence. The curvature of this problem is about 2
 * along b and 2/3 along w, so rates above 0.5 overshoot along b and rates above 1 diverge.
 */
export const LEARNING_RATE_PRESETS = [
  { name: 'too small', lr: 0.001, behaviour: 'converging' },
  { name: 'good', lr: 0.3, behaviour: 'converging' },
  { name: 'oscillating', lr: 0.9, behaviour: 'oscillating' },
  { name: 'diverging', lr: 1.5, behaviour: 'diverging' },
] as const;

/** Where the line fits start from (far enough from the fit that every learning rate shows its character). */
export const LINE_START = { w: -1, b: 1.5 } as const;

export function classificationData(name: DataSetName, noise: number, seed: number, count = CLASSIFICATION_POINTS): { train: DataSet; test: DataSet } {
  return splitDataSet(makeDataSet(name, { count, noise, seed }), 0.5, seed);
}

export interface ClassifierOptions {
  hidden: readonly number[];
  activation: ActivationName;
  seed: number;
  init?: InitialiserName;
  learningRate: number;
  optimiser?: OptimiserName;
  batchSize?: number;
  regularisation?: RegularisationName;
  regularisationRate?: number;
}

/** A 2 → hidden… → 1 sigmoid classifier with binary cross-entropy. */
export function classifierTrainer(options: ClassifierOptions): Trainer {
  const model: Mlp = mlp([2, ...options.hidden, 1], {
    hidden: options.activation,
    output: 'sigmoid',
    seed: options.seed,
    init: options.init ?? (options.activation === 'relu' ? 'he' : 'xavier'),
  });
  return createTrainer({
    model,
    loss: 'bce',
    optimiser: options.optimiser ?? 'sgd',
    learningRate: options.learningRate,
    batchSize: options.batchSize ?? 10,
    regularisation: options.regularisation ?? 'none',
    regularisationRate: options.regularisationRate ?? 0,
    seed: options.seed,
  });
}

/** Grid point coordinates, row-major from the top-left corner (x from −DOMAIN, y from +DOMAIN). */
export function gridInputs(resolution: number): Float64Array {
  const inputs = new Float64Array(resolution * resolution * 2);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const k = 2 * (row * resolution + col);
      inputs[k] = -DOMAIN + ((col + 0.5) * 2 * DOMAIN) / resolution;
      inputs[k + 1] = DOMAIN - ((row + 0.5) * 2 * DOMAIN) / resolution;
    }
  }
  return inputs;
}

/** Predicted probability of class 1 at each cell centre of a resolution × resolution grid. */
export function predictGrid(trainer: Trainer, inputs: Float64Array, resolution: number): Float32Array | Float64Array {
  return trainer.predict(inputs, resolution * resolution);
}
