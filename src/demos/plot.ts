// Canvas drawing for the live demos: loss curves, probability/decision maps, 2-D points, a fitted line
// and a loss surface with a descent path. Pure drawing: callers pass data and the theme palette.

import type { DataSet } from '../training/index.ts';
import { rgb, type Palette } from './theme.ts';

export function createCanvas(width: number, height: number, label: string): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.className = 'kb-demo-canvas';
  return canvas;
}

/** A context drawing in CSS pixels, cleared to the surface colour. */
export function begin(canvas: HTMLCanvasElement, palette: Palette): { ctx: CanvasRenderingContext2D; width: number; height: number } {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  const ratio = canvas.width / parseFloat(canvas.style.width);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const width = canvas.width / ratio, height = canvas.height / ratio;
  ctx.fillStyle = palette.surface;
  ctx.fillRect(0, 0, width, height);
  return { ctx, width, height };
}

export interface Series {
  values: readonly number[];
  label: string;
  colour: string;
  /** Dash pattern; distinguishes series without relying on colour. */
  dash: number[];
}

/** Loss curves on a log scale (values clamped to [1e-4, 1e4]; non-finite values end a curve). */
export function drawLossChart(canvas: HTMLCanvasElement, series: readonly Series[], palette: Palette, title = 'loss (log scale)'): void {
  const { ctx, width, height } = begin(canvas, palette);
  const left = 34, top = 16, right = width - 8, bottom = height - 16;
  const finite = series.flatMap((s) => s.values.filter(Number.isFinite));
  const low = Math.log10(Math.max(1e-4, Math.min(...finite, 1))), high = Math.log10(Math.min(1e4, Math.max(...finite, low * 10 + 1e-9, 1e-3)));
  const span = Math.max(high - low, 0.5);
  const longest = Math.max(2, ...series.map((s) => s.values.length));
  const x = (i: number): number => left + ((right - left) * i) / (longest - 1);
  const y = (v: number): number => bottom - ((Math.log10(Math.min(1e4, Math.max(1e-4, v))) - low) / span) * (bottom - top);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(title, left + 2, 10);
  ctx.fillText((10 ** (low + span)).toPrecision(2), 2, top + 4);
  ctx.fillText((10 ** low).toPrecision(2), 2, bottom);
  ctx.fillText('steps →', right - 40, height - 4);
  series.forEach((s, k) => {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 2;
    ctx.setLineDash(s.dash);
    ctx.beginPath();
    for (let i = 0; i < s.values.length && Number.isFinite(s.values[i]); i++) {
      if (i === 0) ctx.moveTo(x(i), y(s.values[i]));
      else ctx.lineTo(x(i), y(s.values[i]));
    }
    ctx.stroke();
    // legend: a short line in the series' dash pattern, then its label
    const ly = top + 6 + 12 * k;
    ctx.beginPath();
    ctx.moveTo(right - 90, ly);
    ctx.lineTo(right - 70, ly);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = palette.ink;
    ctx.fillText(s.label, right - 66, ly + 3);
  });
  ctx.setLineDash([]);
}

const mix = (a: [number, number, number], b: [number, number, number], t: number): [number, number, number] =>
  [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Paints a resolution² grid of values onto the whole canvas through a small offscreen image. */
function paintGrid(ctx: CanvasRenderingContext2D, width: number, height: number, resolution: number, colourAt: (i: number) => [number, number, number]): void {
  const image = new ImageData(resolution, resolution);
  for (let i = 0; i < resolution * resolution; i++) {
    const [r, g, b] = colourAt(i);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  const small = document.createElement('canvas');
  small.width = small.height = resolution;
  small.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, width, height);
}

/** Probability of class 1 per grid cell → tinted towards the positive or negative colour. */
export function drawProbabilityMap(canvas: HTMLCanvasElement, probabilities: ArrayLike<number>, resolution: number, palette: Palette): { ctx: CanvasRenderingContext2D; width: number; height: number } {
  const frame = begin(canvas, palette);
  const surface = rgb(palette.surface), pos = rgb(palette.positive), neg = rgb(palette.negative);
  paintGrid(frame.ctx, frame.width, frame.height, resolution, (i) => {
    const p = probabilities[i];
    if (!Number.isFinite(p)) return surface;
    return mix(surface, p >= 0.5 ? pos : neg, Math.min(1, Math.abs(p - 0.5) * 2) * 0.55);
  });
  return frame;
}

/** 2-D points in [−domain, domain]²: class 1 as circles, class 0 as squares; hollow marks for test data. */
export function drawPoints(ctx: CanvasRenderingContext2D, width: number, height: number, data: DataSet, domain: number, palette: Palette, hollow: boolean): void {
  ctx.lineWidth = 1.5;
  for (let i = 0; i < data.count; i++) {
    const px = ((data.inputs[2 * i] + domain) / (2 * domain)) * width, py = ((domain - data.inputs[2 * i + 1]) / (2 * domain)) * height;
    const positive = data.targets[i] >= 0.5;
    ctx.fillStyle = ctx.strokeStyle = positive ? palette.positive : palette.negative;
    ctx.beginPath();
    if (positive) ctx.arc(px, py, 3, 0, 2 * Math.PI);
    else ctx.rect(px - 2.7, py - 2.7, 5.4, 5.4);
    if (hollow) ctx.stroke();
    else ctx.fill();
  }
}

export interface Box { x0: number; x1: number; y0: number; y1: number }

/** Points of a 1-D data set and the line y = w·x + b. */
export function drawLineFit(canvas: HTMLCanvasElement, data: DataSet, w: number, b: number, view: Box, palette: Palette): void {
  const { ctx, width, height } = begin(canvas, palette);
  const px = (x: number): number => ((x - view.x0) / (view.x1 - view.x0)) * width;
  const py = (y: number): number => ((view.y1 - y) / (view.y1 - view.y0)) * height;
  ctx.strokeStyle = palette.grid;
  ctx.beginPath();
  ctx.moveTo(px(0), 0);
  ctx.lineTo(px(0), height);
  ctx.moveTo(0, py(0));
  ctx.lineTo(width, py(0));
  ctx.stroke();
  ctx.fillStyle = palette.negative;
  for (let i = 0; i < data.count; i++) {
    ctx.beginPath();
    ctx.arc(px(data.inputs[i]), py(data.targets[i]), 3, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (Number.isFinite(w) && Number.isFinite(b)) {
    ctx.strokeStyle = palette.positive;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(px(view.x0), py(w * view.x0 + b));
    ctx.lineTo(px(view.x1), py(w * view.x1 + b));
    ctx.stroke();
  }
}

/** Heat map of log loss over (w, b) with the optimiser's path; darker = lower loss. */
export function drawLossSurface(canvas: HTMLCanvasElement, losses: Float64Array, resolution: number, view: Box, path: readonly (readonly [number, number])[], palette: Palette): void {
  const { ctx, width, height } = begin(canvas, palette);
  let lo = Infinity, hi = -Infinity;
  for (const l of losses) { lo = Math.min(lo, Math.log(l)); hi = Math.max(hi, Math.log(l)); }
  const surface = rgb(palette.surface), deep = rgb(palette.accent);
  paintGrid(ctx, width, height, resolution, (i) => mix(surface, deep, 0.85 * (1 - (Math.log(losses[i]) - lo) / (hi - lo || 1))));
  const px = (w: number): number => ((w - view.x0) / (view.x1 - view.x0)) * width;
  const py = (b: number): number => ((view.y1 - b) / (view.y1 - view.y0)) * height;
  ctx.fillStyle = palette.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText('w →', width - 24, height - 4);
  ctx.fillText('b ↑', 4, 12);
  const visible = path.filter(([w, b]) => Number.isFinite(w) && Number.isFinite(b));
  if (!visible.length) return;
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  visible.forEach(([w, b], i) => (i ? ctx.lineTo(px(w), py(b)) : ctx.moveTo(px(w), py(b))));
  ctx.stroke();
  const [w, b] = visible[visible.length - 1];
  ctx.fillStyle = palette.ink;
  ctx.beginPath();
  ctx.arc(px(w), py(b), 4.5, 0, 2 * Math.PI);
  ctx.fill();
}
