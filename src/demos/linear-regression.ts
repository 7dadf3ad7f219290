// Live demo "linear-regression": fit y = w·x + b to noisy points by dragging w and b or by gradient
// descent, beside the loss surface over (w, b) with the descent path drawn on it. Click the surface to jump.

import type { Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { LINE_START, lineData, lineLoss, lineTrainer } from './experiments.ts';
import { lossSurface, SURFACE_RESOLUTION, SURFACE_VIEW } from './loss-surface.ts';
import { resolveDemoParams } from './params.ts';
import { type Box, createCanvas, drawLineFit, drawLossSurface } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, formatNumber, h, logSlider, publishLoss, slider } from './ui.ts';

const FIT_VIEW: Box = { x0: -1.1, x1: 1.1, y0: -4, y1: 3 };
const STEPS_PER_FRAME = 1;
const { w: START_W, b: START_B } = LINE_START;
const MAX_PATH = 2000;

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('linear-regression', params);
  const data = lineData(p.points, p.noise, p.seed);
  const shell = createShell(el, 'Linear regression: y = w·x + b');
  let learningRate = p.lr;
  let trainer: Trainer = lineTrainer(data, learningRate, START_W, START_B);
  let path: [number, number][] = [[START_W, START_B]];

  const surface = lossSurface(data);

  const fitCanvas = createCanvas(260, 200, `${p.points} noisy points and the current line`);
  const surfaceCanvas = createCanvas(
    200,
    200,
    'Loss surface over w (horizontal) and b (vertical); the greener, the lower the loss; the line shows the descent path. Click to set w and b.',
  );
  shell.figures.append(
    h('figure', {}, fitCanvas, h('figcaption', {}, 'Data (dots) and the line y = w·x + b')),
    h(
      'figure',
      {},
      surfaceCanvas,
      h('figcaption', {}, 'Loss over (w, b): the greener, the lower (scale at the top right); the line is the path of gradient descent'),
    ),
  );

  const weight = (): number => trainer.model.parameters[0].data[0];
  const bias = (): number => trainer.model.parameters[1].data[0];

  const draw = (): void => {
    const palette = readPalette(el);
    drawLineFit(fitCanvas, data, weight(), bias(), FIT_VIEW, palette);
    drawLossSurface(surfaceCanvas, surface, SURFACE_RESOLUTION, SURFACE_VIEW, path, palette);
    const loss = lineLoss(data, weight(), bias());
    publishLoss(el, loss);
    if (trainer.diverged || !Number.isFinite(loss)) {
      loop.stop();
      playButton.textContent = 'Train';
      playButton.setAttribute('aria-pressed', 'false');
      shell.setStatus('diverged', 'Diverged: loss became infinite/NaN. Training stopped — lower the learning rate and press Reset.');
    } else {
      shell.setStatus(
        loop.running ? 'running' : 'paused',
        `w = ${weight().toFixed(3)}, b = ${bias().toFixed(3)}, mean squared error ${formatNumber(loss)} after ${trainer.steps} steps.`,
      );
    }
  };

  /** Moves to (w, b) by hand: a fresh trainer from there and a new path. */
  const jumpTo = (w: number, b: number): void => {
    trainer = lineTrainer(data, learningRate, w, b);
    path = [[w, b]];
    draw();
  };

  const step = (): boolean => {
    const before = lineLoss(data, weight(), bias());
    const result = trainer.trainEpoch(data);
    if (path.length < MAX_PATH) path.push([weight(), bias()]);
    wSlider.set(weight());
    bSlider.set(bias());
    return !result.diverged && Math.abs(before - lineLoss(data, weight(), bias())) > 1e-9;
  };

  const loop = frameLoop({
    budgetMs: 4,
    work: () => {
      for (let i = 0; i < STEPS_PER_FRAME; i++) if (!step()) return false;
      return true;
    },
    draw,
    onStop: (error) => {
      if (error) return shell.setStatus('error', 'Stopped because of an internal error; press Reset.');
      playButton.textContent = 'Train';
      playButton.setAttribute('aria-pressed', 'false');
      draw();
    },
  });

  const wSlider = slider({ label: 'w (slope)', min: SURFACE_VIEW.x0, max: SURFACE_VIEW.x1, step: 0.01, value: START_W, onInput: (w) => jumpTo(w, bias()) });
  const bSlider = slider({
    label: 'b (intercept)',
    min: SURFACE_VIEW.y0,
    max: SURFACE_VIEW.y1,
    step: 0.01,
    value: START_B,
    onInput: (b) => jumpTo(weight(), b),
  });
  const lrSlider = logSlider({
    label: 'Learning rate',
    min: 0.001,
    max: 2,
    value: learningRate,
    onInput: (v) => {
      learningRate = v;
      trainer.optimiser.learningRate = v;
    },
  });
  shell.controls.append(wSlider.root, bSlider.root, lrSlider.root);

  const playButton = button(
    'Train',
    () => {
      if (loop.running) loop.stop();
      else if (!trainer.diverged) loop.start();
      playButton.textContent = loop.running ? 'Pause' : 'Train';
      playButton.setAttribute('aria-pressed', String(loop.running));
      draw();
    },
    { 'aria-pressed': 'false' },
  );
  shell.actions.append(
    playButton,
    button('Step', () => {
      if (!trainer.diverged) step();
      draw();
    }),
    button('Reset', () => {
      loop.stop();
      wSlider.set(START_W);
      bSlider.set(START_B);
      jumpTo(START_W, START_B);
    }),
    copyLinkButton(
      'linear-regression',
      () => ({ points: p.points, noise: p.noise, seed: p.seed, lr: learningRate }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );

  surfaceCanvas.addEventListener('click', (event) => {
    const box = surfaceCanvas.getBoundingClientRect();
    const w = SURFACE_VIEW.x0 + ((event.clientX - box.left) / box.width) * (SURFACE_VIEW.x1 - SURFACE_VIEW.x0);
    const b = SURFACE_VIEW.y1 - ((event.clientY - box.top) / box.height) * (SURFACE_VIEW.y1 - SURFACE_VIEW.y0);
    wSlider.set(w);
    bSlider.set(b);
    jumpTo(w, b);
  });
  draw();
}
