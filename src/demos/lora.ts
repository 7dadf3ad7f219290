// Live demo "lora": a network is pre-trained on load (a few seconds, its boundary forming), then the task
// shifts (the plane rotated or mirrored) and "Adapt" fine-tunes it two ways at once on the same mini-batches:
// low-rank updates W + B·A of every rank from 1 to 8 with the pre-trained weights frozen, and full fine-tuning.
// A rank slider picks the update shown; a chart plots trainable parameters against accuracy for all of them.
// The model lives in lora-model.ts.

import type { DataSet, Trainer } from '../training/index.ts';
import { frameLoop } from './animation.ts';
import { niceCeiling } from './axis.ts';
import { DOMAIN } from './experiments.ts';
import { createLoraSession, type LoraParams, type LoraSession, PRETRAIN_EPOCHS } from './lora-model.ts';
import { resolveDemoParams } from './params.ts';
import { featureGrid } from './playground-model.ts';
import { type ChartPoint, createCanvas, drawAccuracyChart, drawPoints, drawProbabilityMap } from './plot.ts';
import { readPalette } from './theme.ts';
import { button, copyLinkButton, createShell, h, publishLoss, select, slider } from './ui.ts';

const MAP_RESOLUTION = 32;
/** Adaptation steps (one mini-batch for each of the nine networks) per frame: 60 a second. */
const STEPS_PER_FRAME = 1;
/** While pre-training, the boundary is redrawn every Nth frame. */
const PRETRAIN_DRAW_EVERY = 4;
const MAX_STEPS = 3000;
const percent = (a: number): string => `${Math.round(a * 100)}%`;

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: initial } = resolveDemoParams('lora', params);
  const p: LoraParams = { ...initial, layers: [...initial.layers] };
  const shell = createShell(el, 'Low-rank adaptation (LoRA) next to full fine-tuning');
  let session: LoraSession = createLoraSession(p);
  let grid = featureGrid(MAP_RESOLUTION, session.features);
  let frame = 0;
  let accuracies: number[] = [];
  /** The pre-trained network's accuracy on its own task and on the shifted one (fixed once pre-trained). */
  let baseline = { original: NaN, shifted: NaN };

  const maps = ['Before: the pre-trained network on the new task', 'LoRA update of the chosen rank', 'Full fine-tuning (every weight)'].map((label) => {
    const canvas = createCanvas(170, 170, `${label}: decision boundary over the test points; circles class 1, squares class 0`);
    const caption = h('figcaption', {}, label);
    shell.figures.append(h('figure', {}, canvas, caption));
    return { canvas, caption };
  });
  const chart = createCanvas(280, 190, 'Test accuracy on the new task against the number of trainable parameters, for LoRA ranks 1 to 8 and full fine-tuning');
  shell.figures.append(h('figure', {}, chart, h('figcaption', {}, 'Accuracy against trainable parameters (the chosen rank ringed)')));
  const summary = h('p', { class: 'kb-demo-note', 'aria-live': 'polite' });
  shell.addAfterStatus(summary);

  const drawMap = (canvas: HTMLCanvasElement, trainer: Trainer, points: { train: DataSet; test: DataSet }): void => {
    const palette = readPalette(el);
    const { ctx, width, height } = drawProbabilityMap(canvas, trainer.predict(grid, MAP_RESOLUTION * MAP_RESOLUTION), MAP_RESOLUTION, palette, true);
    drawPoints(ctx, width, height, points.test, DOMAIN, palette, true); // test points only: the boundary stays visible
  };

  const chosen = () => session.adaptations[p.rank - 1];
  const full = () => session.adaptations[session.adaptations.length - 1];

  /**
   * While adapting, each frame does one slice of the evaluation work — one network's accuracy, or one map —
   * so that no frame is much slower than the others; paused, everything is brought up to date at once.
   */
  let slice = 0;
  const refresh = (all: boolean): void => {
    const { points, data, base } = session;
    const count = session.adaptations.length,
      slices = count + 2;
    for (let k = 0; k < (all ? slices : 1); k++) {
      const s = all ? k : slice++ % slices;
      if (s < count) accuracies[s] = session.adaptations[s].trainer.evaluate(data.after.test).accuracy;
      else if (s === count) drawMap(maps[1].canvas, chosen().trainer, points.after);
      else drawMap(maps[2].canvas, full().trainer, points.after);
    }
    if (all) drawMap(maps[0].canvas, base, points.after);
  };

  const draw = (): void => {
    const { data, base } = session;
    el.dataset.steps = String(session.adaptSteps);
    if (!session.adaptations.length) {
      // pre-training on the original task
      el.dataset.epoch = String(session.pretrained);
      if (!pretraining.running || frame++ % PRETRAIN_DRAW_EVERY === 0) drawMap(maps[0].canvas, base, session.points.before);
      maps[0].caption.textContent = 'Pre-training on the original task';
      const { loss, accuracy } = base.evaluate(data.before.test);
      publishLoss(el, loss);
      shell.setStatus(
        'training',
        `Pre-training the network on ${p.dataset}: epoch ${session.pretrained} of ${PRETRAIN_EPOCHS}, test accuracy ${percent(accuracy)}.`,
      );
      return;
    }
    refresh(!loop.running || accuracies.length !== session.adaptations.length);
    maps[0].caption.textContent = 'Before: the pre-trained network on the new task';
    maps[1].caption.textContent = `LoRA, rank ${p.rank}: ${chosen().trainable.toLocaleString('en')} trainable parameters`;
    maps[2].caption.textContent = `Full fine-tuning: ${full().trainable.toLocaleString('en')} trainable parameters`;
    const chartPoints: ChartPoint[] = session.adaptations.map((a, i) => ({
      x: a.trainable,
      y: accuracies[i],
      label: a.rank ? (a.rank === 1 || a.rank === p.rank || a.rank === 8 ? `r=${a.rank}` : '') : 'full',
      series: a.rank ? 'lora' : 'full',
      highlight: a.rank === p.rank,
    }));
    drawAccuracyChart(chart, chartPoints, { label: 'trainable parameters', ticks: [0, niceCeiling(full().trainable * 1.05)] }, readPalette(el));
    const rankAccuracy = accuracies[p.rank - 1],
      fullAccuracy = accuracies[accuracies.length - 1];
    el.dataset.accuracy = String(rankAccuracy);
    if (!loop.running) publishLoss(el, chosen().trainer.evaluate(data.after.test).loss);
    const share = ((100 * chosen().trainable) / full().trainable).toFixed(0);
    summary.textContent = `The pre-trained network scores ${percent(baseline.original)} on its own task and ${percent(baseline.shifted)} on the new one. After ${session.adaptSteps} steps: LoRA rank ${p.rank} (${chosen().trainable.toLocaleString('en')} parameters, ${share}% of all) ${percent(rankAccuracy)}; full fine-tuning (${full().trainable.toLocaleString('en')}) ${percent(fullAccuracy)}.`;
    const task = p.shift === 'mirror' ? 'mirrored left to right' : `rotated by ${p.angle}°`;
    shell.setStatus(
      loop.running ? 'running' : 'ready',
      loop.running
        ? `Adapting to the new task (${task}): step ${session.adaptSteps}.`
        : session.adaptSteps
          ? `Paused after ${session.adaptSteps} adaptation steps.`
          : `Pre-trained. The new task is the same data ${task}: press Adapt.`,
    );
  };

  const pretraining = frameLoop({
    budgetMs: 5,
    work: (deadline) => {
      while (session.pretrainEpoch()) if (performance.now() >= deadline) return true;
      return false;
    },
    draw,
    onStop: (error) => {
      if (error) {
        shell.setStatus('error', 'Training stopped because of an internal error.');
        return;
      }
      baseline = { original: session.base.evaluate(session.data.before.test).accuracy, shifted: session.base.evaluate(session.data.after.test).accuracy };
      accuracies = [];
      adaptButton.removeAttribute('disabled');
      draw();
    },
  });
  const loop = frameLoop({
    budgetMs: 8,
    work: () => {
      for (let i = 0; i < STEPS_PER_FRAME; i++) session.adaptStep();
      return session.adaptSteps < MAX_STEPS;
    },
    draw,
    onStop: (error) => {
      if (error) {
        shell.setStatus('error', 'Adaptation stopped because of an internal error.');
        return;
      }
      syncAdaptButton();
      draw();
    },
  });

  const syncAdaptButton = (): void => {
    adaptButton.textContent = loop.running ? 'Pause' : 'Adapt';
    adaptButton.setAttribute('aria-pressed', String(loop.running));
  };
  const adaptButton = button(
    'Adapt',
    () => {
      if (loop.running) loop.stop();
      else if (session.adaptations.length && session.adaptSteps < MAX_STEPS) loop.start();
      syncAdaptButton();
      draw();
    },
    { 'aria-pressed': 'false', disabled: '' },
  );

  /** A new session (pre-training again) after the task changed. */
  const restart = (): void => {
    loop.stop();
    pretraining.stop();
    session = createLoraSession(p);
    grid = featureGrid(MAP_RESOLUTION, session.features);
    accuracies = [];
    adaptButton.setAttribute('disabled', '');
    syncAdaptButton();
    pretraining.start();
  };

  const rank = slider({
    label: 'Rank r',
    min: 1,
    max: 8,
    step: 1,
    value: p.rank,
    onInput: (v) => {
      p.rank = v;
      if (session.adaptations.length) drawMap(maps[1].canvas, chosen().trainer, session.points.after);
      draw();
    },
  });
  const shift = select({
    label: 'New task',
    options: ['rotate', 'mirror'] as const,
    labels: { rotate: 'the plane rotated', mirror: 'the plane mirrored' },
    value: p.shift,
    onChange: (v) => {
      p.shift = v;
      angle.input.toggleAttribute('disabled', v === 'mirror');
      restart();
    },
  });
  const angle = slider({
    label: 'Rotation',
    min: 0,
    max: 180,
    step: 15,
    value: p.angle,
    format: (v) => `${v}°`,
    onInput: (v) => {
      p.angle = v;
      restart();
    },
  });
  angle.input.toggleAttribute('disabled', p.shift === 'mirror');
  shell.controls.append(rank.root, shift.root, angle.root);
  const resetButton = button('Reset', () => {
    loop.stop();
    session.restartAdaptation();
    accuracies = [];
    syncAdaptButton();
    draw();
  });
  shell.actions.append(
    adaptButton,
    resetButton,
    copyLinkButton(
      'lora',
      () => ({ ...p }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  pretraining.start();
}
