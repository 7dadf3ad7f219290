// Static, build-time fallback figures for each demo: a small inline SVG computed with the training core
// plus a caption saying what the live demo does. Deterministic (no clock, no Math.random). The sentence that
// the interactive version needs JavaScript is marked so that the demo styles show it only without scripting.

import katex from 'katex';
import { activate, type DataSet, type Trainer, tensor } from '../training/index.ts';
import { niceCeiling } from './axis.ts';
import { classificationData, classifierTrainer, DOMAIN, lineData, lineTrainer } from './experiments.ts';
import { createLoraSession, PRETRAIN_EPOCHS } from './lora-model.ts';
import { NEURON_INPUTS, NEURON_WEIGHTS, neuronSvg } from './neuron-figure.ts';
import type { DemoName, DemoParams } from './params.ts';
import { createPlaygroundRun, featureGrid } from './playground-model.ts';
import { describeScheme, QUANT_TRAIN_EPOCHS, quantisationSetup, schemeOf, schemePoints } from './quantisation-model.ts';
import { dotsPath, escapeXml, fmt, linePath, rectsPath, scale, svgOpen, text } from './svg-markup.ts';

const POSITIVE = '#1d4ed8';
const NEGATIVE = '#c2410c';
/** The playground figure shows the network after as many steps as the live demo takes in ten seconds at 60 fps. */
const PLAYGROUND_FRAMES = 600;
const INITIALISATION_EPOCHS = 100;
/** Adaptation steps shown in the LoRA figure, and the ranks compared there. */
const LORA_STEPS = 300;
const LORA_RANKS = [1, 2, 4, 8];
/** Loss curves are thinned to about this many points to keep the SVG small. */
const MAX_CURVE_POINTS = 40;
const NEEDS_JS = 'The interactive version needs JavaScript.';

const coloured = (className: string, colour: string): string => `class="${className}" color="${colour}"`;

function figure(svg: string, caption: string): string {
  return `<figure class="kb-demo-fallback">${svg}<figcaption>${escapeXml(caption)} <span class="kb-demo-nojs">${NEEDS_JS}</span></figcaption></figure>`;
}

/** Plot frame: axis lines at the left and bottom of [x0,x1]×[y0,y1] in pixels. */
function axes(x0: number, y0: number, x1: number, y1: number): string {
  return `<path d="M${x0} ${y0}V${y1}H${x1}" fill="none" stroke="currentColor" stroke-width="1" class="kb-demo-axis"/>`;
}

/** Runs epochs until done or diverged; returns the per-epoch losses (NaN-free) and whether it diverged. */
function trainCurve(trainer: Trainer, data: DataSet, epochs: number): { losses: number[]; diverged: boolean } {
  const losses = [trainer.evaluate(data).loss];
  for (let i = 0; i < epochs; i++) {
    const result = trainer.trainEpoch(data);
    if (result.diverged || !Number.isFinite(trainer.evaluate(data).loss)) return { losses, diverged: true };
    losses.push(trainer.evaluate(data).loss);
  }
  return { losses, diverged: false };
}

/** A loss curve on a log scale in the box [x0, x1] × [y0, y1]. */
function lossCurve(losses: number[], x0: number, y0: number, x1: number, y1: number, lowest: number, highest: number): string {
  const sx = scale(0, Math.max(1, losses.length - 1), x0, x1);
  const sy = scale(Math.log10(lowest), Math.log10(highest), y1, y0);
  const stride = Math.ceil(losses.length / MAX_CURVE_POINTS);
  const points = losses.flatMap((l, i) =>
    i % stride === 0 || i === losses.length - 1 ? [[sx(i), sy(Math.log10(Math.min(highest, Math.max(lowest, l))))] as const] : [],
  );
  return `<path d="${linePath(points)}" fill="none" stroke="currentColor" stroke-width="2" ${coloured('kb-demo-pos', POSITIVE)}/>`;
}

/** The neuron's formula, typeset by KaTeX at build time (the live demo reuses it, so it ships no KaTeX). */
export const NEURON_FORMULA_HTML = katex.renderToString('y = f\\Big(\\sum_i x_i\\,w_i + b\\Big)', {
  displayMode: true,
  output: 'htmlAndMathml',
  throwOnError: false,
});

function neuronFallback(p: DemoParams<'neuron'>): string {
  const inputs = NEURON_INPUTS.slice(0, p.inputs),
    weights = NEURON_WEIGHTS.slice(0, p.inputs);
  const sum = inputs.reduce((s, x, i) => s + x * weights[i], p.bias);
  const output = activate(p.activation, tensor(1, 1, 'float64', [sum])).data[0];
  const formula = `<div class="kb-demo-formula">${NEURON_FORMULA_HTML}<p class="kb-demo-formula-key">y output, x<sub>i</sub> inputs, w<sub>i</sub> weights, b bias, f the activation (here ${escapeXml(p.activation)})</p></div>`;
  return figure(
    formula + neuronSvg({ inputs, weights, bias: p.bias, activation: p.activation, output }),
    `A single neuron: output = ${p.activation}(Σ input × weight + bias) = ${output.toFixed(3)}. The live demo has sliders for every input, weight and the bias, and a button that takes a gradient step towards a target output.`,
  );
}

function scatterWithLine(data: DataSet, w: number, b: number, label: string): string {
  const sx = scale(-1, 1, 30, 270),
    sy = scale(-4, 3, 170, 10);
  const dots = dotsPath(Array.from(data.inputs, (x, i) => [sx(x), sy(Math.max(-4, Math.min(3, data.targets[i])))] as const));
  return (
    svgOpen(280, 180, label) +
    axes(30, 10, 270, 170) +
    `<path d="${dots}" stroke="currentColor" stroke-width="5" stroke-linecap="round" ${coloured('kb-demo-neg', NEGATIVE)}/>` +
    `<path d="M${fmt(sx(-1))} ${fmt(sy(b - w))}L${fmt(sx(1))} ${fmt(sy(b + w))}" stroke="currentColor" stroke-width="2.5" ${coloured('kb-demo-pos', POSITIVE)}/>` +
    text(34, 22, `y = ${w.toFixed(2)}x ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(2)}`) +
    '</svg>'
  );
}

function linearRegressionFallback(p: DemoParams<'linear-regression'>): string {
  const data = lineData(p.points, p.noise, p.seed);
  const trainer = lineTrainer(data, p.lr);
  const { diverged } = trainCurve(trainer, data, 200);
  const w = trainer.model.parameters[0].data[0],
    b = trainer.model.parameters[1].data[0];
  const caption = diverged
    ? `Fitting y = wx + b to ${p.points} noisy points diverged at learning rate ${p.lr}.`
    : `A straight line y = ${w.toFixed(2)}x ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(2)} fitted by gradient descent to ${p.points} noisy points.`;
  const svg = diverged ? `${svgOpen(280, 40, caption) + text(10, 24, 'Diverged: loss became infinite/NaN')}</svg>` : scatterWithLine(data, w, b, caption);
  return figure(
    svg,
    `${caption} The live demo lets you drag w and b with sliders or train step by step, and shows the loss surface over (w, b) with the descent path.`,
  );
}

function learningRateFallback(p: DemoParams<'learning-rate'>): string {
  const data = lineData(p.points, p.noise, p.seed);
  const { losses, diverged } = trainCurve(lineTrainer(data, p.lr), data, 60);
  const label = `Training loss over ${losses.length - 1} steps at learning rate ${p.lr}${diverged ? ': diverged' : ''}`;
  let svg = svgOpen(280, 160, label) + axes(30, 10, 270, 140) + lossCurve(losses, 30, 10, 270, 140, 1e-3, 1e3);
  svg += text(34, 155, 'step →') + text(36, 20, 'loss (log scale)');
  if (diverged) svg += text(150, 70, 'Diverged: loss became infinite/NaN', 'kb-demo-ink', 'middle');
  svg += '</svg>';
  return figure(svg, `${label}. The live demo trains the same line fit at any learning rate from too small to diverging, with a reset button.`);
}

/** Decision boundary (probabilities on a 24×24 grid) as merged runs of cells in four shades, plus test points. */
function boundarySvg(probabilities: ArrayLike<number>, test: DataSet, label: string, size = 180): string {
  const resolution = BOUNDARY_RESOLUTION,
    cell = size / resolution;
  const levels: [number, number, number, number][][] = [[], [], [], []];
  for (let row = 0; row < resolution; row++) {
    let start = 0;
    for (let col = 1; col <= resolution; col++) {
      const level = (c: number): number => Math.min(3, Math.floor(probabilities[row * resolution + c] * 4));
      if (col === resolution || level(col) !== level(start)) {
        levels[level(start)].push([start * cell, row * cell, (col - start) * cell, cell]);
        start = col;
      }
    }
  }
  const shades = [
    [NEGATIVE, 0.35, 'kb-demo-neg'],
    [NEGATIVE, 0.12, 'kb-demo-neg'],
    [POSITIVE, 0.12, 'kb-demo-pos'],
    [POSITIVE, 0.35, 'kb-demo-pos'],
  ] as const;
  let svg = svgOpen(size, size, label);
  levels.forEach((rects, i) => {
    if (rects.length) svg += `<path d="${rectsPath(rects)}" fill="currentColor" fill-opacity="${shades[i][1]}" ${coloured(shades[i][2], shades[i][0])}/>`;
  });
  const s = scale(-DOMAIN, DOMAIN, 0, size),
    t = scale(-DOMAIN, DOMAIN, size, 0);
  for (const label of [1, 0]) {
    const pts: [number, number][] = [];
    for (let i = 0; i < test.count; i++) if (test.targets[i] === label) pts.push([s(test.inputs[2 * i]), t(test.inputs[2 * i + 1])]);
    svg += `<path d="${dotsPath(pts)}" stroke="currentColor" stroke-width="5" stroke-linecap="${label ? 'round' : 'square'}" ${coloured(label ? 'kb-demo-pos' : 'kb-demo-neg', label ? POSITIVE : NEGATIVE)}/>`;
  }
  return `${svg}</svg>`;
}

const BOUNDARY_RESOLUTION = 24;

function playgroundFallback(p: DemoParams<'playground'>): string {
  const run = createPlaygroundRun(p);
  const steps = PLAYGROUND_FRAMES * p.speed;
  let diverged = false;
  for (let i = 0; i < steps && !diverged; i++) diverged = !run.step();
  const shape = p.layers.length ? p.layers.join('-') : 'no';
  if (diverged) {
    const label = `Training a ${shape} hidden-layer network on ${p.dataset} diverged at learning rate ${p.lr}`;
    return figure(
      `${svgOpen(280, 40, label) + text(10, 24, 'Diverged: loss became infinite/NaN')}</svg>`,
      `${label}. The live playground lets you change the settings and reset.`,
    );
  }
  const accuracy = Math.round(run.evaluate().accuracy * 100);
  const probabilities = run.trainer.predict(featureGrid(BOUNDARY_RESOLUTION, run.features), BOUNDARY_RESOLUTION ** 2);
  const label = `Decision boundary of a network with ${shape} hidden layer sizes on ${p.dataset} after ${steps.toLocaleString('en')} training steps (${run.epoch} epochs): ${accuracy}% test accuracy. Circles are class 1, squares class 0`;
  return figure(
    boundarySvg(probabilities, run.points.test, label),
    `${label}. The live playground trains in the browser at a pace you can watch: choose the data set, input features, layers, activation, learning rate, regularisation, batch size and speed, see what every neuron computes, and read, edit or zero any weight.`,
  );
}

/** Accuracy after zeroing the smallest-magnitude fraction of weights, for fractions 0, 0.1, … 0.9. */
function pruningCurve(trainer: Trainer, test: DataSet): number[] {
  const weights = trainer.model.weights;
  const original = weights.map((w) => w.data.slice());
  const magnitudes = weights.flatMap((w) => Array.from(w.data, Math.abs)).sort((a, b) => a - b);
  const accuracies: number[] = [];
  for (let step = 0; step < 10; step++) {
    // weights below the magnitude at this fraction of the sorted list are zeroed (ties are kept)
    const threshold = magnitudes[Math.floor((step / 10) * magnitudes.length)];
    weights.forEach((w, k) => {
      for (let i = 0; i < w.data.length; i++) w.data[i] = Math.abs(original[k][i]) < threshold ? 0 : original[k][i];
    });
    accuracies.push(trainer.evaluate(test).accuracy);
  }
  weights.forEach((w, k) => w.data.set(original[k]));
  return accuracies;
}

function pruningFallback(p: DemoParams<'pruning'>): string {
  const { train, test } = classificationData(p.dataset, p.noise, p.seed);
  const trainer = classifierTrainer({ hidden: p.layers, activation: 'tanh', seed: p.seed, learningRate: 0.03, optimiser: 'adam' });
  trainCurve(trainer, train, 60);
  const accuracies = pruningCurve(trainer, test);
  const sx = scale(0, 90, 40, 270),
    sy = scale(0, 1, 140, 10);
  const label = `Test accuracy as the smallest weights are pruned: ${accuracies.map((a, i) => `${i * 10}% pruned → ${Math.round(a * 100)}%`).join(', ')}`;
  let svg = svgOpen(280, 165, label) + axes(40, 10, 270, 140);
  svg += `<path d="${linePath(accuracies.map((a, i) => [sx(i * 10), sy(a)] as const))}" fill="none" stroke="currentColor" stroke-width="2" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  svg += `<path d="${dotsPath(accuracies.map((a, i) => [sx(i * 10), sy(a)] as const))}" stroke="currentColor" stroke-width="6" stroke-linecap="round" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  svg +=
    text(36, 14, '100%', 'kb-demo-ink', 'end') + text(36, 143, '0%', 'kb-demo-ink', 'end') + text(155, 160, 'weights pruned (0–90%)', 'kb-demo-ink', 'middle');
  svg += '</svg>';
  return figure(
    svg,
    `Test accuracy of a small trained network as the smallest-magnitude weights are set to zero. The live demo has a pruning slider with live accuracy and finds the single “super weight” whose removal hurts most.`,
  );
}

function initialisationFallback(p: DemoParams<'initialisation'>): string {
  const { train } = classificationData(p.dataset, p.noise, p.seed);
  const inits = ['zeros', 'uniform', 'xavier', 'he'] as const;
  const curves = inits.map(
    (init) =>
      trainCurve(classifierTrainer({ hidden: p.layers, activation: p.activation, seed: p.seed, init, learningRate: p.lr }), train, INITIALISATION_EPOCHS)
        .losses,
  );
  const label = `Training loss over ${INITIALISATION_EPOCHS} epochs from four initialisations: ${inits.map((init, i) => `${init} ends at ${curves[i][curves[i].length - 1].toFixed(3)}`).join(', ')}`;
  let svg = svgOpen(320, 110, label);
  inits.forEach((init, i) => {
    const x0 = 10 + i * 78;
    svg += axes(x0, 20, x0 + 66, 90) + lossCurve(curves[i], x0, 20, x0 + 66, 90, 1e-2, 1) + text(x0 + 33, 104, init, 'kb-demo-ink', 'middle');
  });
  svg += `${text(10, 12, 'loss (log scale) per epoch')}</svg>`;
  return figure(
    svg,
    `${label}. With all-zero weights every hidden unit is identical and stays identical, so the network cannot learn more than a constant. The live demo trains all four side by side.`,
  );
}

/** Accuracy (40–100%) against x (ticks give the range; log2 for bits), as labelled dots joined per series. */
function accuracyPlot(
  points: { x: number; y: number; label: string; series: string; labelBelow?: boolean }[],
  axis: { label: string; ticks: number[]; log2?: boolean },
  label: string,
): string {
  const f = (v: number): number => (axis.log2 ? Math.log2(v) : v);
  const sx = scale(f(axis.ticks[0]), f(axis.ticks[axis.ticks.length - 1]), 40, 266),
    sy = scale(0.4, 1, 140, 22);
  const at = (p: { x: number; y: number }) => [sx(f(p.x)), sy(Math.max(0.4, p.y))] as const;
  let svg = svgOpen(280, 176, label) + axes(40, 16, 266, 140);
  for (const series of new Set(points.map((p) => p.series))) {
    const line = points
      .filter((p) => p.series === series)
      .sort((a, b) => a.x - b.x)
      .map(at);
    if (line.length > 1) svg += `<path d="${linePath(line)}" fill="none" stroke="currentColor" stroke-width="1.5" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  }
  svg += `<path d="${dotsPath(points.map(at))}" stroke="currentColor" stroke-width="6" stroke-linecap="round" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  for (const p of points) svg += text(Math.min(Math.max(at(p)[0], 70), 236), at(p)[1] + (p.labelBelow ? 15 : -6), p.label, 'kb-demo-ink', 'middle');
  for (const t of axis.ticks) svg += text(sx(f(t)), 152, t.toLocaleString('en'), 'kb-demo-ink', 'middle');
  svg += text(36, 25, '100%', 'kb-demo-ink', 'end') + text(36, 143, '40%', 'kb-demo-ink', 'end') + text(153, 170, `${axis.label} →`, 'kb-demo-ink', 'middle');
  return `${svg}</svg>`;
}

function quantisationFallback(p: DemoParams<'quantisation'>): string {
  const setup = quantisationSetup(p);
  for (let e = 0; e < QUANT_TRAIN_EPOCHS; e++) setup.trainer.trainEpoch(setup.data.train);
  const scheme = schemeOf(p);
  const points = schemePoints(setup, scheme);
  const scales = describeScheme({ ...scheme, format: 'int' }).replace(/^int\d+ /, '');
  const label = `Test accuracy of a trained ${p.layers.join('-')} network on ${p.dataset} against the bits stored per weight, with its weights stored as integers (${scales}), as MXFP4, or as float32: ${points.map((q) => `${q.name} ${Math.round(q.bytes)} bytes, ${Math.round(q.y * 100)}%`).join('; ')}`;
  return figure(
    accuracyPlot(points, { label: 'bits stored per weight', ticks: [2, 4, 8, 16, 32], log2: true }, label),
    `${label}. The live demo trains the network in the browser, then lets you choose bits, scales per tensor, channel or group, symmetric or asymmetric ranges and MXFP4, and shows the weight histogram with the quantisation grid and the quantised network's decision boundary.`,
  );
}

function loraFallback(p: DemoParams<'lora'>): string {
  const session = createLoraSession(p);
  while (session.pretrainEpoch());
  for (let i = 0; i < LORA_STEPS; i++) session.adaptStep();
  const test = session.data.after.test;
  const shown = session.adaptations.filter((a) => a.rank === 0 || LORA_RANKS.includes(a.rank));
  const points = shown.map((a) => ({
    x: a.trainable,
    y: a.trainer.evaluate(test).accuracy,
    label: a.rank ? `r=${a.rank}` : 'full',
    series: a.rank ? 'lora' : 'full',
  }));
  const task = p.shift === 'mirror' ? 'mirrored' : `rotated by ${p.angle}°`;
  const before = session.base.evaluate(test).accuracy;
  const label = `A ${p.layers.join('-')} network pre-trained for ${PRETRAIN_EPOCHS} epochs on ${p.dataset} scores ${Math.round(before * 100)}% once the data is ${task}. After ${LORA_STEPS} adaptation steps: ${points.map((q) => `${q.label === 'full' ? 'full fine-tuning' : `LoRA ${q.label}`} (${q.x} trainable parameters) ${Math.round(q.y * 100)}%`).join(', ')}`;
  return figure(
    accuracyPlot(points, { label: 'trainable parameters', ticks: [0, niceCeiling(Math.max(...points.map((q) => q.x)) * 1.05)] }, label),
    `${label}. The live demo pre-trains the network in the browser, then adapts it with low-rank updates of every rank from 1 to 8 and with full fine-tuning side by side, with a rank slider and the decision boundaries.`,
  );
}

export function renderFallback<N extends DemoName>(name: N, params: DemoParams<N>): string {
  // Each case narrows `params` by name; the casts restate what the generic already guarantees.
  switch (name) {
    case 'neuron':
      return neuronFallback(params as DemoParams<'neuron'>);
    case 'linear-regression':
      return linearRegressionFallback(params as DemoParams<'linear-regression'>);
    case 'learning-rate':
      return learningRateFallback(params as DemoParams<'learning-rate'>);
    case 'playground':
      return playgroundFallback(params as DemoParams<'playground'>);
    case 'pruning':
      return pruningFallback(params as DemoParams<'pruning'>);
    case 'quantisation':
      return quantisationFallback(params as DemoParams<'quantisation'>);
    case 'lora':
      return loraFallback(params as DemoParams<'lora'>);
    default:
      return initialisationFallback(params as DemoParams<'initialisation'>);
  }
}
