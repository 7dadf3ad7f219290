// The playground's network and training, kept apart from its drawing (as TensorFlow Playground keeps nn.ts
// apart from its UI): input features of the plane, featurised data, a seeded mini-batch schedule, and every
// neuron's output over a grid for the heat maps. DOM-free and deterministic, so unit tests, the static
// fallback and the live demo train exactly the same way.

import {
  type ActivationName,
  createRng,
  createTrainer,
  type DataSet,
  Graph,
  mlp,
  type Rng,
  shuffledIndices,
  type Tensor,
  type Trainer,
  tensor,
} from '../training/index.ts';
import { classificationData, DOMAIN } from './experiments.ts';
import type { DemoParams } from './params.ts';

export type PlaygroundSettings = DemoParams<'playground'>;

/** Points per data set, half for training and half for testing (TensorFlow Playground uses 500). */
export const PLAYGROUND_POINTS = 400;

/** Half-width of the plane in the playground's own coordinates: [−6, 6]², like TensorFlow Playground's. */
export const PLANE = 6;

export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_LABELS: Record<FeatureName, string> = {
  x1: 'x₁',
  x2: 'x₂',
  x1sq: 'x₁²',
  x2sq: 'x₂²',
  x1x2: 'x₁x₂',
  sinx1: 'sin x₁',
  sinx2: 'sin x₂',
};

/**
 * A feature at plane point (x1, x2), scaled to about [−1, 1] so that no input dominates the first layer:
 * x/6, (x/6)², x₁x₂/36 and sin x (already in [−1, 1]).
 */
export function feature(name: FeatureName, x1: number, x2: number): number {
  switch (name) {
    case 'x1':
      return x1 / PLANE;
    case 'x2':
      return x2 / PLANE;
    case 'x1sq':
      return (x1 / PLANE) ** 2;
    case 'x2sq':
      return (x2 / PLANE) ** 2;
    case 'x1x2':
      return (x1 * x2) / PLANE ** 2;
    case 'sinx1':
      return Math.sin(x1);
    default:
      return Math.sin(x2);
  }
}

/** Data-set coordinates (the core's, in [−DOMAIN, DOMAIN]) → plane coordinates. */
const toPlane = PLANE / DOMAIN;

/** The data set's points as feature rows (inputSize = number of features). */
export function featurise(data: DataSet, features: readonly FeatureName[]): DataSet {
  const inputs = new Float64Array(data.count * features.length);
  for (let i = 0; i < data.count; i++) {
    const x1 = data.inputs[2 * i] * toPlane,
      x2 = data.inputs[2 * i + 1] * toPlane;
    features.forEach((f, j) => {
      inputs[i * features.length + j] = feature(f, x1, x2);
    });
  }
  return { inputs, targets: data.targets, count: data.count, inputSize: features.length, targetSize: 1 };
}

/** Feature rows for the cell centres of a resolution² grid over the plane, row-major from the top left. */
export function featureGrid(resolution: number, features: readonly FeatureName[]): Float64Array {
  const rows = new Float64Array(resolution * resolution * features.length);
  for (let row = 0; row < resolution; row++) {
    for (let col = 0; col < resolution; col++) {
      const x1 = -PLANE + ((col + 0.5) * 2 * PLANE) / resolution,
        x2 = PLANE - ((row + 0.5) * 2 * PLANE) / resolution;
      features.forEach((f, j) => {
        rows[(row * resolution + col) * features.length + j] = feature(f, x1, x2);
      });
    }
  }
  return rows;
}

/** Parses a dash-separated feature list ("x1-x2-sinx1"); null if any name is unknown, repeated, or none is given. */
export function parseFeatures(text: string): FeatureName[] | null {
  const names = text.split('-').filter(Boolean);
  const ok = names.length > 0 && new Set(names).size === names.length && names.every((n) => (FEATURES as readonly string[]).includes(n));
  return ok ? FEATURES.filter((f) => names.includes(f)) : null;
}

export interface PlaygroundRun {
  readonly settings: PlaygroundSettings;
  readonly features: readonly FeatureName[];
  /** The 2-D points (for drawing) and their feature rows (for training). */
  readonly points: { train: DataSet; test: DataSet };
  readonly data: { train: DataSet; test: DataSet };
  readonly trainer: Trainer;
  /** Completed passes over the training data. */
  readonly epoch: number;
  readonly steps: number;
  /** One mini-batch step; false once training diverged. */
  step(): boolean;
  /** Test accuracy (fraction) and losses. */
  evaluate(): { trainLoss: number; testLoss: number; accuracy: number };
}

/** A fresh network and data for the settings; `keepWeightsOf` carries weights over when the shapes match. */
export function createPlaygroundRun(settings: PlaygroundSettings, keepWeightsOf?: PlaygroundRun): PlaygroundRun {
  const features = parseFeatures(settings.features) ?? ['x1', 'x2'];
  const points =
    keepWeightsOf && sameData(keepWeightsOf.settings, settings)
      ? keepWeightsOf.points
      : classificationData(settings.dataset, settings.noise, settings.seed, PLAYGROUND_POINTS);
  const data = { train: featurise(points.train, features), test: featurise(points.test, features) };
  const model = mlp([features.length, ...settings.layers, 1], {
    hidden: settings.activation,
    output: 'sigmoid',
    seed: settings.seed,
    init: settings.activation === 'relu' ? 'he' : 'xavier',
  });
  const trainer = createTrainer({
    model,
    loss: 'bce',
    optimiser: 'sgd',
    learningRate: settings.lr,
    batchSize: settings.batch,
    regularisation: settings.regularisation,
    regularisationRate: settings.rate,
    seed: settings.seed,
  });
  if (keepWeightsOf && keepWeightsOf.trainer.model.sizes.join() === model.sizes.join()) {
    model.parameters.forEach((p, i) => p.data.set(keepWeightsOf.trainer.model.parameters[i].data));
  }
  const shuffle: Rng = createRng(settings.seed);
  let order: Uint32Array = new Uint32Array(0),
    cursor = 0,
    epoch = 0;
  return {
    settings,
    features,
    points,
    data,
    trainer,
    get epoch() {
      return epoch;
    },
    get steps() {
      return trainer.steps;
    },
    step() {
      if (cursor >= order.length) {
        if (order.length) epoch++;
        order = shuffledIndices(data.train.count, shuffle);
        cursor = 0;
      }
      const rows = order.subarray(cursor, Math.min(cursor + settings.batch, order.length));
      cursor += settings.batch;
      return !trainer.trainRows(data.train, rows).diverged;
    },
    evaluate() {
      const train = trainer.evaluate(data.train),
        test = trainer.evaluate(data.test);
      return { trainLoss: train.loss, testLoss: test.loss, accuracy: test.accuracy };
    },
  };
}

function sameData(a: PlaygroundSettings, b: PlaygroundSettings): boolean {
  return a.dataset === b.dataset && a.noise === b.noise && a.seed === b.seed;
}

/** Every neuron's output over a grid of the plane: inputs (features), each hidden layer, and the output. */
export interface NeuronMaps {
  readonly resolution: number;
  /** layers[0] = features, then one entry per dense layer; each resolution² × width, row-major. */
  readonly layers: readonly Tensor[];
  /** Recomputes the maps from the network's current weights. */
  update(): void;
}

export function neuronMaps(run: PlaygroundRun, resolution: number): NeuronMaps {
  const model = run.trainer.model;
  const x = tensor(resolution * resolution, run.features.length, model.dtype, featureGrid(resolution, run.features));
  const layers: Tensor[] = [x];
  for (const layer of model.layers) layers.push(layer.apply(layers[layers.length - 1]));
  const graph = new Graph(layers[layers.length - 1]);
  return {
    resolution,
    layers,
    update: () => {
      graph.forward();
    },
  };
}

/** The activation's output range, for colouring neuron maps: [0, 1] for sigmoid, [−1, 1] otherwise (clamped). */
export function activationRange(activation: ActivationName): [number, number] {
  return activation === 'sigmoid' ? [0, 1] : [-1, 1];
}
