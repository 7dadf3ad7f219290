// Reads the demo colour palette from CSS custom properties (--demo-*) so canvas drawings follow the
// light or dark theme; falls back to light-theme defaults when a variable is missing. Also colour mixing
// and WCAG contrast, used to keep data points readable on the tinted maps behind them.

export interface Palette {
  positive: string;
  negative: string;
  ink: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
}

const DEFAULTS: Palette = {
  positive: '#1d4ed8',
  negative: '#c2410c',
  ink: '#1f2937',
  muted: '#6b7280',
  grid: '#d1d5db',
  surface: '#ffffff',
  accent: '#047857',
};

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const read = (name: keyof Palette): string => style.getPropertyValue(`--demo-${name}`).trim() || DEFAULTS[name];
  return {
    positive: read('positive'),
    negative: read('negative'),
    ink: read('ink'),
    muted: read('muted'),
    grid: read('grid'),
    surface: read('surface'),
    accent: read('accent'),
  };
}

/**
 * A CSS colour as [r, g, b]: '#rgb', '#rrggbb' (with or without alpha; CSS minifiers shorten '#ffffff' to
 * '#fff') or 'rgb(r g b)' / 'rgb(r, g, b)'; any other format gives mid grey.
 */
export function rgb(colour: string): Rgb {
  const text = colour.trim();
  const hex = /^#([0-9a-f]{3,8})$/i.exec(text)?.[1];
  if (hex && (hex.length === 3 || hex.length === 4)) return [0, 1, 2].map((i) => parseInt(hex[i] + hex[i], 16)) as Rgb;
  if (hex && (hex.length === 6 || hex.length === 8)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(text);
  return fn ? [Number(fn[1]), Number(fn[2]), Number(fn[3])] : [128, 128, 128];
}

export type Rgb = [number, number, number];

/** a + (b − a)·t per channel. */
export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/**
 * The strongest tint of a class colour over the surface on maps that carry data points: points in the class
 * colours keep at least 3:1 contrast (WCAG 1.4.11, graphical objects) against it in both themes (tested).
 */
export const MAP_TINT = 0.3;

/** WCAG relative luminance of an sRGB colour (channels 0–255). */
export function luminance([r, g, b]: Rgb): number {
  const linear = (c: number): number => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
