// Static, build-time fallback figures for each demo: a small inline SVG computed with the training core
// plus a caption saying what the live demo does. Deterministic (no clock, no Math.random).

import { activate, tensor, type DataSet, type Trainer } from '../training/index.ts';
import { classificationData, classifierTrainer, DOMAIN, gridInputs, lineData, lineTrainer, predictGrid } from './experiments.ts';
import type { DemoName, DemoParams } from './params.ts';
import { dotsPath, escapeXml, fmt, linePath, rectsPath, scale, svgOpen, text } from './svg-markup.ts';

const POSITIVE = '#1d4ed8';
const NEGATIVE = '#c2410c';
/** Epochs trained for the playground and initialisation figures. */
const PLAYGROUND_EPOCHS = 200;
const INITIALISATION_EPOCHS = 100;
/** Loss curves are thinned to about this many points to keep the SVG small. */
const MAX_CURVE_POINTS = 40;
const NEEDS_JS = 'The interactive version needs JavaScript.';

const coloured = (className: string, colour: string): string => `class="${className}" color="${colour}"`;

function figure(svg: string, caption: string): string {
  return `<figure class="kb-demo-fallback">${svg}<figcaption>${escapeXml(caption)} ${NEEDS_JS}</figcaption></figure>`;
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
  const points = losses.flatMap((l, i) => (i % stride === 0 || i === losses.length - 1 ? [[sx(i), sy(Math.log10(Math.min(highest, Math.max(lowest, l))))] as const] : []));
  return `<path d="${linePath(points)}" fill="none" stroke="currentColor" stroke-width="2" ${coloured('kb-demo-pos', POSITIVE)}/>`;
}

function neuronFallback(p: DemoParams<'neuron'>): string {
  const inputs = [1, 0.5, -0.5].slice(0, p.inputs), weights = [0.8, -0.4, 0.3].slice(0, p.inputs);
  const sum = inputs.reduce((s, x, i) => s + x * weights[i], p.bias);
  const output = activate(p.activation, tensor(1, 1, 'float64', [sum])).data[0];
  const h = 40 + 40 * p.inputs;
  let svg = svgOpen(300, h, `A neuron with ${p.inputs} inputs and ${p.activation} activation; output ${output.toFixed(3)}`);
  inputs.forEach((x, i) => {
    const y = 40 + 40 * i, w = weights[i];
    svg += `<path d="M40 ${y}L150 ${fmt(h / 2)}" stroke="currentColor" stroke-width="${fmt(1 + 3 * Math.abs(w))}"${w < 0 ? ' stroke-dasharray="5 3"' : ''} ${coloured(w < 0 ? 'kb-demo-neg' : 'kb-demo-pos', w < 0 ? NEGATIVE : POSITIVE)}/>`;
    svg += `<circle cx="30" cy="${y}" r="14" fill="none" stroke="currentColor"/>` + text(30, y + 4, String(x), 'kb-demo-ink', 'middle');
    svg += text(95, (y + h / 2) / 2 - 4, `w=${w}`, 'kb-demo-ink', 'middle');
  });
  svg += `<circle cx="170" cy="${fmt(h / 2)}" r="22" fill="none" stroke="currentColor"/>` + text(170, h / 2 + 4, 'Σ', 'kb-demo-ink', 'middle');
  svg += `<path d="M192 ${fmt(h / 2)}H230" stroke="currentColor"/>` + text(236, h / 2 + 4, output.toFixed(3));
  svg += text(150, h - 8, `${p.activation}(Σ x·w + ${p.bias})`, 'kb-demo-ink', 'middle') + '</svg>';
  return figure(svg, `A single neuron: Output = ${p.activation}(Σ Input × Weight + Bias) = ${output.toFixed(3)}. The live demo has sliders for every input, weight and the bias, and a button that takes a gradient step towards a target output.`);
}

function scatterWithLine(data: DataSet, w: number, b: number, label: string): string {
  const sx = scale(-1, 1, 30, 270), sy = scale(-4, 3, 170, 10);
  const dots = dotsPath(Array.from(data.inputs, (x, i) => [sx(x), sy(Math.max(-4, Math.min(3, data.targets[i])))] as const));
  return svgOpen(280, 180, label) + axes(30, 10, 270, 170)
    + `<path d="${dots}" stroke="currentColor" stroke-width="5" stroke-linecap="round" ${coloured('kb-demo-neg', NEGATIVE)}/>`
    + `<path d="M${fmt(sx(-1))} ${fmt(sy(b - w))}L${fmt(sx(1))} ${fmt(sy(b + w))}" stroke="currentColor" stroke-width="2.5" ${coloured('kb-demo-pos', POSITIVE)}/>`
    + text(34, 22, `y = ${w.toFixed(2)}x ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(2)}`) + '</svg>';
}

function linearRegressionFallback(p: DemoParams<'linear-regression'>): string {
  const data = lineData(p.points, p.noise, p.seed);
  const trainer = lineTrainer(data, p.lr);
  const { diverged } = trainCurve(trainer, data, 200);
  const w = trainer.model.parameters[0].data[0], b = trainer.model.parameters[1].data[0];
  const caption = diverged
    ? `Fitting y = wx + b to ${p.points} noisy points diverged at learning rate ${p.lr}.`
    : `A straight line y = ${w.toFixed(2)}x ${b < 0 ? '−' : '+'} ${Math.abs(b).toFixed(2)} fitted by gradient descent to ${p.points} noisy points.`;
  const svg = diverged ? svgOpen(280, 40, caption) + text(10, 24, 'Diverged: loss became infinite/NaN') + '</svg>' : scatterWithLine(data, w, b, caption);
  return figure(svg, `${caption} The live demo lets you drag w and b with sliders or train step by step, and shows the loss surface over (w, b) with the descent path.`);
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

/** Decision boundary as merged runs of grid cells in four shades, plus the test points as dots/squares. */
function boundarySvg(trainer: Trainer, test: DataSet, label: string, size = 180): string {
  const resolution = 24, cell = size / resolution;
  const probabilities = predictGrid(trainer, gridInputs(resolution), resolution);
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
  const shades = [[NEGATIVE, 0.45, 'kb-demo-neg'], [NEGATIVE, 0.15, 'kb-demo-neg'], [POSITIVE, 0.15, 'kb-demo-pos'], [POSITIVE, 0.45, 'kb-demo-pos']] as const;
  let svg = svgOpen(size, size, label);
  levels.forEach((rects, i) => {
    if (rects.length) svg += `<path d="${rectsPath(rects)}" fill="currentColor" fill-opacity="${shades[i][1]}" ${coloured(shades[i][2], shades[i][0])}/>`;
  });
  const s = scale(-DOMAIN, DOMAIN, 0, size), t = scale(-DOMAIN, DOMAIN, size, 0);
  for (const label of [1, 0]) {
    const pts: [number, number][] = [];
    for (let i = 0; i < test.count; i++) if (test.targets[i] === label) pts.push([s(test.inputs[2 * i]), t(test.inputs[2 * i + 1])]);
    svg += `<path d="${dotsPath(pts)}" stroke="currentColor" stroke-width="5" stroke-linecap="${label ? 'round' : 'square'}" ${coloured(label ? 'kb-demo-pos' : 'kb-demo-neg', label ? POSITIVE : NEGATIVE)}/>`;
  }
  return svg + '</svg>';
}

function playgroundFallback(p: DemoParams<'playground'>): string {
  const { train, test } = classificationData(p.dataset, p.noise, p.seed);
  const trainer = classifierTrainer({
    hidden: p.layers, activation: p.activation, seed: p.seed, learningRate: p.lr, batchSize: p.batch,
    regularisation: p.regularisation, regularisationRate: p.rate,
  });
  const { diverged } = trainCurve(trainer, train, PLAYGROUND_EPOCHS);
  const shape = p.layers.length ? p.layers.join('-') : 'no';
  if (diverged) {
    const label = `Training a ${shape} hidden-layer network on ${p.dataset} diverged at learning rate ${p.lr}`;
    return figure(svgOpen(280, 40, label) + text(10, 24, 'Diverged: loss became infinite/NaN') + '</svg>', `${label}. The live playground lets you change the settings and reset.`);
  }
  const accuracy = Math.round(trainer.evaluate(test).accuracy * 100);
  const label = `Decision boundary of a network with ${shape} hidden layer sizes after ${PLAYGROUND_EPOCHS} epochs on ${p.dataset}: ${accuracy}% test accuracy. Circles are class 1, squares class 0`;
  return figure(boundarySvg(trainer, test, label), `${label}. The live playground trains in the browser: choose the data set, noise, layers, activation, learning rate, regularisation and batch size, watch train and test loss and inspect or edit every weight.`);
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
  const sx = scale(0, 90, 40, 270), sy = scale(0, 1, 140, 10);
  const label = `Test accuracy as the smallest weights are pruned: ${accuracies.map((a, i) => `${i * 10}% pruned → ${Math.round(a * 100)}%`).join(', ')}`;
  let svg = svgOpen(280, 165, label) + axes(40, 10, 270, 140);
  svg += `<path d="${linePath(accuracies.map((a, i) => [sx(i * 10), sy(a)] as const))}" fill="none" stroke="currentColor" stroke-width="2" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  svg += `<path d="${dotsPath(accuracies.map((a, i) => [sx(i * 10), sy(a)] as const))}" stroke="currentColor" stroke-width="6" stroke-linecap="round" ${coloured('kb-demo-pos', POSITIVE)}/>`;
  svg += text(36, 14, '100%', 'kb-demo-ink', 'end') + text(36, 143, '0%', 'kb-demo-ink', 'end') + text(155, 160, 'weights pruned (0–90%)', 'kb-demo-ink', 'middle');
  svg += '</svg>';
  return figure(svg, `Test accuracy of a small trained network as the smallest-magnitude weights are set to zero. The live demo has a pruning slider with live accuracy and finds the single “super weight” whose removal hurts most.`);
}

function initialisationFallback(p: DemoParams<'initialisation'>): string {
  const { train } = classificationData(p.dataset, p.noise, p.seed);
  const inits = ['zeros', 'uniform', 'xavier', 'he'] as const;
  const curves = inits.map((init) => trainCurve(classifierTrainer({ hidden: p.layers, activation: p.activation, seed: p.seed, init, learningRate: p.lr }), train, INITIALISATION_EPOCHS).losses);
  const label = `Training loss over ${INITIALISATION_EPOCHS} epochs from four initialisations: ${inits.map((init, i) => `${init} ends at ${curves[i][curves[i].length - 1].toFixed(3)}`).join(', ')}`;
  let svg = svgOpen(320, 110, label);
  inits.forEach((init, i) => {
    const x0 = 10 + i * 78;
    svg += axes(x0, 20, x0 + 66, 90) + lossCurve(curves[i], x0, 20, x0 + 66, 90, 1e-2, 1) + text(x0 + 33, 104, init, 'kb-demo-ink', 'middle');
  });
  svg += text(10, 12, 'loss (log scale) per epoch') + '</svg>';
  return figure(svg, `${label}. With all-zero weights every hidden unit is identical and stays identical, so the network cannot learn more than a constant. The live demo trains all four side by side.`);
}

export function renderFallback<N extends DemoName>(name: N, params: DemoParams<N>): string {
  // Each case narrows `params` by name; the casts restate what the generic already guarantees.
  switch (name) {
    case 'neuron': return neuronFallback(params as DemoParams<'neuron'>);
    case 'linear-regression': return linearRegressionFallback(params as DemoParams<'linear-regression'>);
    case 'learning-rate': return learningRateFallback(params as DemoParams<'learning-rate'>);
    case 'playground': return playgroundFallback(params as DemoParams<'playground'>);
    case 'pruning': return pruningFallback(params as DemoParams<'pruning'>);
    default: return initialisationFallback(params as DemoParams<'initialisation'>);
  }
}
