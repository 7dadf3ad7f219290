// Specification of the learning-rate demo's presets: each one's loss trace has the property its name claims,
// on the demo's default data and on other data sets the demo's parameters allow.

import { describe, expect, it } from 'vitest';
import { LEARNING_RATE_PRESETS, LINE_START, lineData, lineLoss, lineTrainer } from '../../src/demos/experiments.ts';
import { DEMO_PARAMS } from '../../src/demos/params.ts';

/** The demo trains this many steps at most. */
const MAX_STEPS = 200;
const { points, noise, seed } = DEMO_PARAMS['learning-rate'];
const DATA_SETS = [
  { points: points.default, noise: noise.default, seed: seed.default },
  { points: 10, noise: 0.3, seed: 3 },
  { points: 400, noise: 1, seed: 4 },
];

/** Losses and updates of b for up to MAX_STEPS full-batch steps. */
function trace(lr: number, data: ReturnType<typeof lineData>) {
  const trainer = lineTrainer(data, lr, LINE_START.w, LINE_START.b);
  const [w, b] = trainer.model.parameters;
  const losses = [lineLoss(data, w.data[0], b.data[0])],
    updates: number[] = [];
  for (let step = 0; step < MAX_STEPS && !trainer.diverged; step++) {
    const before = b.data[0];
    if (trainer.trainEpoch(data).diverged) break;
    updates.push(b.data[0] - before);
    losses.push(lineLoss(data, w.data[0], b.data[0]));
  }
  return { losses, updates, diverged: trainer.diverged };
}

describe.each(DATA_SETS)('learning-rate presets on $points points (noise $noise, seed $seed)', (spec) => {
  const data = lineData(spec.points, spec.noise, spec.seed);
  const minimum = (() => {
    const t = trace(0.3, data);
    return Math.min(...t.losses);
  })();

  it('the presets are exactly: too small, good, oscillating, diverging', () => {
    expect(LEARNING_RATE_PRESETS.map((p) => p.name)).toEqual(['too small', 'good', 'oscillating', 'diverging']);
  });
  it.each(LEARNING_RATE_PRESETS.filter((p) => p.behaviour === 'converging'))('$name ($lr) converges: the loss falls at every step', ({ lr }) => {
    const { losses, diverged } = trace(lr, data);
    expect(diverged).toBe(false);
    losses.slice(1).forEach((loss, i) => expect(loss, `step ${i + 1}`).toBeLessThanOrEqual(losses[i]));
  });
  it('too small is too small: after all steps the loss is still more than twice the minimum', () => {
    const { losses } = trace(LEARNING_RATE_PRESETS[0].lr, data);
    expect(losses[losses.length - 1]).toBeGreaterThan(2 * minimum);
  });
  it('good reaches the minimum (within 1%) in under 100 steps', () => {
    const { losses } = trace(LEARNING_RATE_PRESETS[1].lr, data);
    expect(losses.findIndex((l) => l <= minimum * 1.01)).toBeLessThan(100);
  });
  it('oscillating oscillates: the update of b changes sign at every one of the first 30 steps, and it converges', () => {
    const { updates, losses, diverged } = trace(LEARNING_RATE_PRESETS[2].lr, data);
    for (let i = 1; i < 30; i++) expect(Math.sign(updates[i]), `step ${i + 1}`).toBe(-Math.sign(updates[i - 1]));
    expect(diverged).toBe(false);
    expect(losses[losses.length - 1]).toBeLessThan(minimum * 1.01);
  });
  it('diverging diverges: the trainer reports divergence before the demo would stop', () => {
    expect(trace(LEARNING_RATE_PRESETS[3].lr, data).diverged).toBe(true);
  });
});
