// Canvas drawing for the live demos: loss curves, probability/decision maps, 2-D points, a fitted line
// and a loss surface with a descent path. Pure drawing: callers pass data and the theme palette.

import type { DataSet } from '../training/index.ts';
import { MAP_TINT, mix, type Palette, type Rgb, rgb } from './theme.ts';

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
  const width = canvas.width / ratio,
    height = canvas.height / ratio;
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

/** The log-scale range that loss curves are drawn on: [lowest, highest] of their finite values, widened a little. */
export function lossRange(values: Iterable<number>): [number, number] {
  const finite = [...values].filter(Number.isFinite);
  const low = Math.max(1e-4, Math.min(...finite, 1));
  return [low, Math.min(1e4, Math.max(...finite, low * 10 ** 0.5, 1e-3))];
}

/**
 * Loss curves on a log scale (values clamped to [1e-4, 1e4]; non-finite values end a curve). `range` fixes the
 * y-axis (to compare several charts on one scale); `length` fixes the x-axis to that many steps.
 */
export function drawLossChart(
  canvas: HTMLCanvasElement,
  series: readonly Series[],
  palette: Palette,
  title = 'loss (log scale)',
  range?: readonly [number, number],
  length?: number,
): void {
  const { ctx, width, height } = begin(canvas, palette);
  const left = 34,
    top = 16,
    right = width - 8,
    bottom = height - 16;
  const [lowest, highest] = range ?? lossRange(series.flatMap((s) => s.values));
  const low = Math.log10(lowest),
    span = Math.max(Math.log10(highest) - low, 0.5);
  const longest = length ?? Math.max(2, ...series.map((s) => s.values.length));
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
  // legend in the title row, right-aligned: a short line in each series' dash pattern, then its label
  const legendX: number[] = [];
  for (let k = series.length - 1, x0 = right; k >= 0; k--) legendX[k] = x0 -= series[k].label ? 27 + ctx.measureText(series[k].label).width : 0;
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
    const lx = legendX[k],
      ly = 7;
    if (!s.label) return; // a chart with a heading of its own needs no legend
    ctx.beginPath();
    ctx.moveTo(lx, ly);
    ctx.lineTo(lx + 16, ly);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = palette.ink;
    ctx.fillText(s.label, lx + 19, ly + 3);
  });
  ctx.setLineDash([]);
}

/** One small offscreen canvas per grid resolution, reused by every paint. */
const scratch = new Map<number, { canvas: HTMLCanvasElement; image: ImageData }>();

/** Paints a resolution² grid of values onto the whole canvas through a small offscreen image. */
function paintGrid(ctx: CanvasRenderingContext2D, width: number, height: number, resolution: number, colourAt: (i: number) => Rgb): void {
  let entry = scratch.get(resolution);
  if (!entry) {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = resolution;
    entry = { canvas, image: new ImageData(resolution, resolution) };
    scratch.set(resolution, entry);
  }
  const { canvas, image } = entry;
  for (let i = 0; i < resolution * resolution; i++) {
    const [r, g, b] = colourAt(i);
    image.data[4 * i] = r;
    image.data[4 * i + 1] = g;
    image.data[4 * i + 2] = b;
    image.data[4 * i + 3] = 255;
  }
  canvas.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(canvas, 0, 0, width, height);
}

/**
 * Probability of class 1 per grid cell → tinted towards the positive or negative colour (at most MAP_TINT).
 * With `outline`, cells where the predicted class changes to a neighbour's are drawn in the ink colour, so the
 * decision boundary reads as a line even under many points.
 */
export function drawProbabilityMap(
  canvas: HTMLCanvasElement,
  probabilities: ArrayLike<number>,
  resolution: number,
  palette: Palette,
  outline = false,
): { ctx: CanvasRenderingContext2D; width: number; height: number } {
  const frame = begin(canvas, palette);
  const surface = rgb(palette.surface),
    pos = rgb(palette.positive),
    neg = rgb(palette.negative),
    ink = rgb(palette.ink);
  const side = (i: number): boolean => probabilities[i] >= 0.5;
  paintGrid(frame.ctx, frame.width, frame.height, resolution, (i) => {
    const p = probabilities[i];
    if (!Number.isFinite(p)) return surface;
    const tint = mix(surface, p >= 0.5 ? pos : neg, Math.min(1, Math.abs(p - 0.5) * 2) * MAP_TINT);
    const col = i % resolution;
    const edge =
      outline && ((col + 1 < resolution && side(i + 1) !== side(i)) || (i + resolution < resolution * resolution && side(i + resolution) !== side(i)));
    return edge ? mix(tint, ink, 0.55) : tint;
  });
  return frame;
}

/**
 * 2-D points in [−domain, domain]²: class 1 as circles, class 0 as squares, each with a thin ring in the
 * surface colour so it stands out from the map behind it; hollow marks for test data. One path per class
 * and pass, so that hundreds of points cost a handful of draw calls.
 */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  data: DataSet,
  domain: number,
  palette: Palette,
  hollow: boolean,
): void {
  const marks = (positive: boolean, grow: number): Path2D => {
    const path = new Path2D();
    for (let i = 0; i < data.count; i++) {
      if (data.targets[i] >= 0.5 !== positive) continue;
      const px = ((data.inputs[2 * i] + domain) / (2 * domain)) * width,
        py = ((domain - data.inputs[2 * i + 1]) / (2 * domain)) * height;
      if (positive) {
        path.moveTo(px + 3 + grow, py);
        path.arc(px, py, 3 + grow, 0, 2 * Math.PI);
      } else path.rect(px - 2.7 - grow, py - 2.7 - grow, 5.4 + 2 * grow, 5.4 + 2 * grow);
    }
    return path;
  };
  for (const positive of [true, false]) {
    ctx.lineWidth = 1;
    ctx.strokeStyle = palette.surface;
    ctx.stroke(marks(positive, hollow ? 1.2 : 0.6));
    ctx.lineWidth = 1.5;
    ctx.fillStyle = ctx.strokeStyle = positive ? palette.positive : palette.negative;
    if (hollow) ctx.stroke(marks(positive, 0));
    else ctx.fill(marks(positive, 0));
  }
}

/**
 * Column `column` of a row-major (resolution² × stride) array of values, mapped from [low, high] onto
 * [−1, 1] (clamped) and painted as a heat map: negative towards the negative colour, positive towards the
 * positive one. The canvas's pixel size is the resolution; CSS scales it to the size shown.
 */
export function paintHeatMap(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  stride: number,
  column: number,
  [low, high]: readonly [number, number],
  palette: Palette,
): void {
  const resolution = canvas.width,
    ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(resolution, resolution);
  const surface = rgb(palette.surface),
    pos = rgb(palette.positive),
    neg = rgb(palette.negative);
  for (let i = 0; i < resolution * resolution; i++) {
    const v = values[i * stride + column];
    const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, (2 * (v - low)) / (high - low) - 1)) : 0;
    const [r, g, b] = mix(surface, t >= 0 ? pos : neg, Math.abs(t) * 0.85);
    image.data.set([r, g, b, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}

export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

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

/**
 * Heat map of log loss over (w, b) with the optimiser's path: the lower the loss, the more strongly tinted in
 * the accent colour (green in both themes), with a small scale in the corner that says so.
 */
export function drawLossSurface(
  canvas: HTMLCanvasElement,
  losses: Float64Array,
  resolution: number,
  view: Box,
  path: readonly (readonly [number, number])[],
  palette: Palette,
): void {
  const { ctx, width, height } = begin(canvas, palette);
  let lo = Infinity,
    hi = -Infinity;
  for (const l of losses) {
    lo = Math.min(lo, Math.log(l));
    hi = Math.max(hi, Math.log(l));
  }
  const surface = rgb(palette.surface),
    deep = rgb(palette.accent);
  const shade = (lowness: number): Rgb => mix(surface, deep, 0.85 * lowness);
  paintGrid(ctx, width, height, resolution, (i) => shade(1 - (Math.log(losses[i]) - lo) / (hi - lo || 1)));
  const px = (w: number): number => ((w - view.x0) / (view.x1 - view.x0)) * width;
  const py = (b: number): number => ((view.y1 - b) / (view.y1 - view.y0)) * height;
  ctx.fillStyle = palette.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText('w →', width - 24, height - 4);
  ctx.fillText('b ↑', 4, 12);
  // scale: "low" beside the strongest tint, "high" beside the surface colour
  const x0 = width - 74,
    y0 = 4;
  ctx.fillStyle = palette.surface;
  ctx.fillRect(x0 - 2, y0 - 2, 72, 16);
  ctx.fillStyle = palette.ink;
  ctx.fillText('low', x0, y0 + 10);
  for (let k = 0; k < 5; k++) {
    const [r, g, b] = shade(1 - k / 4);
    ctx.fillStyle = `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
    ctx.fillRect(x0 + 20 + 6 * k, y0 + 2, 6, 9);
  }
  ctx.strokeStyle = palette.grid;
  ctx.strokeRect(x0 + 20, y0 + 2, 30, 9);
  ctx.fillStyle = palette.ink;
  ctx.fillText('high', x0 + 52, y0 + 10);
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

/**
 * Histogram of trained weights (bars) with the values actually stored after quantisation (thin stems, one per
 * distinct stored value) and the grid of representable values (ticks under the axis; dotted lines too when
 * there are few).
 */
export function drawWeightHistogram(
  canvas: HTMLCanvasElement,
  trained: ArrayLike<number>,
  stored: ArrayLike<number> | null,
  grid: readonly number[],
  palette: Palette,
): void {
  const { ctx, width, height } = begin(canvas, palette);
  const left = 8,
    right = width - 8,
    top = 16,
    bottom = height - 22,
    bins = 48;
  let extent = 1e-9;
  for (let i = 0; i < trained.length; i++) extent = Math.max(extent, Math.abs(trained[i]), Math.abs(stored?.[i] ?? 0));
  extent *= 1.05;
  const x = (v: number): number => left + ((v + extent) / (2 * extent)) * (right - left);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < trained.length; i++) counts[Math.min(bins - 1, Math.floor(((trained[i] + extent) / (2 * extent)) * bins))]++;
  const storedCounts = new Map<number, number>();
  for (let i = 0; stored && i < stored.length; i++) storedCounts.set(stored[i], (storedCounts.get(stored[i]) ?? 0) + 1);
  const most = Math.max(1, ...counts, ...storedCounts.values());
  const y = (n: number): number => bottom - (n / most) * (bottom - top);
  const visibleGrid = grid.filter((g) => Math.abs(g) <= extent);
  if (visibleGrid.length <= 24) {
    // dotted lines through the plot for coarse grids
    ctx.strokeStyle = palette.grid;
    ctx.setLineDash([2, 3]);
    ctx.beginPath();
    for (const g of visibleGrid) {
      ctx.moveTo(x(g), top);
      ctx.lineTo(x(g), bottom);
    }
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.fillStyle = palette.grid;
  const binWidth = (right - left) / bins;
  counts.forEach((n, k) => {
    if (n) ctx.fillRect(left + k * binWidth + 0.5, y(n), binWidth - 1, bottom - y(n));
  });
  ctx.fillStyle = palette.accent;
  for (const [v, n] of storedCounts) ctx.fillRect(x(v) - 1.5, y(n), 3, bottom - y(n));
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, bottom);
  ctx.lineTo(right, bottom);
  for (const g of visibleGrid) {
    ctx.moveTo(x(g), bottom);
    ctx.lineTo(x(g), bottom + 5);
  }
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillText(formatTick(-extent), left, height - 4);
  ctx.textAlign = 'center';
  ctx.fillText('0', x(0), height - 4);
  ctx.textAlign = 'right';
  ctx.fillText(formatTick(extent), right, height - 4);
  ctx.textAlign = 'left';
  ctx.fillStyle = palette.ink;
  ctx.fillText(stored ? 'count of weights by value; ticks: the grid' : 'count of weights by value', left, 10);
}

const formatTick = (v: number): string => String(Number(v.toPrecision(2)));

export interface ChartPoint {
  x: number;
  /** Accuracy, 0–1. */
  y: number;
  label: string;
  /** Points of one series are joined by a line. */
  series: string;
  highlight?: boolean;
  /** Label under the point instead of above it (to keep neighbours' labels apart). */
  labelBelow?: boolean;
}

export interface AccuracyAxis {
  label: string;
  /** Tick values on the x-axis (also its range: from the first to the last). */
  ticks: readonly number[];
  /** A base-2 logarithmic x-axis (for bits per weight). */
  log2?: boolean;
}

/** Accuracy (y, from 40% to 100%) against x (bits, bytes or parameters), labelled points, series joined by lines. */
export function drawAccuracyChart(canvas: HTMLCanvasElement, points: readonly ChartPoint[], axis: AccuracyAxis, palette: Palette): void {
  const { ctx, width, height } = begin(canvas, palette);
  const left = 34,
    right = width - 16,
    top = 26,
    bottom = height - 30,
    yMin = 0.4;
  const f = (v: number): number => (axis.log2 ? Math.log2(v) : v);
  const x0 = f(axis.ticks[0]),
    x1 = f(axis.ticks[axis.ticks.length - 1]);
  const px = (v: number): number => left + ((f(v) - x0) / (x1 - x0)) * (right - left);
  const py = (v: number): number => bottom - ((Math.max(yMin, v) - yMin) / (1 - yMin)) * (bottom - top);
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(left, top - 6);
  ctx.lineTo(left, bottom);
  ctx.lineTo(right, bottom);
  for (const a of [0.5, 0.75, 1]) {
    ctx.moveTo(left - 3, py(a));
    ctx.lineTo(left, py(a));
  }
  for (const t of axis.ticks) {
    ctx.moveTo(px(t), bottom);
    ctx.lineTo(px(t), bottom + 3);
  }
  ctx.stroke();
  ctx.fillStyle = palette.muted;
  ctx.font = '10px system-ui, sans-serif';
  for (const a of [0.5, 0.75, 1]) ctx.fillText(`${a * 100}%`, 2, py(a) + 3);
  ctx.textAlign = 'center';
  for (const t of axis.ticks) ctx.fillText(t.toLocaleString('en'), px(t), bottom + 13);
  ctx.fillText(`${axis.label} →`, (left + right) / 2, height - 3);
  ctx.textAlign = 'left';
  ctx.fillText('test accuracy', 2, 10);
  ctx.strokeStyle = palette.positive;
  ctx.lineWidth = 1.5;
  for (const name of new Set(points.map((p) => p.series))) {
    const line = points.filter((p) => p.series === name).sort((a, b) => a.x - b.x);
    if (line.length < 2) continue;
    ctx.beginPath();
    line.forEach((p, i) => (i ? ctx.lineTo(px(p.x), py(p.y)) : ctx.moveTo(px(p.x), py(p.y))));
    ctx.stroke();
  }
  for (const p of points) {
    ctx.fillStyle = p.highlight ? palette.accent : palette.positive;
    ctx.beginPath();
    ctx.arc(px(p.x), py(p.y), p.highlight ? 5.5 : 3.5, 0, 2 * Math.PI);
    ctx.fill();
    if (p.highlight) {
      ctx.strokeStyle = palette.ink;
      ctx.stroke();
      ctx.strokeStyle = palette.positive;
    }
    ctx.fillStyle = palette.ink;
    const w = ctx.measureText(p.label).width;
    ctx.fillText(p.label, Math.max(left + 2, Math.min(px(p.x) - w / 2, right - w)), py(p.y) + (p.labelBelow ? 15 : -7));
  }
}
