// Live demo "playground" (after TensorFlow Playground, and past it): data and input features | the network,
// every neuron drawn as a small heat map of what it computes over the plane | the output (decision boundary),
// losses and accuracy — three columns on wide screens, one below the other on narrow ones. Play, pause, step,
// reset; a speed control (training steps per frame; each data set's default lets the boundary form over about
// ten seconds); a readable epoch counter; weights that can be read, edited and zeroed, by mouse or keyboard;
// settings shared by URL. The network and its training live in playground-model.ts; this module draws.

import { frameLoop } from './animation.ts';
import { DOMAIN } from './experiments.ts';
import { createNetworkDiagram, describeWeight, type WeightAddress } from './network-diagram.ts';
import { PLAYGROUND_DEFAULTS, resolveDemoParams } from './params.ts';
import {
  activationRange,
  createPlaygroundRun,
  FEATURE_LABELS,
  FEATURES,
  type FeatureName,
  featureGrid,
  type NeuronMaps,
  neuronMaps,
  type PlaygroundRun,
  type PlaygroundSettings,
  parseFeatures,
} from './playground-model.ts';
import { createCanvas, drawLossChart, drawPoints, drawProbabilityMap, paintHeatMap } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, publishLoss, select, slider, uniqueId } from './ui.ts';

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARISATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const SPEEDS = [1, 2, 3, 5, 10, 20, 50, 100];
/** Grid over the plane on which every neuron (and the output) is evaluated for the heat maps. */
const MAP_RESOLUTION = 32;
const NODE_PX = 26;
const DIAGRAM = { width: 300, height: 256, marginLeft: 58, marginRight: 22 };
/** Training stops for the frame at this many milliseconds even at the highest speed, keeping the frame rate. */
const FRAME_BUDGET_MS = 6;
const MAX_CURVE_POINTS = 400;
/** While playing: the weights' edges are redrawn every Nth frame, neuron maps and curves every 2nd. */
const NETWORK_REDRAW_EVERY = 10;
const MAPS_REDRAW_EVERY = 2;
const STATUS_REDRAW_EVERY = 6;

/** The option list with `value` added (sorted) if it is not already one of them. */
const withValue = (list: number[], value: number): string[] => [...new Set([...list, value])].sort((a, b) => a - b).map(String);
const epochText = (epoch: number): string => new Intl.NumberFormat('en', { minimumIntegerDigits: 6 }).format(epoch);

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: initial } = resolveDemoParams('playground', params);
  const settings: PlaygroundSettings = { ...initial, layers: [...initial.layers] };
  const shell = createShell(el, 'Neural network playground');
  el.classList.add('kb-pg');

  let run: PlaygroundRun = createPlaygroundRun(settings);
  let maps: NeuronMaps = neuronMaps(run, MAP_RESOLUTION);
  /** Epochs of earlier runs whose weights this run continues (after a change of batch size or penalty). */
  let epochOffset = 0,
    frame = 0;
  let trainCurve: number[] = [],
    testCurve: number[] = [];
  let selected: WeightAddress | null = null;
  const epoch = (): number => epochOffset + run.epoch;

  // ----- layout: bar | data & features | network | output -----
  const epochValue = h('span', { class: 'kb-pg-epoch-value' });
  const epochBox = h('p', { class: 'kb-pg-epoch' }, h('span', {}, 'Epoch'), epochValue);
  const dataColumn = h('section', { class: 'kb-pg-column', 'aria-label': 'Data and input features' }, h('h3', {}, 'Data'));
  const networkColumn = h('section', { class: 'kb-pg-column', 'aria-label': 'Network' }, h('h3', {}, 'Network'));
  const outputColumn = h('section', { class: 'kb-pg-column', 'aria-label': 'Output' }, h('h3', {}, 'Output'));
  shell.figures.classList.add('kb-pg-columns');
  shell.figures.append(dataColumn, networkColumn, outputColumn);

  // ----- output column -----
  const boundary = createCanvas(
    240,
    240,
    'Decision boundary: the plane tinted by the predicted class; circles are class 1, squares class 0; filled marks are training data, hollow marks test data',
  );
  const curves = createCanvas(240, 96, 'Training loss (solid) and test loss (dashed) over time, log scale');
  const lossLine = h('p', { class: 'kb-pg-numbers' });
  outputColumn.append(
    lossLine,
    h('figure', {}, boundary, h('figcaption', {}, 'Blue ● class 1, orange ■ class 0; filled = training, hollow = test.')),
    h('figure', {}, curves, h('figcaption', {}, 'Loss: solid = training, dashed = test')),
  );

  // ----- network column: the diagram with a heat map on every neuron -----
  const diagram = createNetworkDiagram(DIAGRAM.width, DIAGRAM.height, (address) => selectWeight(address), {
    marginLeft: DIAGRAM.marginLeft,
    marginRight: DIAGRAM.marginRight,
    nodeRadius: 0,
  });
  const nodeLayer = h('div', { class: 'kb-pg-nodes', 'aria-hidden': 'true' });
  const network = h('div', { class: 'kb-pg-network', style: `width:${DIAGRAM.width}px;height:${DIAGRAM.height}px` }, diagram.root, nodeLayer);
  let nodeCanvases: HTMLCanvasElement[][] = [];
  let nodeShape = '';
  const buildNodes = (): void => {
    const key = `${run.features.join()}|${run.trainer.model.sizes.join()}`;
    if (key === nodeShape) return;
    nodeShape = key;
    diagram.update(run.trainer.model); // lays out the positions
    nodeCanvases = diagram.positions.map((column, c) =>
      column.map(({ x, y }, i) => {
        const canvas = h('canvas', {
          class: 'kb-pg-node',
          width: String(MAP_RESOLUTION),
          height: String(MAP_RESOLUTION),
          style: `left:${x - NODE_PX / 2}px;top:${y - NODE_PX / 2}px`,
        });
        canvas.title =
          c === 0
            ? `Input ${FEATURE_LABELS[run.features[i]]}`
            : c === diagram.positions.length - 1
              ? 'Output: probability of class 1'
              : `Layer ${c} neuron ${i + 1}`;
        return canvas;
      }),
    );
    const labels = diagram.positions[0].map(({ y }, i) =>
      h(
        'span',
        { class: 'kb-pg-node-label', style: `top:${y - 9}px;right:${DIAGRAM.width - DIAGRAM.marginLeft + NODE_PX / 2 + 4}px` },
        FEATURE_LABELS[run.features[i]],
      ),
    );
    nodeLayer.replaceChildren(...nodeCanvases.flat(), ...labels);
  };
  networkColumn.append(
    network,
    h(
      'p',
      { class: 'kb-demo-note' },
      'Each square shows what that neuron computes over the plane (blue positive, orange negative). Edges: width = size of the weight, solid = positive, dashed = negative. Click an edge, or use the weight buttons below, to read, edit or zero it.',
    ),
  );

  // ----- data column: data set, noise, batch size and the input features -----
  const featureButtons = FEATURES.map((name) => {
    const thumbnail = h('canvas', { class: 'kb-pg-feature-map', width: String(MAP_RESOLUTION), height: String(MAP_RESOLUTION), 'aria-hidden': 'true' });
    const el2 = button('', () => toggleFeature(name), { 'aria-pressed': 'false', class: 'kb-demo-button kb-pg-feature' });
    el2.replaceChildren(thumbnail, h('span', {}, FEATURE_LABELS[name]));
    el2.setAttribute('aria-label', `Input feature ${FEATURE_LABELS[name]}`);
    return { name, el: el2, thumbnail };
  });
  const featureGroup = h('div', { class: 'kb-pg-features', role: 'group', 'aria-label': 'Input features (toggle)' }, ...featureButtons.map((b) => b.el));

  // ----- weight editor (keyboard-operable alternative to clicking edges) -----
  const weightLabel = h('span', {}, 'No weight selected');
  const weightInputId = uniqueId('weight');
  const weightInput = h('input', { type: 'number', id: weightInputId, step: '0.01', disabled: '' });
  const weightAt = (a: WeightAddress): { data: Float32Array | Float64Array; index: number } => {
    const w = run.trainer.model.layers[a.layer].weights;
    return { data: w.data, index: a.from * w.cols + a.to };
  };
  const allWeights = (): WeightAddress[] =>
    run.trainer.model.layers.flatMap((layer, l) =>
      Array.from({ length: layer.weights.data.length }, (_, i) => ({ layer: l, from: Math.floor(i / layer.weights.cols), to: i % layer.weights.cols })),
    );
  function selectWeight(address: WeightAddress | null): void {
    selected = address;
    diagram.select(address);
    if (address) {
      const { data: w, index } = weightAt(address);
      weightLabel.textContent = `Selected: ${describeWeight(address, run.trainer.model.sizes)}`;
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
  const editor = h(
    'div',
    { class: 'kb-demo-control kb-pg-editor' },
    weightLabel,
    h(
      'div',
      { class: 'kb-demo-actions' },
      button('Previous weight', () => cycleWeight(-1)),
      button('Next weight', () => cycleWeight(1)),
      h('label', { for: weightInputId }, 'Value '),
      weightInput,
      button('Zero it', () => setSelectedWeight(0)),
    ),
  );

  // ----- drawing -----
  const drawFeatureThumbnails = (): void => {
    const palette = readPalette(el);
    for (const { name, el: b, thumbnail } of featureButtons) {
      paintHeatMap(thumbnail, featureGrid(MAP_RESOLUTION, [name]), 1, 0, [-1, 1], palette);
      b.setAttribute('aria-pressed', String(run.features.includes(name)));
    }
  };

  function draw(): void {
    const palette = readPalette(el);
    const playing = loop.running,
      every = (n: number): boolean => !playing || frame % n === 0;
    if (every(MAPS_REDRAW_EVERY)) {
      maps.update();
      const out = maps.layers[maps.layers.length - 1];
      const { ctx, width, height } = drawProbabilityMap(boundary, out.data, MAP_RESOLUTION, palette);
      drawPoints(ctx, width, height, run.points.train, DOMAIN, palette, false);
      drawPoints(ctx, width, height, run.points.test, DOMAIN, palette, true);
      buildNodes();
      maps.layers.forEach((layer, c) => {
        const range = c === 0 ? ([-1, 1] as const) : c === maps.layers.length - 1 ? ([0, 1] as const) : activationRange(settings.activation);
        nodeCanvases[c]?.forEach((canvas, j) => paintHeatMap(canvas, layer.data, layer.cols, j, range, palette));
      });
      drawLossChart(
        curves,
        [
          { values: trainCurve, label: 'training', colour: palette.ink, dash: [] },
          { values: testCurve, label: 'test', colour: palette.accent, dash: [6, 4] },
        ],
        palette,
      );
    }
    if (every(NETWORK_REDRAW_EVERY)) diagram.update(run.trainer.model);
    frame++;
    epochValue.textContent = epochText(epoch());
    el.dataset.epoch = String(epoch());
    const trainLoss = trainCurve[trainCurve.length - 1],
      testLoss = testCurve[testCurve.length - 1];
    publishLoss(el, trainLoss);
    if (run.trainer.diverged || !Number.isFinite(trainLoss)) {
      lossLine.textContent = 'Training loss: not a number';
      shell.setStatus('diverged', `Diverged: loss became infinite/NaN in epoch ${epoch()}. Training stopped — press Reset (a smaller learning rate helps).`);
      return;
    }
    if (!every(STATUS_REDRAW_EVERY)) return;
    const accuracy = Math.round(run.trainer.evaluate(run.data.test).accuracy * 100);
    el.dataset.accuracy = String(accuracy / 100);
    lossLine.textContent = `Test loss ${formatNumber(testLoss)} · training loss ${formatNumber(trainLoss)} · test accuracy ${accuracy}%`;
    const rising = trainCurve.length > 20 && trainLoss > 2 * Math.min(...trainCurve) ? ' Loss is rising: the learning rate may be too high.' : '';
    shell.setStatus(
      playing ? 'running' : 'paused',
      `${playing ? 'Training' : 'Paused'} at epoch ${epoch()}, ${settings.speed} ${settings.speed === 1 ? 'step' : 'steps'} per frame: test accuracy ${accuracy}%.${rising}`,
    );
  }

  const recordLosses = (): void => {
    const { trainLoss, testLoss } = run.evaluate();
    trainCurve.push(trainLoss);
    testCurve.push(testLoss);
    if (trainCurve.length > MAX_CURVE_POINTS) {
      // keep every other point: the whole history at half resolution
      trainCurve = trainCurve.filter((_, i) => i % 2 === 0);
      testCurve = testCurve.filter((_, i) => i % 2 === 0);
    }
  };

  const loop = frameLoop({
    budgetMs: FRAME_BUDGET_MS,
    work: (deadline) => {
      let ok = true;
      for (let i = 0; ok && i < settings.speed && (i === 0 || performance.now() < deadline); i++) ok = run.step();
      if (!ok || frame % MAPS_REDRAW_EVERY === 0) recordLosses();
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

  /** A new run from the settings: fresh weights, or the current ones when `keepWeights` and the shapes match. */
  const restart = (keepWeights: boolean): void => {
    const previous = run;
    run = createPlaygroundRun(settings, keepWeights ? previous : undefined);
    if (keepWeights) epochOffset += previous.epoch;
    else {
      epochOffset = 0;
      trainCurve = [];
      testCurve = [];
      recordLosses();
    }
    maps = neuronMaps(run, MAP_RESOLUTION);
    if (selected && !run.trainer.model.layers[selected.layer]) selected = null;
  };
  /** Fresh weights and curves (paused). */
  const reset = (): void => {
    loop.stop();
    restart(false);
    drawFeatureThumbnails();
    syncPlayButton();
    selectWeight(null);
  };

  // ----- controls -----
  const layerCount = slider({
    label: 'Hidden layers',
    min: 0,
    max: 8,
    step: 1,
    value: settings.layers.length,
    onInput: (n) => {
      settings.layers = Array.from({ length: n }, () => neurons.value());
      reset();
    },
  });
  const neurons = slider({
    label: 'Neurons per layer',
    min: 1,
    max: 8,
    step: 1,
    value: settings.layers[0] ?? 4,
    onInput: (n) => {
      settings.layers = settings.layers.map(() => n);
      reset();
    },
  });
  const noise = slider({
    label: 'Noise',
    min: 0,
    max: 0.5,
    step: 0.05,
    value: settings.noise,
    onInput: (v) => {
      settings.noise = v;
      reset();
    },
  });
  const batch = slider({
    label: 'Batch size',
    min: 1,
    max: 30,
    step: 1,
    value: settings.batch,
    onInput: (v) => {
      settings.batch = v;
      restart(true);
      draw();
    },
  });
  const activation = select({
    label: 'Activation',
    options: ['tanh', 'relu', 'sigmoid', 'linear'] as const,
    value: settings.activation,
    onChange: (v) => {
      settings.activation = v;
      reset();
    },
  });
  const lr = select({
    label: 'Learning rate',
    options: withValue(LEARNING_RATES, settings.lr),
    value: String(settings.lr),
    onChange: (v) => {
      settings.lr = Number(v);
      run.trainer.optimiser.learningRate = settings.lr;
    },
  });
  const speed = select({
    label: 'Speed',
    options: withValue(SPEEDS, settings.speed),
    value: String(settings.speed),
    labels: Object.fromEntries(withValue(SPEEDS, settings.speed).map((s) => [s, `${s} ${s === '1' ? 'step' : 'steps'}/frame`])),
    onChange: (v) => {
      settings.speed = Number(v);
      draw();
    },
  });
  const dataset = select({
    label: 'Data set',
    options: ['circles', 'xor', 'gaussians', 'spirals'] as const,
    value: settings.dataset,
    onChange: (v) => {
      // each data set comes with settings that learn it
      Object.assign(settings, { ...PLAYGROUND_DEFAULTS[v], dataset: v, layers: [...PLAYGROUND_DEFAULTS[v].layers] });
      noise.set(settings.noise);
      layerCount.set(settings.layers.length);
      neurons.set(settings.layers[0] ?? neurons.value());
      activation.set(settings.activation);
      lr.select.replaceChildren(...withValue(LEARNING_RATES, settings.lr).map((o) => h('option', { value: o }, o)));
      lr.set(String(settings.lr));
      speed.set(String(settings.speed));
      reset();
    },
  });
  const regularisation = select({
    label: 'Regularisation',
    options: ['none', 'l1', 'l2'] as const,
    labels: { none: 'none', l1: 'L1', l2: 'L2' },
    value: settings.regularisation,
    onChange: (v) => {
      settings.regularisation = v;
      restart(true);
      draw();
    },
  });
  const rate = select({
    label: 'Regularisation rate',
    options: withValue(REGULARISATION_RATES, settings.rate),
    value: String(settings.rate),
    onChange: (v) => {
      settings.rate = Number(v);
      restart(true);
      draw();
    },
  });

  function toggleFeature(name: FeatureName): void {
    const current = new Set(parseFeatures(settings.features) ?? []);
    if (current.has(name)) {
      if (current.size === 1) {
        shell.status.textContent = 'The network needs at least one input feature.';
        return;
      }
      current.delete(name);
    } else current.add(name);
    settings.features = FEATURES.filter((f) => current.has(f)).join('-');
    reset();
  }

  const playButton = button(
    'Play',
    () => {
      if (loop.running) loop.stop();
      else if (!run.trainer.diverged) loop.start();
      syncPlayButton();
      draw();
    },
    { 'aria-pressed': 'false', class: 'kb-demo-button kb-pg-play' },
  );
  shell.actions.append(
    playButton,
    button('Step (one batch)', () => {
      if (!run.trainer.diverged) {
        run.step();
        recordLosses();
      }
      draw();
    }),
    button('Reset', reset),
    epochBox,
    copyLinkButton(
      'playground',
      () => ({ ...settings }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  shell.controls.append(speed.root, lr.root, activation.root, regularisation.root, rate.root);
  dataColumn.append(dataset.root, noise.root, batch.root, h('h3', {}, 'Features'), featureGroup);
  networkColumn.insertBefore(h('div', { class: 'kb-demo-controls' }, layerCount.root, neurons.root), network);
  shell.addBeforeStatus(editor);

  recordLosses();
  drawFeatureThumbnails();
  syncPlayButton();
  selectWeight(null);
}
