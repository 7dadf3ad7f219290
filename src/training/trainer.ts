// Mini-batch training loop for an MLP: builds a reusable graph per batch size, runs forward,
// backward and the optimiser step, and reports divergence (non-finite loss or weights) instead of continuing.

import { activate } from './activations.ts';
import type { DataSet } from './datasets.ts';
import { shuffledIndices } from './datasets.ts';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits, categoricalCrossEntropy, mse, softmaxCrossEntropyWithLogits } from './losses.ts';
import type { Mlp } from './mlp.ts';
import { add } from './ops.ts';
import { createOptimiser, type Optimiser, type OptimiserName } from './optimisers.ts';
import { l1, l2 } from './regularisation.ts';
import { createRng } from './rng.ts';
import { Graph, type Tensor, type TensorData, tensor } from './tensor.ts';

export const LOSSES = ['mse', 'bce', 'cce'] as const;
export type LossName = (typeof LOSSES)[number];
export const REGULARISATIONS = ['none', 'l1', 'l2'] as const;
export type RegularisationName = (typeof REGULARISATIONS)[number];

export interface TrainerOptions {
  model: Mlp;
  loss: LossName;
  optimiser?: OptimiserName | Optimiser;
  learningRate?: number;
  batchSize?: number;
  regularisation?: RegularisationName;
  regularisationRate?: number;
  /** Seeds the shuffling of each epoch. */
  seed?: number;
}

export interface StepResult {
  /** Mean data loss of the batch (without the regularisation term). */
  loss: number;
  /** True once the loss or any weight became NaN/±Infinity; training then stops. */
  diverged: boolean;
}

export interface Evaluation {
  loss: number;
  /** Fraction of rows classified correctly (threshold 0.5, or arg-max for several outputs). */
  accuracy: number;
}

export interface Trainer {
  readonly model: Mlp;
  readonly optimiser: Optimiser;
  readonly diverged: boolean;
  readonly steps: number;
  /** One optimiser step on the given rows of `data` (all rows when omitted). */
  trainRows(data: DataSet, rows?: ArrayLike<number>): StepResult;
  /** One shuffled pass over `data` in mini-batches; the loss is the mean over batches. */
  trainEpoch(data: DataSet): StepResult;
  evaluate(data: DataSet): Evaluation;
  /** Model outputs (count × outputs) for `count` input rows. */
  predict(inputs: ArrayLike<number>, count: number): TensorData;
}

interface BatchGraph {
  x: Tensor;
  y: Tensor;
  output: Tensor;
  dataLoss: Tensor;
  graph: Graph;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const { model, loss, batchSize = 10, regularisation = 'none', regularisationRate = 0 } = options;
  const { dtype, sizes } = model;
  const inputSize = sizes[0],
    outputSize = sizes[sizes.length - 1];
  const optimiser =
    typeof options.optimiser === 'object'
      ? options.optimiser
      : createOptimiser(options.optimiser ?? 'sgd', model.parameters, { learningRate: options.learningRate ?? 0.03 });
  const rng = createRng(options.seed ?? 1);
  const graphs = new Map<number, BatchGraph>();
  let diverged = false,
    steps = 0;

  const graphFor = (rows: number): BatchGraph => {
    let entry = graphs.get(rows);
    if (!entry) {
      const x = tensor(rows, inputSize, dtype),
        y = tensor(rows, outputSize, dtype);
      const logits = model.logits(x);
      const output = activate(model.outputActivation, logits);
      const fused = loss === 'bce' ? model.outputActivation === 'sigmoid' : model.outputActivation === 'softmax';
      const dataLoss =
        loss === 'mse'
          ? mse(output, y)
          : loss === 'bce'
            ? fused
              ? binaryCrossEntropyWithLogits(logits, y)
              : binaryCrossEntropy(output, y)
            : fused
              ? softmaxCrossEntropyWithLogits(logits, y)
              : categoricalCrossEntropy(output, y);
      const penalty = regularisation === 'none' ? null : (regularisation === 'l1' ? l1 : l2)([...model.weights], regularisationRate);
      entry = { x, y, output, dataLoss, graph: new Graph(penalty ? add(dataLoss, penalty) : dataLoss) };
      graphs.set(rows, entry);
    }
    return entry;
  };

  // The last contiguous block loaded into each graph: reloading the same rows is skipped, which makes
  // full-batch training copy its data only once. Data sets are treated as immutable.
  const loaded = new Map<BatchGraph, { data: DataSet; start: number }>();
  const load = (data: DataSet, rows: ArrayLike<number> | null, start: number, count: number): BatchGraph => {
    const entry = graphFor(count);
    const previous = loaded.get(entry);
    if (!rows && previous?.data === data && previous.start === start) return entry;
    if (rows) loaded.delete(entry);
    else loaded.set(entry, { data, start });
    const X = entry.x.data,
      Y = entry.y.data,
      a = data.inputSize,
      b = data.targetSize;
    for (let i = 0; i < count; i++) {
      const r = rows ? rows[start + i] : start + i;
      for (let j = 0; j < a; j++) X[i * a + j] = data.inputs[r * a + j];
      for (let j = 0; j < b; j++) Y[i * b + j] = data.targets[r * b + j];
    }
    return entry;
  };

  const step = (entry: BatchGraph): StepResult => {
    if (diverged) return { loss: NaN, diverged };
    const total = entry.graph.forward();
    const lossValue = entry.dataLoss.data[0];
    if (Number.isFinite(total)) {
      entry.graph.backward();
      steps++;
      if (Number.isFinite(optimiser.step())) return { loss: lossValue, diverged: false };
    }
    diverged = true;
    return { loss: lossValue, diverged };
  };

  const trainer: Trainer = {
    model,
    optimiser,
    get diverged() {
      return diverged;
    },
    get steps() {
      return steps;
    },
    trainRows(data, rows) {
      return step(load(data, rows ?? null, 0, rows ? rows.length : data.count));
    },
    trainEpoch(data) {
      const order = batchSize >= data.count ? null : shuffledIndices(data.count, rng); // one full batch needs no shuffle
      let sum = 0,
        batches = 0;
      for (let start = 0; start < data.count; start += batchSize) {
        const result = step(load(data, order, start, Math.min(batchSize, data.count - start)));
        if (result.diverged) return result;
        sum += result.loss;
        batches++;
      }
      return { loss: sum / batches, diverged: false };
    },
    evaluate(data) {
      const entry = load(data, null, 0, data.count);
      entry.graph.forward();
      entry.output.forward();
      const O = entry.output.data,
        T = data.targets,
        m = outputSize;
      let correct = 0;
      for (let r = 0; r < data.count; r++) {
        if (m === 1) correct += +(O[r] >= 0.5 === T[r] >= 0.5);
        else {
          let best = 0,
            truth = 0;
          for (let j = 1; j < m; j++) {
            if (O[r * m + j] > O[r * m + best]) best = j;
            if (T[r * m + j] > T[r * m + truth]) truth = j;
          }
          correct += +(best === truth);
        }
      }
      return { loss: entry.dataLoss.data[0], accuracy: correct / data.count };
    },
    predict(inputs, count) {
      const entry = graphFor(count);
      loaded.delete(entry); // its inputs no longer hold a data set's rows
      const X = entry.x.data;
      for (let i = 0; i < X.length; i++) X[i] = inputs[i];
      entry.graph.forward(); // also evaluates the loss against stale targets; harmless
      entry.output.forward();
      return entry.output.data.slice();
    },
  };
  return trainer;
}
