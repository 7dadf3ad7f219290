// Live demo "learning-rate": the noisy-line fit trained by gradient descent at a chosen learning rate, from
// too small to diverging. Loss curve on a log scale; divergence is stated in text and training stops.

import { type Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { lineData, lineLoss, lineTrainer } from './experiments.ts';
import { resolveDemoParams } from './params.ts';
import { createCanvas, drawLineFit, drawLossChart } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, logSlider, publishLoss } from './ui.ts';

const MAX_STEPS = 300;
const START_W = -1, START_B = 1.5;
const PRESETS: [string, number][] = [['too small', 0.001], ['good', 0.3], ['oscillating', 0.95], ['diverging', 1.5], ['10', 10]];

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('learning-rate', params);
  const data = lineData(p.points, p.noise, p.seed);
  const shell = createShell(el, 'Choosing the learning rate');
  let learningRate = p.lr;
  let trainer: Trainer = lineTrainer(data, learningRate, START_W, START_B);
  let losses: number[] = [lineLoss(data, START_W, START_B)];

  const chart = createCanvas(300, 180, 'Training loss per step on a logarithmic scale');
  const fit = createCanvas(200, 150, 'The data and the current line');
  shell.figures.append(
    h('figure', {}, chart, h('figcaption', {}, 'Loss per step (log scale)')),
    h('figure', {}, fit, h('figcaption', {}, 'Current fit')),
  );

  const draw = (): void => {
    const palette = readPalette(el);
    const w = trainer.model.parameters[0].data[0], b = trainer.model.parameters[1].data[0];
    drawLossChart(chart, [{ values: losses, label: `lr ${learningRate}`, colour: palette.positive, dash: [] }], palette);
    drawLineFit(fit, data, w, b, { x0: -1.1, x1: 1.1, y0: -4, y1: 3 }, palette);
    const loss = losses[losses.length - 1];
    publishLoss(el, loss);
    if (trainer.diverged || !Number.isFinite(loss)) {
      shell.setStatus('diverged', `Diverged: loss became infinite/NaN after ${trainer.steps} steps at learning rate ${learningRate}. Training stopped — press Reset or choose a smaller learning rate.`);
    } else {
      const trend = losses.length > 3 && loss > losses[losses.length - 3] ? ' The loss is growing: each step overshoots.' : '';
      const done = trainer.steps >= MAX_STEPS ? ` Stopped after ${MAX_STEPS} steps.` : '';
      shell.setStatus(loop.running ? 'running' : 'paused', `Step ${trainer.steps}: loss ${formatNumber(loss)} at learning rate ${learningRate}.${trend}${done}`);
    }
  };

  const step = (): boolean => {
    const result = trainer.trainEpoch(data);
    losses.push(result.diverged ? NaN : lineLoss(data, trainer.model.parameters[0].data[0], trainer.model.parameters[1].data[0]));
    return !result.diverged && Number.isFinite(losses[losses.length - 1]) && trainer.steps < MAX_STEPS;
  };

  const syncPlayButton = (): void => {
    playButton.textContent = loop.running ? 'Pause' : 'Train';
    playButton.setAttribute('aria-pressed', String(loop.running));
  };
  const loop = frameLoop({
    budgetMs: 4,
    work: step,
    draw,
    onStop: (error) => {
      if (error) return shell.setStatus('error', 'Stopped because of an internal error; press Reset.');
      syncPlayButton();
      draw();
    },
  });

  const reset = (): void => {
    loop.stop();
    trainer = lineTrainer(data, learningRate, START_W, START_B);
    losses = [lineLoss(data, START_W, START_B)];
    syncPlayButton();
    draw();
  };
  const setRate = (v: number): void => { learningRate = v; lrSlider.set(v); reset(); };
  const lrSlider = logSlider({ label: 'Learning rate', min: 0.0001, max: 10, value: learningRate, onInput: (v) => { learningRate = v; reset(); } });
  shell.controls.append(lrSlider.root, h('div', { class: 'kb-demo-control' }, h('span', {}, 'Presets'), h('div', { class: 'kb-demo-actions' },
    ...PRESETS.map(([label, v]) => button(`${label} (${v})`, () => setRate(v))))));

  const playButton = button('Train', () => {
    if (loop.running) loop.stop();
    else if (!trainer.diverged && trainer.steps < MAX_STEPS) loop.start();
    syncPlayButton();
    draw();
  }, { 'aria-pressed': 'false' });
  shell.actions.append(
    playButton,
    button('Step', () => { if (!trainer.diverged) step(); draw(); }),
    button('Reset', reset),
    copyLinkButton('learning-rate', () => ({ points: p.points, noise: p.noise, seed: p.seed, lr: learningRate }), (m) => { shell.status.textContent = m; }),
  );
  draw();
}
