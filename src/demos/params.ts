// Parameter schema of every demo: names, allowed values and defaults; parsing raw string parameters
// (from data-params, the Logseq macro or the URL hash) into typed values with human-readable problems.
// DOM-free: used at build time and in the browser.

export const DEMO_NAMES = ['neuron', 'linear-regression', 'learning-rate', 'playground', 'pruning', 'initialisation', 'quantisation', 'lora'] as const;
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
/** A non-empty subset of `options` written dash-separated, e.g. "x1-x2-sinx1"; the value is kept in option order. */
export interface ListParam {
  kind: 'list';
  description: string;
  options: readonly string[];
  default: string;
}
export type ParamSpec = NumberParam | ChoiceParam | LayersParam | ListParam;
export type ParamValue = number | string | number[];

const CLASSIFICATION_SETS = ['xor', 'circles', 'gaussians', 'spirals'] as const;
const HIDDEN_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;

const seed: NumberParam = { kind: 'number', description: 'random seed for data and initial weights', min: 0, max: 2 ** 31 - 1, default: 1, integer: true };
const points: NumberParam = { kind: 'number', description: 'number of data points', min: 10, max: 400, default: 60, integer: true };
const lineNoise: NumberParam = { kind: 'number', description: 'standard deviation of the noise on y', min: 0, max: 2, default: 0.3 };
const pointNoise: NumberParam = { kind: 'number', description: 'standard deviation of the noise on each coordinate', min: 0, max: 0.5, default: 0.1 };
const dataset = { kind: 'choice', description: 'data set', options: CLASSIFICATION_SETS, default: 'circles' } as const satisfies ChoiceParam;
const activation = { kind: 'choice', description: 'hidden-layer activation', options: HIDDEN_ACTIVATIONS, default: 'tanh' } as const satisfies ChoiceParam;
const layers = (defaults: number[], maxLayers = 8, maxNeurons = 8): LayersParam => ({
  kind: 'layers',
  description: `hidden-layer sizes, e.g. 4-4 (0–${maxLayers} layers of 1–${maxNeurons} neurons)`,
  maxLayers,
  maxNeurons,
  default: defaults,
});
const FEATURE_NAMES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;

/**
 * The playground's settings for each data set, used wherever a setting is not given: each learns its data set
 * (tests/demos/playground-model.test.ts states how well and within how many steps). `speed` is training steps per frame,
 * chosen so that the decision boundary forms over about ten seconds at 60 frames per second.
 */
export const PLAYGROUND_DEFAULTS = {
  circles: { noise: 0.05, features: 'x1-x2', layers: [4, 4], activation: 'tanh', lr: 0.1, speed: 2 },
  xor: { noise: 0.05, features: 'x1-x2', layers: [4, 4], activation: 'tanh', lr: 0.1, speed: 2 },
  gaussians: { noise: 0.05, features: 'x1-x2', layers: [2], activation: 'tanh', lr: 0.03, speed: 1 },
  spirals: { noise: 0, features: 'x1-x2-sinx1-sinx2', layers: [8, 8], activation: 'tanh', lr: 0.1, speed: 10 },
} as const satisfies Record<(typeof CLASSIFICATION_SETS)[number], Record<string, ParamValue | readonly number[]>>;

export const DEMO_PARAMS = {
  neuron: {
    inputs: { kind: 'number', description: 'number of inputs', min: 1, max: 3, default: 2, integer: true },
    activation: { kind: 'choice', description: 'activation function', options: ['sigmoid', 'tanh', 'relu', 'linear'], default: 'sigmoid' },
    bias: { kind: 'number', description: 'initial bias', min: -3, max: 3, default: 0 },
    target: { kind: 'number', description: 'target output for the learning step', min: -1, max: 1, default: 0.8 },
  },
  'linear-regression': {
    points,
    noise: lineNoise,
    seed,
    lr: { kind: 'number', description: 'learning rate', min: 0.001, max: 2, default: 0.1 },
  },
  'learning-rate': {
    points,
    noise: lineNoise,
    seed,
    lr: { kind: 'number', description: 'learning rate (above 1 this problem diverges)', min: 0.0001, max: 10, default: 0.05 },
  },
  playground: {
    dataset,
    noise: pointNoise,
    seed,
    features: {
      kind: 'list',
      description: 'input features: x1, x2, x1sq (x₁²), x2sq, x1x2, sinx1, sinx2, dash-separated',
      options: FEATURE_NAMES,
      default: 'x1-x2',
    },
    activation,
    layers: layers([4, 4]),
    lr: { kind: 'number', description: 'learning rate', min: 0.00001, max: 10, default: 0.1 },
    regularisation: { kind: 'choice', description: 'weight penalty', options: ['none', 'l1', 'l2'], default: 'none' },
    rate: { kind: 'number', description: 'regularisation rate', min: 0, max: 10, default: 0 },
    batch: { kind: 'number', description: 'mini-batch size', min: 1, max: 30, default: 10, integer: true },
    speed: { kind: 'number', description: 'training steps (mini-batches) per animation frame', min: 1, max: 100, default: 2, integer: true },
  },
  pruning: { dataset, noise: pointNoise, seed, layers: layers([8, 8]) },
  initialisation: {
    dataset,
    noise: pointNoise,
    seed,
    activation,
    layers: layers([6, 6]),
    lr: { kind: 'number', description: 'learning rate', min: 0.001, max: 3, default: 0.3 },
  },
  quantisation: {
    dataset: { ...dataset, default: 'spirals' },
    seed,
    layers: layers([16, 16], 3, 32),
    format: {
      kind: 'choice',
      description: 'int: integers of the chosen bits; mxfp4: 4-bit floats (E2M1) with a power-of-two scale per block of 32',
      options: ['int', 'mxfp4'],
      default: 'int',
    },
    bits: { kind: 'choice', description: 'bits per weight (int format)', options: ['8', '4', '3', '2'], default: '4' },
    scales: {
      kind: 'choice',
      description: 'one scale per tensor, per output channel (neuron), or per group of inputs (int format)',
      options: ['tensor', 'channel', 'group'],
      default: 'tensor',
    },
    group: { kind: 'number', description: 'weights per group when scales=group', min: 2, max: 32, default: 4, integer: true },
    range: {
      kind: 'choice',
      description: 'symmetric (zero exact, scale from max |w|) or asymmetric (from min to max) levels (int format)',
      options: ['symmetric', 'asymmetric'],
      default: 'symmetric',
    },
  },
  lora: {
    dataset: { ...dataset, default: 'spirals' },
    seed,
    layers: layers([32, 32], 3, 32),
    shift: {
      kind: 'choice',
      description: 'how the task changes after pre-training: the plane rotated by `angle`, or mirrored left to right',
      options: ['rotate', 'mirror'],
      default: 'rotate',
    },
    angle: { kind: 'number', description: 'rotation of the new task in degrees', min: 0, max: 180, default: 90 },
    rank: { kind: 'number', description: 'rank r of the update B·A', min: 1, max: 8, default: 2, integer: true },
  },
} as const satisfies Record<DemoName, Record<string, ParamSpec>>;

type Specs<N extends DemoName> = (typeof DEMO_PARAMS)[N];
type ValueOf<S> = S extends { kind: 'number' }
  ? number
  : S extends { kind: 'choice'; options: readonly (infer O)[] }
    ? O
    : S extends { kind: 'list' }
      ? string
      : number[];
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
  if (spec.kind === 'list') {
    const names = text.split('-').filter(Boolean);
    const ok = names.length > 0 && new Set(names).size === names.length && names.every((n) => spec.options.includes(n));
    return ok
      ? { value: spec.options.filter((o) => names.includes(o)).join('-') }
      : { problem: `${key}="${raw}" must be one or more of ${spec.options.join(', ')}, dash-separated, each at most once` };
  }
  if (spec.kind === 'layers') {
    const sizes = text === '' || text === '0' ? [] : text.split('-').map(Number);
    const ok = sizes.length <= spec.maxLayers && sizes.every((n) => Number.isInteger(n) && n >= 1 && n <= spec.maxNeurons);
    return ok
      ? { value: sizes }
      : { problem: `${key}="${raw}" must be up to ${spec.maxLayers} dash-separated layer sizes from 1 to ${spec.maxNeurons}, e.g. 4-4` };
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
  if (name === 'playground') {
    // per-data-set defaults: of the data set asked for, if it is a valid one
    const chosen = Object.hasOwn(raw, 'dataset') ? parseValue('dataset', specs.dataset, String(raw.dataset)) : null;
    const set = chosen && 'value' in chosen ? (chosen.value as keyof typeof PLAYGROUND_DEFAULTS) : (values.dataset as keyof typeof PLAYGROUND_DEFAULTS);
    for (const [key, value] of Object.entries(PLAYGROUND_DEFAULTS[set])) values[key] = Array.isArray(value) ? [...value] : value;
  }
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
  const defaults: Record<string, ParamValue> = resolveDemoParams(name, {}).values;
  return Object.entries(specsOf(name)).map(([key, spec]) => {
    const fallback = `default ${formatParamValue(defaults[key])}`;
    const byDataSet = name === 'playground' && Object.hasOwn(PLAYGROUND_DEFAULTS.circles, key) ? ' for circles (each data set has its own)' : '';
    if (spec.kind === 'choice') return `${key}: ${spec.description}; one of ${spec.options.join(', ')}; ${fallback}${byDataSet}`;
    if (spec.kind === 'layers' || spec.kind === 'list') return `${key}: ${spec.description}; ${fallback}${byDataSet}`;
    return `${key}: ${spec.description}; ${spec.integer ? 'whole number' : 'number'} from ${spec.min} to ${spec.max}; ${fallback}${byDataSet}`;
  });
}

/** The raw string form of a typed value (inverse of parsing). */
export function formatParamValue(value: ParamValue | readonly number[]): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value.length ? value.join('-') : '0';
}
