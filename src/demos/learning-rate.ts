// Live demo "learning-rate": the noisy-line fit trained by gradient descent at a chosen learning rate, from
// too small to diverging, at a pace one can follow. Loss curve on a log scale, the path of (w, b) on the loss
// surface (where overshooting shows as a zig-zag), and the current fit. Each preset does what its name says
// (LEARNING_RATE_PRESETS); oscillation and divergence are also stated in text, and divergence stops training.

import type { Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { LEARNING_RATE_PRESETS, LINE_START, lineData, lineLoss, lineTrainer } from './experiments.ts';
import { lossSurface, SURFACE_RESOLUTION, SURFACE_VIEW } from './loss-surface.ts';
import { resolveDemoParams } from './params.ts';
import { createCanvas, drawLineFit, drawLossChart, drawLossSurface } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, logSlider, publishLoss } from './ui.ts';

const MAX_STEPS = 200;
/** One gradient step every this many frames: about 20 steps a second, slow enough to follow each step. */
const FRAMES_PER_STEP = 3;

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('learning-rate', params);
  const data = lineData(p.points, p.noise, p.seed);
  const surface = lossSurface(data);
  const shell = createShell(el, 'Choosing the learning rate');
  let learningRate = p.lr;
  let trainer: Trainer = lineTrainer(data, learningRate, LINE_START.w, LINE_START.b);
  let losses: number[] = [lineLoss(data, LINE_START.w, LINE_START.b)];
  let path: [number, number][] = [[LINE_START.w, LINE_START.b]];
  let frame = 0,
    signChanges = 0,
    lastUpdate = 0;

  const chart = createCanvas(260, 170, 'Training loss per step on a logarithmic scale');
  const surfaceCanvas = createCanvas(170, 170, 'Path of (w, b) over the loss surface; w horizontal, b vertical; the greener, the lower the loss');
  const fit = createCanvas(170, 130, 'The data and the current line');
  shell.figures.append(
    h('figure', {}, chart, h('figcaption', {}, 'Loss per step (log scale)')),
    h('figure', {}, surfaceCanvas, h('figcaption', {}, 'Path of (w, b) on the loss surface')),
    h('figure', {}, fit, h('figcaption', {}, 'Current fit')),
  );

  const weight = (): number => trainer.model.parameters[0].data[0];
  const bias = (): number => trainer.model.parameters[1].data[0];

  const draw = (): void => {
    const palette = readPalette(el);
    drawLossChart(chart, [{ values: losses, label: `lr ${learningRate}`, colour: palette.positive, dash: [] }], palette);
    drawLossSurface(surfaceCanvas, surface, SURFACE_RESOLUTION, SURFACE_VIEW, path, palette);
    drawLineFit(fit, data, weight(), bias(), { x0: -1.1, x1: 1.1, y0: -4, y1: 3 }, palette);
    const loss = losses[losses.length - 1];
    publishLoss(el, loss);
    el.dataset.steps = String(trainer.steps);
    if (trainer.diverged || !Number.isFinite(loss)) {
      shell.setStatus(
        'diverged',
        `Diverged: loss became infinite/NaN after ${trainer.steps} steps at learning rate ${learningRate}. Training stopped — press Reset or choose a smaller learning rate.`,
      );
      return;
    }
    const growing = losses.length > 3 && loss > losses[losses.length - 3] ? ' The loss is growing: each step overshoots further.' : '';
    const overshooting =
      !growing && signChanges >= 3 && signChanges >= trainer.steps / 2
        ? ` b overshoots the minimum: its update has changed sign ${signChanges} times in ${trainer.steps} steps.`
        : '';
    const done = trainer.steps >= MAX_STEPS ? ` Stopped after ${MAX_STEPS} steps.` : '';
    shell.setStatus(
      loop.running ? 'running' : 'paused',
      `Step ${trainer.steps}: loss ${formatNumber(loss)} at learning rate ${learningRate}.${growing}${overshooting}${done}`,
    );
  };

  const step = (): boolean => {
    const before = bias();
    const result = trainer.trainEpoch(data);
    losses.push(result.diverged ? NaN : lineLoss(data, weight(), bias()));
    path.push([weight(), bias()]);
    const update = bias() - before;
    if (trainer.steps > 1 && Math.sign(update) === -Math.sign(lastUpdate) && update !== 0) signChanges++;
    lastUpdate = update;
    return !result.diverged && Number.isFinite(losses[losses.length - 1]) && trainer.steps < MAX_STEPS;
  };

  const syncPlayButton = (): void => {
    playButton.textContent = loop.running ? 'Pause' : 'Train';
    playButton.setAttribute('aria-pressed', String(loop.running));
  };
  const loop = frameLoop({
    budgetMs: 4,
    work: () => (frame++ % FRAMES_PER_STEP === 0 ? step() : true),
    draw,
    onStop: (error) => {
      if (error) return shell.setStatus('error', 'Stopped because of an internal error; press Reset.');
      syncPlayButton();
      draw();
    },
  });

  const reset = (): void => {
    loop.stop();
    trainer = lineTrainer(data, learningRate, LINE_START.w, LINE_START.b);
    losses = [lineLoss(data, LINE_START.w, LINE_START.b)];
    path = [[LINE_START.w, LINE_START.b]];
    frame = signChanges = lastUpdate = 0;
    syncPlayButton();
    draw();
  };
  const setRate = (v: number): void => {
    learningRate = v;
    lrSlider.set(v);
    reset();
  };
  const lrSlider = logSlider({
    label: 'Learning rate',
    min: 0.0001,
    max: 10,
    value: learningRate,
    onInput: (v) => {
      learningRate = v;
      reset();
    },
  });
  shell.controls.append(
    lrSlider.root,
    h(
      'div',
      { class: 'kb-demo-control' },
      h('span', {}, 'Presets'),
      h('div', { class: 'kb-demo-actions' }, ...LEARNING_RATE_PRESETS.map(({ name, lr }) => button(`${name} (${lr})`, () => setRate(lr)))),
    ),
  );

  const playButton = button(
    'Train',
    () => {
      if (loop.running) loop.stop();
      else if (!trainer.diverged && trainer.steps < MAX_STEPS) loop.start();
      syncPlayButton();
      draw();
    },
    { 'aria-pressed': 'false' },
  );
  shell.actions.append(
    playButton,
    button('Step', () => {
      if (!trainer.diverged && trainer.steps < MAX_STEPS) step();
      draw();
    }),
    button('Reset', reset),
    copyLinkButton(
      'learning-rate',
      () => ({ points: p.points, noise: p.noise, seed: p.seed, lr: learningRate }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  draw();
}
