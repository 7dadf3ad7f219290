// Weight initialisers: fill a fanIn×fanOut weight matrix with zeros, uniform noise,
// Xavier/Glorot uniform or He normal values drawn from a seeded RNG.

import type { Rng } from './rng.ts';
import type { TensorData } from './tensor.ts';

export const INITIALISERS = ['zeros', 'uniform', 'xavier', 'he'] as const;
export type InitialiserName = (typeof INITIALISERS)[number];

/** Half-width of the plain `uniform` initialiser: values in [−0.5, 0.5). */
export const UNIFORM_LIMIT = 0.5;

export function initialise(name: InitialiserName, data: TensorData, fanIn: number, fanOut: number, rng: Rng): void {
  const uniform = (limit: number): void => {
    for (let i = 0; i < data.length; i++) data[i] = (2 * rng.next() - 1) * limit;
  };
  if (name === 'zeros') data.fill(0);
  else if (name === 'uniform') uniform(UNIFORM_LIMIT);
  else if (name === 'xavier') uniform(Math.sqrt(6 / (fanIn + fanOut)));
  else {
    const std = Math.sqrt(2 / fanIn);
    for (let i = 0; i < data.length; i++) data[i] = rng.normal() * std;
  }
}
