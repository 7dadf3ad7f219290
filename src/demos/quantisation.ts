// Live demo "quantisation": a small network is trained on load (seeded, a few seconds, watched as its
// decision boundary forms); then its weights are stored in 8, 4, 3 or 2-bit integers (one scale per tensor,
// per output channel or per group; symmetric or asymmetric) or as MXFP4, and the demo shows what that does:
// the weight histogram with the quantisation grid over it, the decision boundary of the quantised network,
// and accuracy against model size for every bit width. The model lives in quantisation-model.ts.

import { frameLoop } from './animation.ts';
import { DOMAIN } from './experiments.ts';
import { resolveDemoParams } from './params.ts';
import { featureGrid } from './playground-model.ts';
import { createCanvas, drawAccuracyChart, drawPoints, drawProbabilityMap, drawWeightHistogram } from './plot.ts';
import {
  applyScheme,
  BIT_WIDTHS,
  describeScheme,
  floatResult,
  gridValues,
  MX_BLOCK,
  QUANT_TRAIN_EPOCHS,
  type QuantisationParams,
  type QuantScheme,
  quantisationSetup,
  schemeOf,
  schemePoints,
} from './quantisation-model.ts';
import { readPalette } from './theme.ts';
import { copyLinkButton, createShell, h, publishLoss, select, slider } from './ui.ts';

const MAP_RESOLUTION = 40;
/** Training epochs per frame while the network trains on load: 300 epochs in about two and a half seconds. */
const EPOCHS_PER_FRAME = 2;
/** While training, the boundary and the histogram are redrawn every Nth frame. */
const TRAINING_DRAW_EVERY = 3;
const bytes = (n: number): string => `${Math.round(n).toLocaleString('en')} bytes`;

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: initial } = resolveDemoParams('quantisation', params);
  const p: QuantisationParams = { ...initial, layers: [...initial.layers] };
  const shell = createShell(el, 'Quantisation: storing the weights in fewer bits');
  const setup = quantisationSetup(p);
  const grid = featureGrid(MAP_RESOLUTION, setup.features);
  let epoch = 0,
    layerShown = 0,
    frame = 0;

  const histogram = createCanvas(
    300,
    150,
    'Histogram of the chosen layer’s trained weights (grey bars), the values stored after quantisation (green stems) and the grid of representable values (ticks)',
  );
  const boundary = createCanvas(200, 200, 'Decision boundary of the quantised network; circles class 1, squares class 0, hollow marks are test data');
  const chart = createCanvas(
    280,
    190,
    'Test accuracy against bits stored per weight, labelled with the model size in bytes, for 8, 4, 3 and 2-bit integers with the chosen scales and range, MXFP4 and float32',
  );
  const summary = h('p', { class: 'kb-demo-note', 'aria-live': 'polite' });
  const table = h(
    'table',
    { class: 'kb-demo-table' },
    h('thead', {}, h('tr', {}, ...['format', 'bits per weight', 'bytes', 'accuracy'].map((t) => h('th', { scope: 'col' }, t)))),
    // one row per scheme from the start (filled in once the network is trained), so the table keeps its height
    h(
      'tbody',
      {},
      ...[...BIT_WIDTHS.map((b) => `int${b}`), 'MXFP4', 'float32'].map((name) =>
        h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, '…'), h('td', {}, '…'), h('td', {}, '…')),
      ),
    ),
  );
  const histogramCaption = h('figcaption', {}, 'Layer 1 weights: grey = trained, green = stored; ticks = the grid');
  shell.figures.append(
    h('figure', {}, histogram, histogramCaption),
    h('figure', {}, boundary, h('figcaption', {}, 'Predictions of the network (quantised once trained)')),
    h('figure', {}, chart, h('figcaption', {}, 'Accuracy against bits per weight (the chosen scheme ringed; MX = MXFP4)'), table),
  );
  shell.addAfterStatus(summary);

  const drawBoundary = (): void => {
    const palette = readPalette(el);
    const { ctx, width, height } = drawProbabilityMap(boundary, setup.trainer.predict(grid, MAP_RESOLUTION * MAP_RESOLUTION), MAP_RESOLUTION, palette, true);
    drawPoints(ctx, width, height, setup.points.train, DOMAIN, palette, false);
    drawPoints(ctx, width, height, setup.points.test, DOMAIN, palette, true);
  };

  /** Quantises with the current settings and redraws everything. */
  const show = (): void => {
    const scheme: QuantScheme = schemeOf(p);
    const palette = readPalette(el);
    const float = floatResult(setup);
    const trained = setup.model.weights[layerShown].data.slice();
    const result = applyScheme(setup, scheme);
    drawBoundary();
    const q = result.quantised[layerShown];
    let widest = 0;
    for (let g = 1; g < q.scale.cols; g++) if (q.scale.data[g] > q.scale.data[widest]) widest = g;
    drawWeightHistogram(histogram, trained, setup.model.weights[layerShown].data, gridValues(q, widest), palette);
    result.restore();
    histogramCaption.textContent = `Layer ${layerShown + 1} weights: grey = trained, green = stored; ticks = the grid${q.scale.cols > 1 ? ' of its widest group' : ''}`;
    // accuracy against size: every bit width with these scales and range, MXFP4, float32
    const points = schemePoints(setup, scheme);
    drawAccuracyChart(chart, points, { label: 'bits stored per weight (log scale)', ticks: [2, 4, 8, 16, 32], log2: true }, palette);
    table.tBodies[0].replaceChildren(
      ...points.map((q) =>
        h(
          'tr',
          q.highlight ? { class: 'kb-demo-chosen' } : {},
          h('th', { scope: 'row' }, q.name),
          h('td', {}, q.x.toFixed(2)),
          h('td', {}, Math.round(q.bytes).toLocaleString('en')),
          h('td', {}, `${Math.round(q.y * 100)}%`),
        ),
      ),
    );
    el.dataset.accuracy = String(result.accuracy);
    el.dataset.bytes = String(result.bytes);
    const blocks =
      scheme.format === 'mxfp4'
        ? ` Blocks run down each neuron's inputs, so in layers this small a block holds ${[...new Set(setup.model.weights.map((w) => Math.min(w.rows, MX_BLOCK)))].join(' or ')} weights rather than ${MX_BLOCK}, and its scale costs more than MXFP4's usual 0.25 bits per weight.`
        : '';
    summary.textContent = `${describeScheme(scheme)}: ${result.bitsPerWeight.toFixed(2)} bits per weight with its scales, ${bytes(result.bytes)} for the whole model (float32: ${bytes(float.bytes)}, ${(float.bytes / result.bytes).toFixed(1)}× larger); test accuracy ${Math.round(result.accuracy * 100)}% (float32: ${Math.round(float.accuracy * 100)}%). Biases stay in float32.${blocks}`;
    shell.setStatus(
      'ready',
      `Trained for ${QUANT_TRAIN_EPOCHS} epochs. Quantised as ${describeScheme(scheme)}: test accuracy ${Math.round(result.accuracy * 100)}%.`,
    );
  };

  const setEnabled = (): void => {
    const ready = epoch >= QUANT_TRAIN_EPOCHS,
      mx = p.format === 'mxfp4';
    for (const [control, on] of [
      [format.select, ready],
      [bits.select, ready && !mx],
      [scales.select, ready && !mx],
      [range.select, ready && !mx],
      [layer.select, ready],
      [group.input, ready && !mx && p.scales === 'group'],
    ] as const) {
      if (on) control.removeAttribute('disabled');
      else control.setAttribute('disabled', '');
    }
  };

  const loop = frameLoop({
    budgetMs: 8,
    work: (deadline) => {
      for (let i = 0; i < EPOCHS_PER_FRAME && epoch < QUANT_TRAIN_EPOCHS && (i === 0 || performance.now() < deadline); i++, epoch++) {
        if (setup.trainer.trainEpoch(setup.data.train).diverged) return false;
      }
      return epoch < QUANT_TRAIN_EPOCHS;
    },
    draw: () => {
      const { loss, accuracy } = setup.trainer.evaluate(setup.data.test);
      publishLoss(el, loss);
      el.dataset.epoch = String(epoch);
      if (frame++ % TRAINING_DRAW_EVERY === 0) {
        drawBoundary();
        drawWeightHistogram(histogram, setup.model.weights[0].data, null, [], readPalette(el));
      }
      shell.setStatus('training', `Training the float32 network first: epoch ${epoch} of ${QUANT_TRAIN_EPOCHS}, test accuracy ${Math.round(accuracy * 100)}%.`);
    },
    onStop: (error) => {
      if (error || setup.trainer.diverged) {
        shell.setStatus('error', 'Training stopped because of an internal error.');
        return;
      }
      setEnabled();
      show();
    },
  });

  const format = select({
    label: 'Format',
    options: ['int', 'mxfp4'] as const,
    labels: { int: 'integers', mxfp4: 'MXFP4' },
    value: p.format,
    onChange: (v) => {
      p.format = v;
      setEnabled();
      show();
    },
  });
  const bits = select({
    label: 'Bits',
    options: ['8', '4', '3', '2'] as const,
    value: p.bits,
    onChange: (v) => {
      p.bits = v;
      show();
    },
  });
  const scales = select({
    label: 'Scales',
    options: ['tensor', 'channel', 'group'] as const,
    labels: { tensor: 'one per tensor', channel: 'one per channel', group: 'one per group' },
    value: p.scales,
    onChange: (v) => {
      p.scales = v;
      setEnabled();
      show();
    },
  });
  const group = slider({
    label: 'Group size',
    min: 2,
    max: 32,
    step: 1,
    value: p.group,
    onInput: (v) => {
      p.group = v;
      show();
    },
  });
  const range = select({
    label: 'Range',
    options: ['symmetric', 'asymmetric'] as const,
    value: p.range,
    onChange: (v) => {
      p.range = v;
      show();
    },
  });
  const layer = select({
    label: 'Histogram of',
    options: setup.model.layers.map((_, i) => String(i)),
    labels: Object.fromEntries(setup.model.layers.map((l, i) => [String(i), `layer ${i + 1} (${l.weights.rows}×${l.weights.cols})`])),
    value: '0',
    onChange: (v) => {
      layerShown = Number(v);
      show();
    },
  });
  shell.controls.append(format.root, bits.root, scales.root, group.root, range.root, layer.root);
  shell.actions.append(
    copyLinkButton(
      'quantisation',
      () => ({ ...p }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  setEnabled();
  drawBoundary();
  loop.start();
}
