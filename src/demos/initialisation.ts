// Live demo "initialisation": the same network and data trained from zeros, uniform, Xavier and He
// initial weights, at a pace one can watch, loss curves side by side on one shared scale, and a view of the
// first hidden layer showing why zero initialisation fails (every hidden unit computes the same value, so
// they never become different).

import type { Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { classificationData, classifierTrainer } from './experiments.ts';
import { resolveDemoParams } from './params.ts';
import { createCanvas, drawLossChart, lossRange } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, publishLoss } from './ui.ts';

const INITIALISERS = ['zeros', 'uniform', 'xavier', 'he'] as const;
const LABELS: Record<(typeof INITIALISERS)[number], string> = { zeros: 'Zeros', uniform: 'Uniform ±0.5', xavier: 'Xavier/Glorot', he: 'He' };
const MAX_EPOCHS = 300;
/** One epoch (of all four networks) every this many frames: 300 epochs in about ten seconds at 60 fps. */
const FRAMES_PER_EPOCH = 2;
/** Hidden-unit activations are shown for this input point. */
const PROBE = [0.5, -0.3];

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('initialisation', params);
  const shell = createShell(el, 'Weight initialisation');
  const { train } = classificationData(p.dataset, p.noise, p.seed);
  let runs: { init: (typeof INITIALISERS)[number]; trainer: Trainer; losses: number[] }[] = [];
  let epoch = 0;

  const panels = INITIALISERS.map((init) => {
    const canvas = createCanvas(200, 120, `${LABELS[init]}: training loss per epoch, log scale`);
    const units = h('div', { class: 'kb-demo-units', role: 'img' });
    const caption = h('figcaption', {});
    shell.figures.append(h('figure', {}, h('strong', {}, LABELS[init]), canvas, units, caption));
    return { canvas, units, caption };
  });
  shell.addAfterStatus(
    h(
      'p',
      { class: 'kb-demo-note' },
      'Bars under each chart show the first hidden layer’s units for one input point. With zero initial weights every hidden unit computes the same value and receives the same gradient, so they stay identical — the network is no better than a single unit (here the weights never even move from zero), and the loss stays flat.',
    ),
  );

  const reset = (): void => {
    loop.stop();
    runs = INITIALISERS.map((init) => {
      const trainer = classifierTrainer({ hidden: p.layers, activation: p.activation, seed: p.seed, init, learningRate: p.lr });
      return { init, trainer, losses: [trainer.evaluate(train).loss] };
    });
    epoch = frame = 0;
    syncPlayButton();
    draw();
  };

  const draw = (): void => {
    const palette = readPalette(el);
    const range = lossRange(runs.flatMap((run) => run.losses)); // one y-scale for all four, so they compare
    el.dataset.lossRange = range.join(' ');
    runs.forEach((run, k) => {
      const panel = panels[k];
      drawLossChart(
        panel.canvas,
        [{ values: run.losses, label: '', colour: palette.positive, dash: [] }],
        palette,
        'loss (log scale, shared)',
        range,
        MAX_EPOCHS + 1,
      );
      const loss = run.losses[run.losses.length - 1];
      // first hidden layer activations for the probe input
      const first = run.trainer.model.layers[0];
      const activations: number[] = [];
      if (run.trainer.model.layers.length > 1) {
        for (let j = 0; j < first.weights.cols; j++) {
          const z = PROBE[0] * first.weights.data[j] + PROBE[1] * first.weights.data[first.weights.cols + j] + first.bias.data[j];
          activations.push(
            p.activation === 'relu' ? Math.max(0, z) : p.activation === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : p.activation === 'linear' ? z : Math.tanh(z),
          );
        }
      }
      const spread = activations.length ? Math.max(...activations) - Math.min(...activations) : 0;
      panel.units.replaceChildren(
        ...activations.map((a) =>
          h('span', { class: 'kb-demo-unit', title: `activation ${a.toFixed(3)}`, style: `height:${(4 + 24 * Math.min(1, Math.abs(a))).toFixed(1)}px` }),
        ),
      );
      panel.units.setAttribute('aria-label', `Hidden unit activations: ${activations.map((a) => a.toFixed(2)).join(', ')}`);
      panel.caption.textContent = `Loss ${formatNumber(loss)} after ${epoch} epochs. ${activations.length < 2 ? '' : spread < 1e-6 ? 'All hidden units identical.' : `Hidden units differ (spread ${spread.toFixed(2)}).`}`;
      el.dataset[`loss${run.init[0].toUpperCase()}${run.init.slice(1)}`] = String(loss);
    });
    const xavier = runs.find((r) => r.init === 'xavier');
    if (xavier) publishLoss(el, xavier.losses[xavier.losses.length - 1]);
    const diverged = runs.filter((r) => r.trainer.diverged).map((r) => LABELS[r.init]);
    if (diverged.length) shell.setStatus('diverged', `Diverged: loss became infinite/NaN for ${diverged.join(', ')}. Press Reset.`);
    else shell.setStatus(loop.running ? 'running' : 'paused', `Epoch ${epoch} of ${MAX_EPOCHS}.`);
  };

  let frame = 0;
  const loop = frameLoop({
    budgetMs: 6,
    work: () => {
      if (frame++ % FRAMES_PER_EPOCH !== 0) return true;
      for (const run of runs) {
        if (run.trainer.diverged) continue;
        const result = run.trainer.trainEpoch(train);
        run.losses.push(result.diverged ? NaN : run.trainer.evaluate(train).loss);
      }
      epoch++;
      return epoch < MAX_EPOCHS;
    },
    draw,
    onStop: (error) => {
      if (error) return shell.setStatus('error', 'Stopped because of an internal error; press Reset.');
      syncPlayButton();
      draw();
    },
  });

  const syncPlayButton = (): void => {
    playButton.textContent = loop.running ? 'Pause' : 'Train all four';
    playButton.setAttribute('aria-pressed', String(loop.running));
  };
  const playButton = button(
    'Train all four',
    () => {
      if (loop.running) loop.stop();
      else if (epoch < MAX_EPOCHS) loop.start();
      syncPlayButton();
      draw();
    },
    { 'aria-pressed': 'false' },
  );
  shell.actions.append(
    playButton,
    button('Reset', reset),
    copyLinkButton(
      'initialisation',
      () => ({ ...p }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  reset();
}
