// Reads the demo colour palette from CSS custom properties (--demo-*) so canvas drawings follow the
// light or dark theme; falls back to light-theme defaults when a variable is missing.

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
  positive: '#1d4ed8', negative: '#c2410c', ink: '#1f2937', muted: '#6b7280', grid: '#d1d5db', surface: '#ffffff', accent: '#047857',
};

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const read = (name: keyof Palette): string => style.getPropertyValue(`--demo-${name}`).trim() || DEFAULTS[name];
  return {
    positive: read('positive'), negative: read('negative'), ink: read('ink'), muted: read('muted'),
    grid: read('grid'), surface: read('surface'), accent: read('accent'),
  };
}

/** '#rrggbb' → [r, g, b]; other formats give mid grey. */
export function rgb(colour: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [128, 128, 128];
}
