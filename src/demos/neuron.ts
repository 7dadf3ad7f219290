// Live demo "neuron": one neuron with adjustable inputs, weights, bias and activation. The neuron diagram of
// the static figure stays and follows every change; the formula is the one KaTeX typeset at build time (taken
// over from the static figure, so this chunk bundles no KaTeX), with the numbers substituted in plain text
// below it; a button takes gradient steps that move the weights towards a target output.

import { type ActivationName, createRng, dense, Graph, mse, sgd, tensor } from '../training/index.ts';
import { ACTIVATION_SYMBOL, NEURON_INPUTS, NEURON_WEIGHTS, neuronSvg } from './neuron-figure.ts';
import { resolveDemoParams } from './params.ts';
import { button, copyLinkButton, createShell, formatNumber, h, publishLoss, type Slider, select, slider } from './ui.ts';

const LEARNING_RATE = 0.5;
const number = (n: number): string => (n < 0 ? `(−${Math.abs(n).toFixed(2)})` : n.toFixed(2));

export function mount(el: HTMLElement, params: Record<string, string>): void {
  const { values: p } = resolveDemoParams('neuron', params);
  const n = p.inputs;
  let activation: ActivationName = p.activation;
  // The build-time formula (KaTeX markup) is kept before the shell replaces the static figure.
  const formula = el.querySelector<HTMLElement>('.kb-demo-formula') ?? h('div', { class: 'kb-demo-formula' }, 'y = f(Σᵢ xᵢ·wᵢ + b)');
  const shell = createShell(el, 'A single neuron');

  // Model: 1×n input row, n×1 weights, bias, activation; squared error against a target.
  const buildGraph = () => {
    const layer = dense(n, 1, { activation, init: 'zeros', dtype: 'float64', rng: createRng(1) });
    const x = tensor(1, n, 'float64');
    const target = tensor(1, 1, 'float64', [p.target]);
    const output = layer.apply(x);
    return { layer, x, target, output, graph: new Graph(mse(output, target)) };
  };
  let model = buildGraph();
  const inputs = NEURON_INPUTS.slice(0, n),
    weights = NEURON_WEIGHTS.slice(0, n);
  let bias = p.bias,
    target = p.target;

  const diagram = h('div', { class: 'kb-demo-neuron' });
  const numbers = h('p', { class: 'kb-demo-substituted', 'aria-live': 'off' });
  const outputValue = h('span', { class: 'kb-demo-output' });
  shell.figures.append(h('div', { class: 'kb-demo-neuron-text' }, formula, numbers, h('p', {}, 'Output: ', outputValue)), diagram);
  const key = formula.querySelector('.kb-demo-formula-key');

  const recompute = (): void => {
    model.x.data.set(inputs);
    model.layer.weights.data.set(weights);
    model.layer.bias.data[0] = bias;
    model.target.data[0] = target;
    const loss = model.graph.forward();
    const output = model.output.data[0];
    const sum = inputs.reduce((s, x, i) => s + x * weights[i], bias);
    const f = ACTIVATION_SYMBOL[activation];
    numbers.textContent = `= ${f}(${inputs.map((x, i) => `${number(x)} × ${number(weights[i])}`).join(' + ')} + ${number(bias)}) = ${f}(${number(sum)}) = ${output.toFixed(3)}`;
    if (key) key.textContent = `y output, xᵢ inputs, wᵢ weights, b bias, f the activation (here ${activation})`;
    diagram.innerHTML = neuronSvg({ inputs, weights, bias, activation, output }); // our own markup, numbers only
    outputValue.textContent = output.toFixed(3);
    publishLoss(el, loss);
    shell.setStatus('ready', `Output ${output.toFixed(3)}, target ${target}, squared error ${formatNumber(loss)}.`);
  };

  const inputSliders: Slider[] = [],
    weightSliders: Slider[] = [];
  inputs.forEach((_, i) => {
    inputSliders.push(
      slider({
        label: `Input ${i + 1}`,
        min: -2,
        max: 2,
        step: 0.1,
        value: inputs[i],
        onInput: (v) => {
          inputs[i] = v;
          recompute();
        },
      }),
    );
    weightSliders.push(
      slider({
        label: `Weight ${i + 1}`,
        min: -3,
        max: 3,
        step: 0.01,
        value: weights[i],
        onInput: (v) => {
          weights[i] = v;
          recompute();
        },
      }),
    );
  });
  const biasSlider = slider({
    label: 'Bias',
    min: -3,
    max: 3,
    step: 0.01,
    value: bias,
    onInput: (v) => {
      bias = v;
      recompute();
    },
  });
  const activationSelect = select({
    label: 'Activation',
    options: ['sigmoid', 'tanh', 'relu', 'linear'] as const,
    value: activation,
    onChange: (v) => {
      activation = v;
      model = buildGraph();
      recompute();
    },
  });
  const targetSlider = slider({
    label: 'Target output',
    min: -1,
    max: 1,
    step: 0.05,
    value: target,
    onInput: (v) => {
      target = v;
      recompute();
    },
  });
  shell.controls.append(...inputSliders.flatMap((s, i) => [s.root, weightSliders[i].root]), biasSlider.root, activationSelect.root, targetSlider.root);

  /** Gradient steps on the squared error; sliders follow the new weights. */
  const learn = (steps: number): void => {
    const optimiser = sgd(model.layer.parameters(), { learningRate: LEARNING_RATE });
    for (let s = 0; s < steps; s++) {
      model.graph.forward();
      model.graph.backward();
      optimiser.step();
    }
    model.layer.weights.data.forEach((w, i) => {
      weights[i] = Math.max(-3, Math.min(3, w));
      weightSliders[i].set(weights[i]);
    });
    bias = Math.max(-3, Math.min(3, model.layer.bias.data[0]));
    biasSlider.set(bias);
    recompute();
  };
  shell.actions.append(
    button('Learn: 1 gradient step', () => learn(1)),
    button('Learn: 20 steps', () => learn(20)),
    button('Reset', () => {
      inputs.forEach((_, i) => {
        inputs[i] = NEURON_INPUTS[i];
        weights[i] = NEURON_WEIGHTS[i];
        inputSliders[i].set(inputs[i]);
        weightSliders[i].set(weights[i]);
      });
      bias = p.bias;
      biasSlider.set(bias);
      recompute();
    }),
    copyLinkButton(
      'neuron',
      () => ({ inputs: n, activation, bias, target }),
      (m) => {
        shell.status.textContent = m;
      },
    ),
  );
  recompute();
}
