// Specification of the demo palette helpers and of the palette itself: colours parse in every form a CSS
// minifier may leave, and data points keep WCAG non-text contrast (3:1) against every map colour behind them,
// in the light and the dark theme as demos.css defines them.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, MAP_TINT, mix, rgb } from '../../src/demos/theme.ts';

const CSS = readFileSync(path.resolve(import.meta.dirname, '../../src/demos/demos.css'), 'utf8');

/** The --demo-* values of one rule block of demos.css (':root' or ':root[data-theme="dark"]'). */
function palette(selector: string): Record<string, string> {
  const start = CSS.indexOf(`${selector} {`);
  const block = CSS.slice(start, CSS.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--demo-([a-z]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

describe('rgb', () => {
  it('reads #rrggbb, the short #rgb a minifier writes, alpha forms and rgb()', () => {
    expect(rgb('#1d4ed8')).toEqual([29, 78, 216]);
    expect(rgb('#fff')).toEqual([255, 255, 255]);
    expect(rgb('#11182780')).toEqual([17, 24, 39]);
    expect(rgb('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(rgb(' rgb(4 5 6 / 50%) ')).toEqual([4, 5, 6]);
  });
  it('gives mid grey for what it cannot read', () => {
    expect(rgb('rebeccapurple')).toEqual([128, 128, 128]);
  });
});

describe('contrast', () => {
  it('is the WCAG ratio: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    expect(contrast([29, 78, 216], [29, 78, 216])).toBe(1);
  });
});

describe.each([
  ['light', ':root'],
  ['dark', ':root[data-theme="dark"]'],
])('the %s palette', (_, selector) => {
  const colours = palette(selector);
  const surface = rgb(colours.surface);
  it('defines the class colours and the surface', () => {
    expect(Object.keys(colours)).toEqual(expect.arrayContaining(['positive', 'negative', 'surface']));
  });
  it.each(['positive', 'negative'])('%s points keep 3:1 against the surface and against either class tint at its strongest', (name) => {
    const point = rgb(colours[name]);
    for (const background of [surface, mix(surface, rgb(colours.positive), MAP_TINT), mix(surface, rgb(colours.negative), MAP_TINT)]) {
      expect(contrast(point, background)).toBeGreaterThanOrEqual(3);
    }
  });
});
