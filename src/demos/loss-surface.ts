// The loss surface of the line fit over (w, b), computed once per data set on a fixed view, for the
// linear-regression and learning-rate demos (DOM-free).

import type { DataSet } from '../training/index.ts';
import { lineLoss } from './experiments.ts';
import type { Box } from './plot.ts';

/** w horizontally, b vertically. */
export const SURFACE_VIEW: Box = { x0: -2, x1: 6, y0: -3, y1: 2 };
export const SURFACE_RESOLUTION = 60;

/** Mean squared error at each cell centre, row-major from the top left (b = SURFACE_VIEW.y1). */
export function lossSurface(data: DataSet): Float64Array {
  const surface = new Float64Array(SURFACE_RESOLUTION ** 2);
  const { x0, x1, y0, y1 } = SURFACE_VIEW;
  for (let row = 0; row < SURFACE_RESOLUTION; row++) {
    for (let col = 0; col < SURFACE_RESOLUTION; col++) {
      const w = x0 + ((col + 0.5) / SURFACE_RESOLUTION) * (x1 - x0),
        b = y1 - ((row + 0.5) / SURFACE_RESOLUTION) * (y1 - y0);
      surface[row * SURFACE_RESOLUTION + col] = lineLoss(data, w, b);
    }
  }
  return surface;
}
