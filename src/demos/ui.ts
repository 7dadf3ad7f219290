// Plain-DOM building blocks for demo controls: labelled sliders and selects, buttons, a live status line,
// the demo layout shell and the "Copy link" button. Every control is a native, keyboard-operable element.

import { type DemoName, formatParamValue, type ParamValue } from './params.ts';
import { writeHashParams } from './url-state.ts';

let idCounter = 0;
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `kb-demo-${prefix}-${idCounter}`;
}

type Child = Node | string;

/** createElement with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

export interface Slider {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  value(): number;
  set(value: number): void;
}

export interface SliderOptions {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Shown next to the label; defaults to the number itself. */
  format?: (value: number) => string;
  /** Slider position ↔ value, e.g. for a logarithmic learning-rate scale. */
  toValue?: (position: number) => number;
  toPosition?: (value: number) => number;
  onInput: (value: number) => void;
  name?: string;
}

export function slider(options: SliderOptions): Slider {
  const { format = (v) => String(Math.round(v * 1000) / 1000), toValue = (p) => p, toPosition = (v) => v } = options;
  const id = uniqueId('slider');
  const input = h('input', { type: 'range', id, min: String(options.min), max: String(options.max), step: String(options.step), name: options.name ?? id });
  const output = h('output', { for: id });
  /** Shows `value`, or the value at the slider's position (which a logarithmic slider can only approximate). */
  const show = (value = toValue(Number(input.value))): void => {
    output.textContent = format(value);
    input.setAttribute('aria-valuetext', output.textContent);
  };
  input.value = String(toPosition(options.value));
  show(options.value);
  input.addEventListener('input', () => {
    show();
    options.onInput(toValue(Number(input.value)));
  });
  const root = h('div', { class: 'kb-demo-control' }, h('label', { for: id }, options.label, ' ', output), input);
  return {
    root,
    input,
    value: () => toValue(Number(input.value)),
    set(value) {
      input.value = String(toPosition(value));
      show(value);
    },
  };
}

/** Logarithmic slider over [min, max] (both > 0), positions are log10 values. */
export function logSlider(options: Omit<SliderOptions, 'min' | 'max' | 'step' | 'toValue' | 'toPosition'> & { min: number; max: number }): Slider {
  return slider({
    ...options,
    min: Math.log10(options.min),
    max: Math.log10(options.max),
    step: 0.01,
    toValue: (p) => Number((10 ** p).toPrecision(2)),
    toPosition: Math.log10,
  });
}

export interface Select<T extends string> {
  readonly root: HTMLElement;
  readonly select: HTMLSelectElement;
  value(): T;
  set(value: T): void;
}

export function select<T extends string>(options: {
  label: string;
  options: readonly T[];
  value: T;
  labels?: Partial<Record<T, string>>;
  onChange: (value: T) => void;
}): Select<T> {
  const id = uniqueId('select');
  const el = h('select', { id });
  for (const option of options.options) el.append(h('option', { value: option }, options.labels?.[option] ?? option));
  el.value = options.value;
  const value = (): T => el.value as T; // only our own <option> values can be selected
  el.addEventListener('change', () => options.onChange(value()));
  return {
    root: h('div', { class: 'kb-demo-control' }, h('label', { for: id }, options.label), el),
    select: el,
    value,
    set(v) {
      el.value = v;
    },
  };
}

export function button(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const el = h('button', { type: 'button', class: 'kb-demo-button', ...attributes }, label);
  el.addEventListener('click', onClick);
  return el;
}

export interface Shell {
  /** The live demo's one child of the `.kb-demo` element: it takes the box the static figure held. */
  readonly body: HTMLElement;
  readonly controls: HTMLElement;
  readonly figures: HTMLElement;
  readonly status: HTMLElement;
  readonly actions: HTMLElement;
  /** Sets the status text and the element's data-state ('ready' | 'running' | 'paused' | 'diverged' | …). */
  setStatus(state: string, message: string): void;
  /** Adds an element to the body just before the status line (controls that keep their size, such as editors). */
  addBeforeStatus(node: HTMLElement): void;
  /**
   * Adds an element after the status line: text that appears or grows while a demo runs (summaries, notes)
   * goes last, so that it grows into the demo's reserved height without moving anything.
   */
  addAfterStatus(node: HTMLElement): void;
}

/**
 * Replaces the fallback inside `el` with the demo layout — title, controls, actions, figures, status — in one
 * `.kb-demo-body`, which the demo styles give the same reserved height as the static figure it replaces.
 */
export function createShell(el: HTMLElement, title: string): Shell {
  const controls = h('div', { class: 'kb-demo-controls' });
  const actions = h('div', { class: 'kb-demo-actions' });
  const figures = h('div', { class: 'kb-demo-figures' });
  const status = h('p', { class: 'kb-demo-status', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { class: 'kb-demo-body' }, h('p', { class: 'kb-demo-title' }, title), controls, actions, figures, status);
  el.replaceChildren(body);
  el.classList.add('kb-demo-live');
  return {
    body,
    controls,
    figures,
    status,
    actions,
    addBeforeStatus(node) {
      body.insertBefore(node, status);
    },
    addAfterStatus(node) {
      body.append(node);
    },
    setStatus(state, message) {
      el.dataset.state = state;
      status.textContent = message;
    },
  };
}

/** Publishes the current loss for tests and assistive tooling (data-loss, 'NaN' when not finite). */
export function publishLoss(el: HTMLElement, loss: number): void {
  el.dataset.loss = Number.isFinite(loss) ? String(loss) : 'NaN';
}

/** A button that writes the demo's settings into the URL hash and copies the link. */
export function copyLinkButton(name: DemoName, settings: () => Record<string, ParamValue>, report: (message: string) => void): HTMLButtonElement {
  return button('Copy link', () => {
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(settings())) raw[key] = formatParamValue(value);
    const link = writeHashParams(name, raw);
    const done = (): void => report('Link to these settings copied (it is also in the address bar).');
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(link).then(done, () => report('Link to these settings is now in the address bar.'));
    else report('Link to these settings is now in the address bar.');
  });
}

/** Human-readable number: 3 significant digits, exponent for very small or large values. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}
