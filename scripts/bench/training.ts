// Benchmark of the training core: throughput (training examples per second) of the core, a hand-written
// Float32Array floor and @tensorflow/tfjs (CPU backend) on identical data, initial weights and
// hyper-parameters; plus the core's minified+gzipped bundle size. Prints one JSON object to stdout.

import { gzipSync } from 'node:zlib';
import * as tf from '@tensorflow/tfjs';
import { build } from 'esbuild';
import { createRng, createTrainer, type DataSet, type Mlp, mlp, noisyLine, shuffledIndices, spirals } from '../../src/training/index.ts';

// Anything a library logs goes to stderr, so stdout carries only the JSON result.
console.log = console.error;
console.info = console.error;
console.warn = console.error;

const WARM_UP_MS = 300;
const SAMPLE_MS = 700;
const SAMPLES = 5;

/** Runs `work` (which trains on some examples and returns how many) repeatedly; median examples/s. */
async function throughput(work: () => number | Promise<number>): Promise<number> {
  const runFor = async (ms: number): Promise<number> => {
    const start = performance.now();
    let examples = 0;
    while (performance.now() - start < ms) examples += await work();
    return (examples * 1000) / (performance.now() - start);
  };
  await runFor(WARM_UP_MS);
  const rates: number[] = [];
  for (let i = 0; i < SAMPLES; i++) rates.push(await runFor(SAMPLE_MS));
  rates.sort((a, b) => a - b);
  return rates[SAMPLES >> 1];
}

// ---------- Shared setup ----------

interface MlpTask {
  sizes: number[];
  data: DataSet;
  batchSize: number;
  learningRate: number;
}

const SEED = 1;
const spiralData = spirals({ count: 500, noise: 0.1, seed: SEED });
const lineData = noisyLine({ count: 1000, noise: 0.1, seed: SEED });

/** Initial weights shared by all three implementations (from the core's seeded Xavier initialiser). */
function initialWeights(sizes: number[]): Float32Array[] {
  const reference = mlp(sizes, { hidden: 'tanh', output: 'sigmoid', seed: SEED });
  return reference.parameters.map((p) => Float32Array.from(p.data));
}

function loadWeights(model: Mlp, weights: Float32Array[]): void {
  model.parameters.forEach((p, i) => p.data.set(weights[i]));
}

// ---------- (1) The core ----------

function coreMlp(task: MlpTask): () => number {
  const model = mlp(task.sizes, { hidden: 'tanh', output: 'sigmoid', seed: SEED });
  loadWeights(model, initialWeights(task.sizes));
  const trainer = createTrainer({ model, loss: 'bce', optimiser: 'sgd', learningRate: task.learningRate, batchSize: task.batchSize, seed: SEED });
  return () => {
    if (trainer.trainEpoch(task.data).diverged) throw new Error('core diverged');
    return task.data.count;
  };
}

function coreLinreg(): () => number {
  const model = mlp([1, 1], { output: 'linear', seed: SEED });
  const trainer = createTrainer({ model, loss: 'mse', optimiser: 'sgd', learningRate: 0.1, batchSize: lineData.count, seed: SEED });
  return () => {
    trainer.trainEpoch(lineData);
    return lineData.count;
  };
}

// ---------- (2) Hand-written floor: the same math in fused Float32Array loops ----------

function handMlp(task: MlpTask): () => number {
  const { sizes, data, batchSize: B, learningRate: lr } = task;
  const L = sizes.length - 1;
  const params = initialWeights(sizes);
  const W = Array.from({ length: L }, (_, l) => params[2 * l]);
  const b = Array.from({ length: L }, (_, l) => params[2 * l + 1]);
  const act = sizes.map((n) => new Float32Array(B * n)); // act[0] = input batch, act[l] = layer l output
  const delta = sizes.map((n) => new Float32Array(B * n)); // dLoss/dPreActivation of each layer
  const target = new Float32Array(B);
  const rng = createRng(SEED);
  return () => {
    const order = shuffledIndices(data.count, rng);
    for (let start = 0; start < data.count; start += B) {
      const rows = Math.min(B, data.count - start);
      for (let i = 0; i < rows; i++) {
        const r = order[start + i];
        act[0][2 * i] = data.inputs[2 * r];
        act[0][2 * i + 1] = data.inputs[2 * r + 1];
        target[i] = data.targets[r];
      }
      // forward
      for (let l = 0; l < L; l++) {
        const x = act[l],
          y = act[l + 1],
          w = W[l],
          bias = b[l],
          nIn = sizes[l],
          nOut = sizes[l + 1],
          last = l === L - 1;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < nOut; j++) y[i * nOut + j] = bias[j];
          for (let p = 0; p < nIn; p++) {
            const xv = x[i * nIn + p];
            for (let j = 0; j < nOut; j++) y[i * nOut + j] += xv * w[p * nOut + j];
          }
          for (let j = 0; j < nOut; j++) {
            const z = y[i * nOut + j];
            y[i * nOut + j] = last ? 1 / (1 + Math.exp(-z)) : Math.tanh(z);
          }
        }
      }
      // backward: BCE on sigmoid ⇒ dz = (p − t) / rows
      const out = act[L],
        dOut = delta[L];
      let loss = 0;
      for (let i = 0; i < rows; i++) {
        dOut[i] = (out[i] - target[i]) / rows;
        loss += out[i];
      }
      if (!Number.isFinite(loss)) throw new Error('hand diverged');
      for (let l = L - 1; l >= 0; l--) {
        const x = act[l],
          d = delta[l + 1],
          w = W[l],
          bias = b[l],
          nIn = sizes[l],
          nOut = sizes[l + 1],
          dx = delta[l];
        for (let i = 0; i < rows; i++) {
          for (let p = 0; p < nIn; p++) {
            let s = 0;
            for (let j = 0; j < nOut; j++) s += d[i * nOut + j] * w[p * nOut + j];
            dx[i * nIn + p] = l > 0 ? s * (1 - x[i * nIn + p] * x[i * nIn + p]) : s; // tanh' of the previous layer
          }
        }
        for (let i = 0; i < rows; i++) {
          for (let p = 0; p < nIn; p++) {
            const xv = x[i * nIn + p] * lr;
            for (let j = 0; j < nOut; j++) w[p * nOut + j] -= xv * d[i * nOut + j];
          }
          for (let j = 0; j < nOut; j++) bias[j] -= lr * d[i * nOut + j];
        }
      }
    }
    return data.count;
  };
}

function handLinreg(): () => number {
  const n = lineData.count,
    xs = Float32Array.from(lineData.inputs),
    ys = Float32Array.from(lineData.targets);
  const model = mlp([1, 1], { output: 'linear', seed: SEED });
  let w = model.parameters[0].data[0],
    b = 0;
  const lr = 0.1;
  return () => {
    let gw = 0,
      gb = 0;
    for (let i = 0; i < n; i++) {
      const e = w * xs[i] + b - ys[i];
      gw += e * xs[i];
      gb += e;
    }
    w = Math.fround(w - (lr * 2 * gw) / n);
    b = Math.fround(b - (lr * 2 * gb) / n);
    return n;
  };
}

// ---------- (3) TensorFlow.js, CPU backend ----------

function tfMlp(task: MlpTask): () => number {
  const { sizes, data, batchSize: B, learningRate } = task;
  const params = initialWeights(sizes);
  const vars = params.map((p, i) => tf.variable(tf.tensor2d(p, i % 2 === 0 ? [sizes[i / 2], sizes[i / 2 + 1]] : [1, sizes[(i + 1) / 2]])));
  const optimizer = tf.train.sgd(learningRate);
  const rng = createRng(SEED);
  const xAll = tf.tensor2d(Float32Array.from(data.inputs), [data.count, 2]);
  const yAll = tf.tensor2d(Float32Array.from(data.targets), [data.count, 1]);
  return () => {
    const order = tf.tensor1d(Int32Array.from(shuffledIndices(data.count, rng)), 'int32');
    const xs = tf.gather(xAll, order),
      ys = tf.gather(yAll, order);
    for (let start = 0; start < data.count; start += B) {
      const rows = Math.min(B, data.count - start);
      tf.tidy(() => {
        const x = xs.slice([start, 0], [rows, 2]),
          y = ys.slice([start, 0], [rows, 1]);
        optimizer.minimize(() => {
          let h: tf.Tensor2D = x;
          for (let l = 0; l < vars.length / 2; l++) {
            const z = tf.add(tf.matMul(h, vars[2 * l] as tf.Variable<tf.Rank.R2>), vars[2 * l + 1]) as tf.Tensor2D;
            h = l === vars.length / 2 - 1 ? z : tf.tanh(z);
          }
          return tf.losses.sigmoidCrossEntropy(y, h) as tf.Scalar;
        }, false);
      });
    }
    tf.dispose([order, xs, ys]);
    return data.count;
  };
}

function tfLinreg(): () => number {
  const model = mlp([1, 1], { output: 'linear', seed: SEED });
  const w = tf.variable(tf.scalar(model.parameters[0].data[0])),
    b = tf.variable(tf.scalar(0));
  const x = tf.tensor1d(Float32Array.from(lineData.inputs)),
    y = tf.tensor1d(Float32Array.from(lineData.targets));
  const optimizer = tf.train.sgd(0.1);
  return () => {
    tf.tidy(() => {
      optimizer.minimize(() => tf.losses.meanSquaredError(y, tf.add(tf.mul(x, w), b)) as tf.Scalar, false);
    });
    return lineData.count;
  };
}

// ---------- Bundle size ----------

async function coreBundleGzipBytes(): Promise<number> {
  const result = await build({
    entryPoints: [new URL('../../src/training/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents).byteLength;
}

// ---------- Run ----------

await tf.setBackend('cpu');
await tf.ready();

const mlpTask = (sizes: number[]): MlpTask => ({ sizes, data: spiralData, batchSize: 10, learningRate: 0.03 });
const round = (n: number): number => Math.round(n);

const result = {
  unit: 'training examples per second (median of 5 × 0.7 s after 0.3 s warm-up); bundle in bytes',
  linreg: { core: 0, hand: 0, tfjs: 0 },
  mlp_2_8_8_1: { core: 0, hand: 0, tfjs: 0 },
  mlp_2_32_32_1: { core: 0, hand: 0, tfjs: 0 },
  core_bundle_gz_bytes: 0,
};

result.linreg = { core: round(await throughput(coreLinreg())), hand: round(await throughput(handLinreg())), tfjs: round(await throughput(tfLinreg())) };
for (const [key, sizes] of [
  ['mlp_2_8_8_1', [2, 8, 8, 1]],
  ['mlp_2_32_32_1', [2, 32, 32, 1]],
] as const) {
  const task = mlpTask([...sizes]);
  result[key] = { core: round(await throughput(coreMlp(task))), hand: round(await throughput(handMlp(task))), tfjs: round(await throughput(tfMlp(task))) };
}
result.core_bundle_gz_bytes = await coreBundleGzipBytes();

process.stdout.write(`${JSON.stringify(result)}\n`);
