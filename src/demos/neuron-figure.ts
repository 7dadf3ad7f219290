// The neuron diagram shared by the neuron demo's static figure and its live version (DOM-free SVG markup):
// inputs on the left, one edge per weight (width = size, solid = positive, dashed = negative), the sum and
// the output on the right, and the activation written underneath.

import type { ActivationName } from '../training/index.ts';
import { fmt, svgOpen, text } from './svg-markup.ts';

export const NEURON_INPUTS = [1, 0.5, -0.5];
export const NEURON_WEIGHTS = [0.8, -0.4, 0.3];

/** Symbols for the activation in formulas written as plain text. */
export const ACTIVATION_SYMBOL: Record<ActivationName, string> = { sigmoid: 'σ', tanh: 'tanh', relu: 'ReLU', linear: 'id', softmax: 'softmax' };

export interface NeuronState {
  inputs: readonly number[];
  weights: readonly number[];
  bias: number;
  activation: ActivationName;
  output: number;
}

const POSITIVE = '#1d4ed8';
const NEGATIVE = '#c2410c';
const number = (n: number): string => String(Number(n.toFixed(2)));

export function neuronSvg({ inputs, weights, bias, activation, output }: NeuronState): string {
  const h = 40 + 40 * inputs.length,
    mid = h / 2;
  let svg = svgOpen(300, h, `A neuron with ${inputs.length} inputs and ${activation} activation; output ${output.toFixed(3)}`);
  inputs.forEach((x, i) => {
    const y = 40 + 40 * i,
      w = weights[i],
      negative = w < 0;
    svg += `<path d="M44 ${y}L148 ${fmt(mid)}" stroke="currentColor" stroke-width="${fmt(1 + 3 * Math.min(2, Math.abs(w)))}"${negative ? ' stroke-dasharray="5 3"' : ''} class="${negative ? 'kb-demo-neg' : 'kb-demo-pos'}" color="${negative ? NEGATIVE : POSITIVE}"/>`;
    svg += `<circle cx="30" cy="${y}" r="14" fill="none" stroke="currentColor"/>${text(30, y + 4, number(x), 'kb-demo-ink', 'middle')}`;
    svg += text(96, (y + mid) / 2 - 6, `w=${number(w)}`, 'kb-demo-ink', 'middle');
  });
  svg += `<circle cx="170" cy="${fmt(mid)}" r="22" fill="none" stroke="currentColor"/>${text(170, mid + 4, 'Σ', 'kb-demo-ink', 'middle')}`;
  svg += `<path d="M192 ${fmt(mid)}H228" stroke="currentColor"/>${text(234, mid + 4, output.toFixed(3))}`;
  svg += text(150, h - 8, `${activation}(Σ x·w + ${number(bias)})`, 'kb-demo-ink', 'middle');
  return `${svg}</svg>`;
}
