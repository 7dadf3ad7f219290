// Live demo "playground" (after TensorFlow Playground): choose data set, noise, hidden layers, neurons,
// activation, learning rate, regularisation and batch size; play/pause/step/reset; train and test loss
// curves; decision-boundary heat map; the network with every weight drawn as an editable edge.
// Training runs inside requestAnimationFrame with a per-frame time budget, so the page never freezes.

import { createRng, shuffledIndices, type DataSet, type RegularisationName, type Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { classificationData, classifierTrainer, DOMAIN, gridInputs } from './experiments.ts';
import { createNetworkDiagram, describeWeight, type WeightAddress } from './network-diagram.ts';
import { resolveDemoParams, type DemoParams } from './params.ts';
import { createCanvas, drawLossChart, drawPoints, drawProbabilityMap } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, publishLoss, select, slider, uniqueId } from './ui.ts';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARISATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const GRID_RESOLUTION = 32;
const FRAME_BUDGET_MS = 5;
const MAX_CURVE_POINTS = 400;
/** While playing, the network diagram and decision boundary are redrawn every Nth frame. */
const NETWORK_REDRAW_EVERY = 10;
const BOUNDARY_REDRAW_EVERY = 2;
const STATUS_REDRAW_EVERY = 6;
/** While playing, train and test losses are recorded every Nth frame. */
const LOSS_RECORD_EVERY = 2;

/** The option list with `value` added (sorted) if it is not already one of them. */
const withValue = (list: number[], value: number): string[] => [...new Set([...list, value])].sort((a, b) => a - b).map(String);

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: initial } = resolveDemoParams('playground', params);
  const settings: DemoParams<'playground'> = { ...initial, layers: [...initial.layers] };
  const shell = createShell(el, 'Neural network playground');
  const grid = gridInputs(GRID_RESOLUTION);

  let data: { train: DataSet; test: DataSet } = classificationData(settings.dataset, settings.noise, settings.seed);
  let trainer: Trainer;
  let shuffle = createRng(settings.seed);
  let order: Uint32Array = new Uint32Array(0);
  let cursor = 0, epoch = 0, frame = 0;
  let trainCurve: number[] = [], testCurve: number[] = [];
  let selected: WeightAddress | null = null;

  const newTrainer = (keepModel: boolean): Trainer => {
    const fresh = classifierTrainer({
      hidden: settings.layers, activation: settings.activation, seed: settings.seed, learningRate: settings.lr, batchSize: settings.batch,
      regularisation: settings.regularisation, regularisationRate: settings.rate,
    });
    if (keepModel && trainer) fresh.model.parameters.forEach((p, i) => p.data.set(trainer.model.parameters[i].data));
    return fresh;
  };

  const boundary = createCanvas(240, 240, 'Decision boundary: tinted by predicted class; circles are class 1, squares class 0; filled marks are training data, hollow marks test data');
  const curves = createCanvas(280, 150, 'Training loss (solid) and test loss (dashed) over time, log scale');
  const diagram = createNetworkDiagram(300, 240, (address) => selectWeight(address));
  shell.figures.append(
    h('figure', {}, boundary, h('figcaption', {}, 'Output: filled = train, hollow = test; ● class 1, ■ class 0')),
    h('figure', {}, diagram.root, h('figcaption', {}, 'Weights: width = size, solid = positive, dashed = negative. Hover to read, click to edit.')),
    h('figure', {}, curves, h('figcaption', {}, 'Loss: solid = train, dashed = test')),
  );

  // ----- weight editor (keyboard-operable alternative to clicking edges) -----
  const weightLabel = h('span', {}, 'No weight selected');
  const weightInputId = uniqueId('weight');
  const weightInput = h('input', { type: 'number', id: weightInputId, step: '0.01', disabled: '' });
  const weightAt = (a: WeightAddress): { data: Float32Array | Float64Array; index: number } => {
    const w = trainer.model.layers[a.layer].weights;
    return { data: w.data, index: a.from * w.cols + a.to };
  };
  const allWeights = (): WeightAddress[] => trainer.model.layers.flatMap((layer, l) =>
    Array.from({ length: layer.weights.data.length }, (_, i) => ({ layer: l, from: Math.floor(i / layer.weights.cols), to: i % layer.weights.cols })));
  function selectWeight(address: WeightAddress | null): void {
    selected = address;
    diagram.select(address);
    if (address) {
      const { data: w, index } = weightAt(address);
      weightLabel.textContent = `Selected: ${describeWeight(address, trainer.model.sizes)}`;
      weightInput.value = w[index].toFixed(3);
      weightInput.removeAttribute('disabled');
    } else {
      weightLabel.textContent = 'No weight selected';
      weightInput.setAttribute('disabled', '');
    }
    draw();
  }
  const cycleWeight = (delta: number): void => {
    const list = allWeights();
    const current = selected ? list.findIndex((a) => a.layer === selected?.layer && a.from === selected.from && a.to === selected.to) : -1;
    selectWeight(list[(current + delta + list.length) % list.length] ?? null);
  };
  const setSelectedWeight = (value: number): void => {
    if (!selected || !Number.isFinite(value)) return;
    const { data: w, index } = weightAt(selected);
    w[index] = value;
    weightInput.value = value.toFixed(3);
    draw();
  };
  weightInput.addEventListener('change', () => setSelectedWeight(Number(weightInput.value)));
  const editor = h('div', { class: 'kb-demo-control' }, weightLabel,
    h('div', { class: 'kb-demo-actions' },
      button('Previous weight', () => cycleWeight(-1)), button('Next weight', () => cycleWeight(1)),
      h('label', { for: weightInputId }, 'Value '), weightInput, button('Zero it', () => setSelectedWeight(0))));
  shell.figures.append(editor);

  // ----- drawing -----
  function draw(): void {
    const palette = readPalette(el);
    if (!loop.running || frame % BOUNDARY_REDRAW_EVERY === 0) {
      const probabilities = trainer.predict(grid, GRID_RESOLUTION * GRID_RESOLUTION);
      const { ctx, width, height } = drawProbabilityMap(boundary, probabilities, GRID_RESOLUTION, palette);
      drawPoints(ctx, width, height, data.train, DOMAIN, palette, false);
      drawPoints(ctx, width, height, data.test, DOMAIN, palette, true);
    }
    const everyFrame = !loop.running;
    if (everyFrame || frame % BOUNDARY_REDRAW_EVERY === 1) drawLossChart(curves, [
      { values: trainCurve, label: 'train', colour: palette.ink, dash: [] },
      { values: testCurve, label: 'test', colour: palette.accent, dash: [6, 4] },
    ], palette);
    if (everyFrame || frame % NETWORK_REDRAW_EVERY === 0) diagram.update(trainer.model);
    frame++;
    const trainLoss = trainCurve[trainCurve.length - 1], testLoss = testCurve[testCurve.length - 1];
    publishLoss(el, trainLoss);
    if (trainer.diverged || !Number.isFinite(trainLoss)) {
      shell.setStatus('diverged', `Diverged: loss became infinite/NaN in epoch ${epoch}. Training stopped — press Reset (a smaller learning rate helps).`);
      return;
    }
    if (!everyFrame && frame % STATUS_REDRAW_EVERY !== 0) return;
    const accuracy = Math.round(trainer.evaluate(data.test).accuracy * 100);
    const rising = trainCurve.length > 20 && trainLoss > 2 * Math.min(...trainCurve) ? ' Loss is rising: the learning rate may be too high.' : '';
    shell.setStatus(loop.running ? 'running' : 'paused', `Epoch ${epoch}: train loss ${formatNumber(trainLoss)}, test loss ${formatNumber(testLoss)}, test accuracy ${accuracy}%.${rising}`);
  }

  const recordLosses = (): void => {
    trainCurve.push(trainer.evaluate(data.train).loss);
    testCurve.push(trainer.evaluate(data.test).loss);
    if (trainCurve.length > MAX_CURVE_POINTS) { // keep every other point: the whole history at half resolution
      trainCurve = trainCurve.filter((_, i) => i % 2 === 0);
      testCurve = testCurve.filter((_, i) => i % 2 === 0);
    }
  };

  /** One mini-batch step; returns false once training diverged. */
  const trainStep = (): boolean => {
    if (cursor >= order.length) {
      order = shuffledIndices(data.train.count, shuffle);
      cursor = 0;
      epoch++;
    }
    const rows = order.subarray(cursor, Math.min(cursor + settings.batch, order.length));
    cursor += settings.batch;
    return !trainer.trainRows(data.train, rows).diverged;
  };

  const loop = frameLoop({
    budgetMs: FRAME_BUDGET_MS,
    work: (deadline) => {
      let ok = true;
      do ok = trainStep(); while (ok && performance.now() < deadline);
      if (!ok || frame % LOSS_RECORD_EVERY === 0) recordLosses();
      return ok;
    },
    draw,
    onStop: (error) => {
      syncPlayButton();
      if (error) shell.setStatus('error', 'Training stopped because of an internal error; press Reset.');
      else draw();
    },
  });

  const syncPlayButton = (): void => {
    playButton.textContent = loop.running ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', String(loop.running));
  };

  /** Fresh weights (and data when `newData`), empty curves. */
  const reset = (newData = false): void => {
    loop.stop();
    if (newData) data = classificationData(settings.dataset, settings.noise, settings.seed);
    trainer = newTrainer(false);
    shuffle = createRng(settings.seed);
    order = new Uint32Array(0);
    cursor = epoch = 0;
    trainCurve = [];
    testCurve = [];
    recordLosses();
    syncPlayButton();
    selectWeight(null);
  };

  // ----- controls -----
  const layerCount = slider({ label: 'Hidden layers', min: 0, max: 8, step: 1, value: settings.layers.length, onInput: (n) => { settings.layers = Array.from({ length: n }, () => neurons.value()); reset(); } });
  const neurons = slider({ label: 'Neurons per layer', min: 1, max: 8, step: 1, value: settings.layers[0] ?? 4, onInput: (n) => { settings.layers = settings.layers.map(() => n); reset(); } });
  const controls = [
    select({ label: 'Data set', options: ['circles', 'xor', 'gaussians', 'spirals'] as const, value: settings.dataset, onChange: (v) => { settings.dataset = v; reset(true); } }),
    slider({ label: 'Noise', min: 0, max: 0.5, step: 0.05, value: settings.noise, onInput: (v) => { settings.noise = v; reset(true); } }),
    layerCount, neurons,
    select({ label: 'Activation', options: ['tanh', 'relu', 'sigmoid', 'linear'] as const, value: settings.activation, onChange: (v) => { settings.activation = v; reset(); } }),
    select({ label: 'Learning rate', options: withValue(LEARNING_RATES, settings.lr), value: String(settings.lr), onChange: (v) => { settings.lr = Number(v); trainer.optimiser.learningRate = settings.lr; } }),
    select({ label: 'Regularisation', options: ['none', 'l1', 'l2'] as const, labels: { none: 'none', l1: 'L1', l2: 'L2' }, value: settings.regularisation, onChange: (v: RegularisationName) => { settings.regularisation = v; trainer = newTrainer(true); draw(); } }),
    select({ label: 'Regularisation rate', options: withValue(REGULARISATION_RATES, settings.rate), value: String(settings.rate), onChange: (v) => { settings.rate = Number(v); trainer = newTrainer(true); draw(); } }),
    slider({ label: 'Batch size', min: 1, max: 30, step: 1, value: settings.batch, onInput: (v) => { settings.batch = v; trainer = newTrainer(true); } }),
  ];
  shell.controls.append(...controls.map((c) => c.root));

  const playButton = button('Play', () => {
    if (loop.running) loop.stop();
    else if (!trainer.diverged) loop.start();
    syncPlayButton();
    draw();
  }, { 'aria-pressed': 'false' });
  shell.actions.append(
    playButton,
    button('Step (one batch)', () => { if (!trainer.diverged) { trainStep(); recordLosses(); } draw(); }),
    button('Reset', () => reset()),
    copyLinkButton('playground', () => ({ ...settings }), (m) => { shell.status.textContent = m; }),
  );

  trainer = newTrainer(false);
  reset();
}
