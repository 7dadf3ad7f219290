// Synthetic data sets (noisy line for regression; XOR, circles, two Gaussians and spirals for binary
// classification) generated from a seed, and a seeded train/test split.

import { createRng, type Rng } from './rng.ts';

/** Treat as immutable: the trainer skips re-copying rows it has already loaded from the same object. */
export interface DataSet {
  /** count × inputSize, row-major. */
  readonly inputs: Float64Array;
  /** count × targetSize, row-major (class labels are 0 or 1). */
  readonly targets: Float64Array;
  readonly count: number;
  readonly inputSize: number;
  readonly targetSize: number;
}

export interface DataSetOptions {
  count?: number;
  /** Standard deviation of Gaussian noise (on y for the line, on both coordinates otherwise). */
  noise?: number;
  seed?: number;
}

export const DATA_SETS = ['line', 'xor', 'circles', 'gaussians', 'spirals'] as const;
export type DataSetName = (typeof DATA_SETS)[number];

/** True parameters of the noisy line y = LINE_SLOPE·x + LINE_INTERCEPT + noise, x ∈ [−1, 1). */
export const LINE_SLOPE = 2;
export const LINE_INTERCEPT = -0.5;

type Point = (i: number, count: number, rng: Rng) => [number, number, number];

function points2d(point: Point, { count = 200, noise = 0, seed = 1 }: DataSetOptions): DataSet {
  const rng = createRng(seed);
  const inputs = new Float64Array(count * 2),
    targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [x, y, label] = point(i, count, rng);
    inputs[2 * i] = x + noise * rng.normal();
    inputs[2 * i + 1] = y + noise * rng.normal();
    targets[i] = label;
  }
  return { inputs, targets, count, inputSize: 2, targetSize: 1 };
}

export function noisyLine({ count = 100, noise = 0.1, seed = 1 }: DataSetOptions = {}): DataSet {
  const rng = createRng(seed);
  const inputs = new Float64Array(count),
    targets = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const x = 2 * rng.next() - 1;
    inputs[i] = x;
    targets[i] = LINE_SLOPE * x + LINE_INTERCEPT + noise * rng.normal();
  }
  return { inputs, targets, count, inputSize: 1, targetSize: 1 };
}

/** Points in the four quadrants (kept 0.1 away from the axes); label 1 where x and y differ in sign. */
export function xor(options: DataSetOptions = {}): DataSet {
  return points2d((_i, _n, rng) => {
    const x = (rng.next() < 0.5 ? -1 : 1) * (0.1 + 0.9 * rng.next());
    const y = (rng.next() < 0.5 ? -1 : 1) * (0.1 + 0.9 * rng.next());
    return [x, y, x * y < 0 ? 1 : 0];
  }, options);
}

/** Label 1 inside radius 0.5, label 0 on a ring of radius 0.7–1. */
export function circles(options: DataSetOptions = {}): DataSet {
  return points2d((i, _n, rng) => {
    const inner = i % 2 === 0;
    const r = inner ? 0.5 * rng.next() : 0.7 + 0.3 * rng.next(),
      angle = 2 * Math.PI * rng.next();
    return [r * Math.cos(angle), r * Math.sin(angle), inner ? 1 : 0];
  }, options);
}

/** Two Gaussian blobs (standard deviation 0.3) centred at (0.5, 0.5) → 1 and (−0.5, −0.5) → 0. */
export function twoGaussians(options: DataSetOptions = {}): DataSet {
  return points2d((i, _n, rng) => {
    const c = i % 2 === 0 ? 0.5 : -0.5;
    return [c + 0.3 * rng.normal(), c + 0.3 * rng.normal(), i % 2 === 0 ? 1 : 0];
  }, options);
}

/** Two interleaved spirals of 1.75 turns each. */
export function spirals(options: DataSetOptions = {}): DataSet {
  return points2d((i, count) => {
    const half = Math.ceil(count / 2),
      k = i >> 1,
      t = k / half,
      angle = 3.5 * Math.PI * t + (i % 2) * Math.PI;
    return [t * Math.sin(angle), t * Math.cos(angle), i % 2 === 0 ? 1 : 0];
  }, options);
}

export function makeDataSet(name: DataSetName, options: DataSetOptions = {}): DataSet {
  return { line: noisyLine, xor, circles, gaussians: twoGaussians, spirals }[name](options);
}

function subset(data: DataSet, rows: ArrayLike<number>): DataSet {
  const { inputSize: a, targetSize: b } = data;
  const inputs = new Float64Array(rows.length * a),
    targets = new Float64Array(rows.length * b);
  for (let i = 0; i < rows.length; i++) {
    inputs.set(data.inputs.subarray(rows[i] * a, rows[i] * a + a), i * a);
    targets.set(data.targets.subarray(rows[i] * b, rows[i] * b + b), i * b);
  }
  return { inputs, targets, count: rows.length, inputSize: a, targetSize: b };
}

/** Fisher–Yates permutation of 0…count−1. */
export function shuffledIndices(count: number, rng: Rng): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Shuffles with `seed`, then puts round(count·testFraction) rows in `test` and the rest in `train`. */
export function splitDataSet(data: DataSet, testFraction = 0.5, seed = 1): { train: DataSet; test: DataSet } {
  const order = shuffledIndices(data.count, createRng(seed));
  const testCount = Math.round(data.count * testFraction);
  return { test: subset(data, order.subarray(0, testCount)), train: subset(data, order.subarray(testCount)) };
}
