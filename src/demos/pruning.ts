// Live demo "pruning": a small network is trained on load (seeded, in animation frames); a slider zeroes
// the smallest-magnitude weights and shows accuracy live; a button finds the "super weight" — the single
// weight whose removal raises the loss most — and lets you zero or restore it.

import type { Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { classificationData, classifierTrainer, DOMAIN, gridInputs } from './experiments.ts';
import { createNetworkDiagram, describeWeight, type WeightAddress } from './network-diagram.ts';
import { resolveDemoParams } from './params.ts';
import { createCanvas, drawPoints, drawProbabilityMap } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, publishLoss, slider } from './ui.ts';

const TRAINING_EPOCHS = 150;
/** One training epoch per frame: the network trains in about two and a half seconds, visibly. */
const EPOCHS_PER_FRAME = 1;
const GRID_RESOLUTION = 40;

interface WeightRef {
  address: WeightAddress;
  data: Float32Array | Float64Array;
  index: number;
}

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('pruning', params);
  const shell = createShell(el, 'Pruning and the super weight');
  const { train, test } = classificationData(p.dataset, p.noise, p.seed);
  const trainer: Trainer = classifierTrainer({ hidden: p.layers, activation: 'tanh', seed: p.seed, learningRate: 0.03, optimiser: 'adam' });
  const grid = gridInputs(GRID_RESOLUTION);
  const refs: WeightRef[] = trainer.model.layers.flatMap((layer, l) =>
    Array.from(layer.weights.data, (_, i) => ({
      address: { layer: l, from: Math.floor(i / layer.weights.cols), to: i % layer.weights.cols },
      data: layer.weights.data,
      index: i,
    })),
  );
  let trained: number[] = [];
  let prunePercent = 0;
  let superWeight: (WeightRef & { original: number }) | null = null;
  let superZeroed = false;
  let baseline = { loss: NaN, accuracy: NaN };
  let epoch = 0;

  const boundary = createCanvas(240, 240, 'Decision boundary of the pruned network; circles class 1, squares class 0, hollow marks are test data');
  const diagram = createNetworkDiagram(300, 240, () => {});
  const summary = h('p', { class: 'kb-demo-note', 'aria-live': 'polite' });
  shell.figures.append(
    h('figure', {}, boundary, h('figcaption', {}, 'Predictions of the pruned network')),
    h('figure', {}, diagram.root, h('figcaption', {}, 'Dotted edges are pruned (zero) weights')),
  );
  shell.addAfterStatus(summary);

  const draw = (): void => {
    const palette = readPalette(el);
    const { ctx, width, height } = drawProbabilityMap(boundary, trainer.predict(grid, GRID_RESOLUTION * GRID_RESOLUTION), GRID_RESOLUTION, palette);
    drawPoints(ctx, width, height, train, DOMAIN, palette, false);
    drawPoints(ctx, width, height, test, DOMAIN, palette, true);
    diagram.update(trainer.model);
  };

  /** Applies the slider (from the trained weights) and the super-weight toggle, then reports. */
  const apply = (): void => {
    if (!trained.length) return;
    const order = refs.map((_, i) => i).sort((a, b) => Math.abs(trained[a]) - Math.abs(trained[b]) || a - b);
    const pruned = Math.round((prunePercent / 100) * refs.length);
    refs.forEach((r, i) => {
      r.data[r.index] = trained[i];
    });
    for (let k = 0; k < pruned; k++) refs[order[k]].data[refs[order[k]].index] = 0;
    if (superWeight && superZeroed) superWeight.data[superWeight.index] = 0;
    const result = trainer.evaluate(test);
    publishLoss(el, result.loss);
    el.dataset.accuracy = String(result.accuracy);
    summary.textContent = `${pruned} of ${refs.length} weights pruned (${prunePercent}%)${superWeight && superZeroed ? ' and the super weight zeroed' : ''}: test accuracy ${Math.round(result.accuracy * 100)}% (unpruned ${Math.round(baseline.accuracy * 100)}%), test loss ${formatNumber(result.loss)} (unpruned ${formatNumber(baseline.loss)}).`;
    draw();
  };

  /** Tries zeroing each non-zero weight alone; the one that raises the training loss most is the super weight. */
  const findSuperWeight = (): void => {
    let best: WeightRef | null = null,
      worstLoss = -Infinity;
    const before = trainer.evaluate(train).loss;
    for (const r of refs) {
      const value = r.data[r.index];
      if (value === 0) continue;
      r.data[r.index] = 0;
      const loss = trainer.evaluate(train).loss;
      r.data[r.index] = value;
      if (loss > worstLoss) {
        worstLoss = loss;
        best = r;
      }
    }
    if (!best) {
      shell.setStatus('ready', 'Every weight is already zero.');
      return;
    }
    superWeight = { ...best, original: trained[refs.indexOf(best)] };
    superZeroed = false;
    diagram.select(best.address);
    zeroButton.removeAttribute('disabled');
    zeroButton.textContent = 'Zero the super weight';
    el.dataset.superWeight = describeWeight(best.address, trainer.model.sizes);
    shell.setStatus(
      'ready',
      `Super weight: ${describeWeight(best.address, trainer.model.sizes)} = ${best.data[best.index].toFixed(3)}. Removing it alone raises the training loss from ${formatNumber(before)} to ${formatNumber(worstLoss)}.`,
    );
    apply();
  };

  const loop = frameLoop({
    budgetMs: 6,
    work: () => {
      for (let i = 0; i < EPOCHS_PER_FRAME && epoch < TRAINING_EPOCHS; i++, epoch++) if (trainer.trainEpoch(train).diverged) return false;
      return epoch < TRAINING_EPOCHS;
    },
    draw: () => {
      const loss = trainer.evaluate(train).loss;
      publishLoss(el, loss);
      shell.setStatus('training', `Training the network: epoch ${epoch} of ${TRAINING_EPOCHS}, training loss ${formatNumber(loss)}.`);
      el.dataset.epoch = String(epoch);
      if (epoch % 10 === 0) draw();
    },
    onStop: (error) => {
      if (error) {
        shell.setStatus('error', 'Training stopped because of an internal error.');
        return;
      }
      if (trainer.diverged) {
        shell.setStatus('diverged', 'Diverged: loss became infinite/NaN while training.');
        return;
      }
      trained = refs.map((r) => r.data[r.index]);
      baseline = trainer.evaluate(test);
      pruneSlider.input.removeAttribute('disabled');
      findButton.removeAttribute('disabled');
      shell.setStatus('ready', `Trained for ${TRAINING_EPOCHS} epochs. Move the slider to prune, or find the super weight.`);
      apply();
    },
  });

  const pruneSlider = slider({
    label: 'Prune smallest weights (%)',
    min: 0,
    max: 100,
    step: 5,
    value: 0,
    format: (v) => `${v}%`,
    onInput: (v) => {
      prunePercent = v;
      apply();
    },
  });
  pruneSlider.input.setAttribute('disabled', '');
  shell.controls.append(pruneSlider.root);
  const findButton = button('Find the super weight', findSuperWeight, { disabled: '' });
  const zeroButton = button(
    'Zero the super weight',
    () => {
      superZeroed = !superZeroed;
      zeroButton.textContent = superZeroed ? 'Restore the super weight' : 'Zero the super weight';
      apply();
    },
    { disabled: '' },
  );
  shell.actions.append(
    findButton,
    zeroButton,
    copyLinkButton(
      'pruning',
      () => ({ ...p }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  draw();
  loop.start();
}
