// The quantisation demo's model, apart from its drawing: a small network trained on a playground data set,
// its weight matrices stored under a quantisation scheme (integers of 8, 4, 3 or 2 bits with one scale per
// tensor, per output channel or per group, symmetric or asymmetric; or MXFP4), and what that costs: bits
// stored and test accuracy. DOM-free and deterministic, shared by the static figure and the live demo.

import {
  createTrainer,
  type DataSet,
  dequantise,
  type Mlp,
  mlp,
  type QuantFormat,
  type Quantised,
  quantise,
  type Trainer,
  topLevel,
} from '../training/index.ts';
import { classificationData } from './experiments.ts';
import { type DemoParams, PLAYGROUND_DEFAULTS } from './params.ts';
import { type FeatureName, featurise, PLAYGROUND_POINTS, parseFeatures } from './playground-model.ts';

export type QuantisationParams = DemoParams<'quantisation'>;

/** Training: Adam, mini-batches of 10, this many epochs (the live demo shows them happening). */
export const QUANT_TRAIN_EPOCHS = 300;
export const QUANT_LEARNING_RATE = 0.01;
export const BIT_WIDTHS = [8, 4, 3, 2] as const;
/** Block size of MXFP4 (OCP Microscaling): 32 values share one 8-bit power-of-two scale. */
export const MX_BLOCK = 32;
/** Bits stored per scale or offset: fp16 for integer formats, an 8-bit exponent (E8M0) for MX blocks. */
const SCALE_BITS = 16,
  MX_SCALE_BITS = 8,
  FLOAT_BITS = 32;

export interface QuantScheme {
  format: 'int' | 'mxfp4';
  bits: number;
  scales: 'tensor' | 'channel' | 'group';
  group: number;
  range: 'symmetric' | 'asymmetric';
}

export function schemeOf(p: QuantisationParams): QuantScheme {
  return { format: p.format, bits: Number(p.bits), scales: p.scales, group: p.group, range: p.range };
}

export function formatOf(scheme: QuantScheme): QuantFormat {
  return scheme.format === 'mxfp4' ? { bits: 4, symmetric: true, e2m1: true } : { bits: scheme.bits, symmetric: scheme.range === 'symmetric' };
}

/** The `group` argument of quantise(): 0 per tensor, the row count per channel, else the group size. */
export function groupOf(scheme: QuantScheme, rows: number): number {
  if (scheme.format === 'mxfp4') return MX_BLOCK;
  return scheme.scales === 'tensor' ? 0 : scheme.scales === 'channel' ? rows : scheme.group;
}

export function describeScheme(scheme: QuantScheme): string {
  if (scheme.format === 'mxfp4') return 'MXFP4 (4-bit E2M1 floats, a power-of-two scale per block of 32)';
  const scales =
    scheme.scales === 'tensor'
      ? 'one scale per tensor'
      : scheme.scales === 'channel'
        ? 'one scale per output channel'
        : `one scale per group of ${scheme.group}`;
  return `int${scheme.bits} ${scheme.range}, ${scales}`;
}

/** Bits to store a quantised matrix: its levels plus each group's scale (and offset when asymmetric). */
export function storedBits(q: Quantised): number {
  const perScale = q.format.e2m1 ? MX_SCALE_BITS : SCALE_BITS;
  return q.levels.length * q.format.bits + q.scale.cols * perScale * (q.format.symmetric ? 1 : 2);
}

/** The representable values of one group (level·scale + offset), ascending: the grid drawn over the histogram. */
export function gridValues(q: Quantised, group: number): number[] {
  const top = topLevel(q.format),
    s = q.scale.data[group],
    o = q.offset.data[group];
  const levels = q.format.e2m1
    ? [0.5, 1, 1.5, 2, 3, 4, 6].flatMap((m) => [-m, m]).concat(0)
    : Array.from({ length: q.format.symmetric ? 2 * top + 1 : top + 1 }, (_, k) => (q.format.symmetric ? k - top : k));
  return levels.map((l) => l * s + o).sort((a, b) => a - b);
}

export interface QuantisationSetup {
  readonly features: readonly FeatureName[];
  readonly points: { train: DataSet; test: DataSet };
  readonly data: { train: DataSet; test: DataSet };
  readonly model: Mlp;
  readonly trainer: Trainer;
}

/** The untrained network and its data: the data set's playground features, noise and points. */
export function quantisationSetup(p: QuantisationParams): QuantisationSetup {
  const defaults = PLAYGROUND_DEFAULTS[p.dataset];
  const features = parseFeatures(defaults.features) ?? ['x1', 'x2'];
  const points = classificationData(p.dataset, defaults.noise, p.seed, PLAYGROUND_POINTS);
  const data = { train: featurise(points.train, features), test: featurise(points.test, features) };
  const model = mlp([features.length, ...p.layers, 1], { hidden: 'tanh', output: 'sigmoid', seed: p.seed });
  const trainer = createTrainer({ model, loss: 'bce', optimiser: 'adam', learningRate: QUANT_LEARNING_RATE, batchSize: 10, seed: p.seed });
  return { features, points, data, model, trainer };
}

export interface SchemeResult {
  /** Test accuracy of the network with dequantised weights (biases kept in float32). */
  accuracy: number;
  /** Whole model: quantised weights with their scales, plus float32 biases. */
  bytes: number;
  /** Stored bits per weight, scales and offsets included. */
  bitsPerWeight: number;
  quantised: Quantised[];
}

/**
 * Puts the quantised values in place of the network's weights (for evaluating and drawing) and measures them;
 * restore() puts the trained values back.
 */
export function applyScheme(setup: QuantisationSetup, scheme: QuantScheme): SchemeResult & { restore(): void } {
  const { model, trainer, data } = setup;
  const originals = model.weights.map((w) => w.data.slice());
  const quantised = model.weights.map((w) => quantise(w, formatOf(scheme), groupOf(scheme, w.rows)));
  model.weights.forEach((w, i) => w.data.set(dequantise(quantised[i]).data));
  const weightBits = quantised.reduce((sum, q) => sum + storedBits(q), 0);
  const weightCount = model.weights.reduce((n, w) => n + w.data.length, 0);
  const biasBits = model.layers.reduce((n, l) => n + l.bias.data.length, 0) * FLOAT_BITS;
  return {
    accuracy: trainer.evaluate(data.test).accuracy,
    bytes: (weightBits + biasBits) / 8,
    bitsPerWeight: weightBits / weightCount,
    quantised,
    restore: () => model.weights.forEach((w, i) => w.data.set(originals[i])),
  };
}

export function evaluateScheme(setup: QuantisationSetup, scheme: QuantScheme): SchemeResult {
  const result = applyScheme(setup, scheme);
  result.restore();
  return result;
}

/** The unquantised network: float32 everywhere. */
export function floatResult(setup: QuantisationSetup): { accuracy: number; bytes: number } {
  return {
    accuracy: setup.trainer.evaluate(setup.data.test).accuracy,
    bytes: (setup.model.parameters.reduce((n, p) => n + p.data.length, 0) * FLOAT_BITS) / 8,
  };
}

/** One point per scheme for the accuracy chart: every integer width with these scales and range, MXFP4, float32. */
export interface SchemePoint {
  name: string;
  bytes: number;
  /** Bits stored per weight. */
  x: number;
  /** Test accuracy. */
  y: number;
  /** What the chart writes beside the point. */
  label: string;
  series: string;
  highlight?: boolean;
  labelBelow?: boolean;
}

export function schemePoints(setup: QuantisationSetup, scheme: QuantScheme): SchemePoint[] {
  const point = (name: string, series: string, bits: number, r: { accuracy: number; bytes: number }, highlight = false): SchemePoint => ({
    name,
    bytes: r.bytes,
    x: bits,
    y: r.accuracy,
    label: series === 'mx' ? 'MX' : name.replace('float32', 'fp32'),
    series,
    highlight,
    labelBelow: series === 'mx',
  });
  const points = BIT_WIDTHS.map((bits) => {
    const r = evaluateScheme(setup, { ...scheme, format: 'int', bits });
    return point(`int${bits}`, 'int', r.bitsPerWeight, r, scheme.format === 'int' && scheme.bits === bits);
  });
  const mx = evaluateScheme(setup, { ...scheme, format: 'mxfp4' });
  return [...points, point('MXFP4', 'mx', mx.bitsPerWeight, mx, scheme.format === 'mxfp4'), point('float32', 'float', 32, floatResult(setup))];
}
