// Parameter schema of every demo: names, allowed values and defaults; parsing raw string parameters
// (from data-params, the Logseq macro or the URL hash) into typed values with human-readable problems.
// DOM-free: used at build time and in the browser.

export const DEMO_NAMES = ['neuron', 'linear-regression', 'learning-rate', 'playground', 'pruning', 'initialisation'] as const;
export type DemoName = (typeof DEMO_NAMES)[number];

export interface NumberParam {
  kind: 'number';
  description: string;
  min: number;
  max: number;
  default: number;
  integer?: boolean;
}
export interface ChoiceParam {
  kind: 'choice';
  description: string;
  options: readonly string[];
  default: string;
}
/** Hidden-layer sizes written as dash-separated counts, e.g. "4-4"; "0" or "" means no hidden layer. */
export interface LayersParam {
  kind: 'layers';
  description: string;
  maxLayers: number;
  maxNeurons: number;
  default: readonly number[];
}
export type ParamSpec = NumberParam | ChoiceParam | LayersParam;
export type ParamValue = number | string | number[];

const CLASSIFICATION_SETS = ['xor', 'circles', 'gaussians', 'spirals'] as const;
const HIDDEN_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;

const seed: NumberParam = { kind: 'number', description: 'random seed for data and initial weights', min: 0, max: 2 ** 31 - 1, default: 1, integer: true };
const points: NumberParam = { kind: 'number', description: 'number of data points', min: 10, max: 400, default: 60, integer: true };
const lineNoise: NumberParam = { kind: 'number', description: 'standard deviation of the noise on y', min: 0, max: 2, default: 0.3 };
const pointNoise: NumberParam = { kind: 'number', description: 'standard deviation of the noise on each coordinate', min: 0, max: 0.5, default: 0.1 };
const dataset = { kind: 'choice', description: 'data set', options: CLASSIFICATION_SETS, default: 'circles' } as const satisfies ChoiceParam;
const activation = { kind: 'choice', description: 'hidden-layer activation', options: HIDDEN_ACTIVATIONS, default: 'tanh' } as const satisfies ChoiceParam;
const layers = (defaults: number[]): LayersParam => ({ kind: 'layers', description: 'hidden-layer sizes, e.g. 4-4 (0–8 layers of 1–8 neurons)', maxLayers: 8, maxNeurons: 8, default: defaults });

export const DEMO_PARAMS = {
  neuron: {
    inputs: { kind: 'number', description: 'number of inputs', min: 1, max: 3, default: 2, integer: true },
    activation: { kind: 'choice', description: 'activation function', options: ['sigmoid', 'tanh', 'relu', 'linear'], default: 'sigmoid' },
    bias: { kind: 'number', description: 'initial bias', min: -3, max: 3, default: 0 },
    target: { kind: 'number', description: 'target output for the learning step', min: -1, max: 1, default: 0.8 },
  },
  'linear-regression': {
    points, noise: lineNoise, seed,
    lr: { kind: 'number', description: 'learning rate', min: 0.001, max: 2, default: 0.1 },
  },
  'learning-rate': {
    points, noise: lineNoise, seed,
    lr: { kind: 'number', description: 'learning rate (above 1 this problem diverges)', min: 0.0001, max: 10, default: 0.05 },
  },
  playground: {
    dataset, noise: pointNoise, seed, activation,
    layers: layers([4, 4]),
    lr: { kind: 'number', description: 'learning rate', min: 0.00001, max: 10, default: 0.1 },
    regularisation: { kind: 'choice', description: 'weight penalty', options: ['none', 'l1', 'l2'], default: 'none' },
    rate: { kind: 'number', description: 'regularisation rate', min: 0, max: 10, default: 0 },
    batch: { kind: 'number', description: 'mini-batch size', min: 1, max: 30, default: 10, integer: true },
  },
  pruning: { dataset, noise: pointNoise, seed, layers: layers([8, 8]) },
  initialisation: {
    dataset, noise: pointNoise, seed, activation,
    layers: layers([6, 6]),
    lr: { kind: 'number', description: 'learning rate', min: 0.001, max: 3, default: 0.3 },
  },
} as const satisfies Record<DemoName, Record<string, ParamSpec>>;

type Specs<N extends DemoName> = (typeof DEMO_PARAMS)[N];
type ValueOf<S> = S extends { kind: 'number' } ? number : S extends { kind: 'choice'; options: readonly (infer O)[] } ? O : number[];
export type DemoParams<N extends DemoName> = { -readonly [K in keyof Specs<N>]: ValueOf<Specs<N>[K]> };

export function isDemoName(name: string): name is DemoName {
  return (DEMO_NAMES as readonly string[]).includes(name);
}

function specsOf(name: DemoName): Record<string, ParamSpec> {
  return DEMO_PARAMS[name];
}

/** Parses one raw value; returns the value or a problem sentence. */
function parseValue(key: string, spec: ParamSpec, raw: string): { value: ParamValue } | { problem: string } {
  const text = raw.trim();
  if (spec.kind === 'choice') {
    return spec.options.includes(text) ? { value: text } : { problem: `${key}="${raw}" is not one of ${spec.options.join(', ')}` };
  }
  if (spec.kind === 'layers') {
    const sizes = text === '' || text === '0' ? [] : text.split('-').map(Number);
    const ok = sizes.length <= spec.maxLayers && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= spec.maxNeurons);
    return ok ? { value: sizes } : { problem: `${key}="${raw}" must be up to ${spec.maxLayers} dash-separated layer sizes from 1 to ${spec.maxNeurons}, e.g. 4-4` };
  }
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) {
    return { problem: `${key}="${raw}" must be ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}` };
  }
  return { value: n };
}

/**
 * Typed parameters for a demo: defaults, overridden by each valid raw value. Invalid values and unknown
 * keys are skipped and described in `problems`. Never throws.
 */
export function resolveDemoParams<N extends DemoName>(name: N, raw: Record<string, string>): { values: DemoParams<N>; problems: string[] } {
  const specs = specsOf(name);
  const values: Record<string, ParamValue> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(specs)) values[key] = spec.kind === 'layers' ? [...spec.default] : spec.default;
  for (const [key, rawValue] of Object.entries(raw)) {
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec) {
      problems.push(`demo "${name}" has no parameter "${key}" (known: ${Object.keys(specs).join(', ')})`);
      continue;
    }
    const parsed = parseValue(key, spec, String(rawValue));
    if ('value' in parsed) values[key] = parsed.value;
    else problems.push(`demo "${name}": ${parsed.problem}`);
  }
  return { values: values as DemoParams<N>, problems };
}

/** Problems with a demo name and its raw parameters (empty when all is well). Never throws. */
export function validateDemoParams(name: string, raw: Record<string, string>): string[] {
  if (!isDemoName(name)) return [`unknown demo "${name}" (known: ${DEMO_NAMES.join(', ')})`];
  return resolveDemoParams(name, raw).problems;
}

/** One line per parameter: key, what it means, allowed values and default. */
export function describeDemoParams(name: DemoName): string[] {
  return Object.entries(specsOf(name)).map(([key, spec]) => {
    if (spec.kind === 'choice') return `${key}: ${spec.description}; one of ${spec.options.join(', ')}; default ${spec.default}`;
    if (spec.kind === 'layers') return `${key}: ${spec.description}; default ${formatParamValue(spec.default)}`;
    return `${key}: ${spec.description}; ${spec.integer ? 'whole number' : 'number'} from ${spec.min} to ${spec.max}; default ${spec.default}`;
  });
}

/** The raw string form of a typed value (inverse of parsing). */
export function formatParamValue(value: ParamValue | readonly number[]): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.length ? value.join('-') : '0';
}
