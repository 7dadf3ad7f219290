// The low-rank adaptation demo's model, apart from its drawing: a network pre-trained on a playground data
// set, the task then shifted (the plane rotated or mirrored), and the network adapted to the new task in two
// ways side by side — low-rank updates W + B·A of every rank from 1 to 8 (the pre-trained weights frozen) and
// full fine-tuning of every weight — trained on the same mini-batches. DOM-free and deterministic.

import { createRng, createTrainer, type DataSet, lowRankMlp, type Mlp, mlp, shuffledIndices, type Trainer } from '../training/index.ts';
import { classificationData } from './experiments.ts';
import { type DemoParams, PLAYGROUND_DEFAULTS } from './params.ts';
import { type FeatureName, featurise, PLAYGROUND_POINTS, parseFeatures } from './playground-model.ts';

export type LoraParams = DemoParams<'lora'>;

export const PRETRAIN_EPOCHS = 200;
export const LORA_LEARNING_RATE = 0.01;
export const RANKS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
const BATCH = 10;

/** The 2-D points moved the way the task shifts: rotated by `angle` degrees about the centre, or mirrored. */
export function shiftPoints(data: DataSet, p: Pick<LoraParams, 'shift' | 'angle'>): DataSet {
  const a = (p.angle * Math.PI) / 180,
    cos = Math.cos(a),
    sin = Math.sin(a);
  const inputs = new Float64Array(data.inputs.length);
  for (let i = 0; i < data.count; i++) {
    const x = data.inputs[2 * i],
      y = data.inputs[2 * i + 1];
    inputs[2 * i] = p.shift === 'mirror' ? -x : cos * x - sin * y;
    inputs[2 * i + 1] = p.shift === 'mirror' ? y : sin * x + cos * y;
  }
  return { ...data, inputs };
}

export interface Adaptation {
  /** 0 for full fine-tuning. */
  readonly rank: number;
  readonly model: Mlp;
  readonly trainer: Trainer;
  /** Parameters the optimiser changes. */
  readonly trainable: number;
}

export interface LoraSession {
  readonly features: readonly FeatureName[];
  /** 2-D points of the original task and of the shifted one. */
  readonly points: { before: { train: DataSet; test: DataSet }; after: { train: DataSet; test: DataSet } };
  readonly data: { before: { train: DataSet; test: DataSet }; after: { train: DataSet; test: DataSet } };
  readonly base: Trainer;
  /** Completed pre-training epochs (PRETRAIN_EPOCHS when done). */
  readonly pretrained: number;
  /** One pre-training epoch; false when pre-training is complete. */
  pretrainEpoch(): boolean;
  /** Created when pre-training is complete: one per rank, then full fine-tuning. */
  readonly adaptations: readonly Adaptation[];
  readonly adaptSteps: number;
  /** One mini-batch step of every adaptation (all on the same rows). */
  adaptStep(): void;
  /** Starts every adaptation again from the pre-trained network. */
  restartAdaptation(): void;
}

export function createLoraSession(p: LoraParams): LoraSession {
  const defaults = PLAYGROUND_DEFAULTS[p.dataset];
  const features = parseFeatures(defaults.features) ?? ['x1', 'x2'];
  const before = classificationData(p.dataset, defaults.noise, p.seed, PLAYGROUND_POINTS);
  const after = { train: shiftPoints(before.train, p), test: shiftPoints(before.test, p) };
  const featurised = (d: { train: DataSet; test: DataSet }) => ({ train: featurise(d.train, features), test: featurise(d.test, features) });
  const data = { before: featurised(before), after: featurised(after) };
  const sizes = [features.length, ...p.layers, 1];
  const network = (): Mlp => mlp(sizes, { hidden: 'tanh', output: 'sigmoid', seed: p.seed });
  const base = createTrainer({ model: network(), loss: 'bce', optimiser: 'adam', learningRate: LORA_LEARNING_RATE, batchSize: BATCH, seed: p.seed });
  let pretrained = 0,
    adaptSteps = 0;
  let adaptations: Adaptation[] = [];
  let shuffle = createRng(p.seed + 1);
  let order: Uint32Array = new Uint32Array(0),
    cursor = 0;

  const adapt = (): void => {
    adaptSteps = cursor = 0;
    order = new Uint32Array(0);
    const copy = (): Mlp => {
      const model = network();
      model.parameters.forEach((t, i) => t.data.set(base.model.parameters[i].data));
      return model;
    };
    const make = (rank: number): Adaptation => {
      const model = rank ? lowRankMlp(copy(), rank, createRng(p.seed + rank)) : copy();
      const trainer = createTrainer({ model, loss: 'bce', optimiser: 'adam', learningRate: LORA_LEARNING_RATE, batchSize: BATCH, seed: p.seed });
      return { rank, model, trainer, trainable: model.parameters.filter((t) => !t.frozen).reduce((n, t) => n + t.data.length, 0) };
    };
    adaptations = [...RANKS.map(make), make(0)];
    shuffle = createRng(p.seed + 1);
  };

  return {
    features,
    points: { before, after },
    data,
    base,
    get pretrained() {
      return pretrained;
    },
    get adaptations() {
      return adaptations;
    },
    get adaptSteps() {
      return adaptSteps;
    },
    pretrainEpoch() {
      if (pretrained >= PRETRAIN_EPOCHS) return false;
      base.trainEpoch(data.before.train);
      if (++pretrained === PRETRAIN_EPOCHS) adapt();
      return pretrained < PRETRAIN_EPOCHS;
    },
    adaptStep() {
      if (!adaptations.length) return;
      const train = data.after.train;
      if (cursor >= order.length) {
        order = shuffledIndices(train.count, shuffle);
        cursor = 0;
      }
      const rows = order.subarray(cursor, Math.min(cursor + BATCH, order.length));
      cursor += BATCH;
      for (const a of adaptations) a.trainer.trainRows(train, rows);
      adaptSteps++;
    },
    restartAdaptation() {
      if (pretrained >= PRETRAIN_EPOCHS) adapt();
    },
  };
}
