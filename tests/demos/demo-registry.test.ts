// Specification of the build-time demo registry (src/demos/registry.ts) and the URL-hash encoding of demo
// settings: names, parameter validation, and deterministic, safe, small static fallback HTML.
// (Lives under tests/training because it runs in the DOM-free unit project.)

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_NAMES, describeDemoParams, isDemoName, renderDemoFallback, validateDemoParams } from '../../src/demos/registry.ts';
import { decodeHashParams, encodeHashParams } from '../../src/demos/url-state.ts';

/** Checks that every tag is closed in order (a tiny well-formedness check for the generated markup). */
function tagsBalance(html: string): boolean {
  const stack: string[] = [];
  for (const [, closing, name, , selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g)) {
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0 && !/<(?![a-zA-Z/])/.test(html);
}

describe('demo names', () => {
  it('lists the six demos', () => {
    expect(DEMO_NAMES).toEqual(['neuron', 'linear-regression', 'learning-rate', 'playground', 'pruning', 'initialisation']);
  });
  it('isDemoName accepts exactly those names', () => {
    expect(DEMO_NAMES.every(isDemoName)).toBe(true);
    expect(isDemoName('Playground')).toBe(false);
    expect(isDemoName('toString')).toBe(false);
  });
});

describe.each(DEMO_NAMES)('renderDemoFallback(%s)', (name) => {
  const html = renderDemoFallback(name, {});
  it('is a <figure> with one inline <svg> and a <figcaption> that says JavaScript is needed', () => {
    expect(html.startsWith('<figure class="kb-demo-fallback">')).toBe(true);
    expect(html.endsWith('</figure>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toMatch(/<figcaption>[^<]*JavaScript[^<]*<\/figcaption>/);
  });
  it('is deterministic: the same parameters give the same bytes', () => {
    expect(renderDemoFallback(name, {})).toBe(html);
  });
  it('is well-formed and safe: balanced tags, no script, no event handlers, no external references', () => {
    expect(tagsBalance(html)).toBe(true);
    expect(html).not.toMatch(/<script|javascript:|\son\w+=|<foreignObject|href=/i);
  });
  it('is small (under 6 KB)', () => {
    expect(html.length).toBeLessThan(6000);
  });
});

describe('fallbacks follow their parameters', () => {
  it('a different data set or seed changes the playground figure', () => {
    const base = renderDemoFallback('playground', { dataset: 'circles' });
    expect(renderDemoFallback('playground', { dataset: 'xor' })).not.toBe(base);
    expect(renderDemoFallback('playground', { dataset: 'circles', seed: '2' })).not.toBe(base);
  });
  it('a diverging learning rate is stated in the figure', () => {
    expect(renderDemoFallback('learning-rate', { lr: '10' })).toContain('Diverged: loss became infinite/NaN');
  });
  it('invalid values fall back to defaults and are never echoed into the markup', () => {
    const html = renderDemoFallback('playground', { dataset: '<script>alert(1)</script>', layers: '"><img src=x>' });
    expect(html).toBe(renderDemoFallback('playground', {}));
  });
});

describe('validateDemoParams', () => {
  it('accepts valid parameters', () => {
    expect(validateDemoParams('playground', { dataset: 'spirals', layers: '4-4', lr: '0.03', regularisation: 'l2', rate: '0.01', batch: '10' })).toEqual([]);
    expect(validateDemoParams('playground', { layers: '0' })).toEqual([]);
  });
  it('reports unknown demos and unknown keys by name', () => {
    expect(validateDemoParams('sorcery', {})[0]).toMatch(/unknown demo "sorcery"/);
    const problems = validateDemoParams('neuron', { colour: 'red' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/no parameter "colour"/);
  });
  it('reports bad values with the allowed range or choices', () => {
    const problems = validateDemoParams('playground', { lr: 'fast', layers: '9-9', dataset: 'moons', batch: '2.5', noise: '-1' });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/lr="fast" must be a number from 0.00001 to 10|lr="fast" must be a number from 0\.00001 to 10|lr="fast" must be a number from 1e-05 to 10/);
    expect(problems.join('\n')).toContain('dataset="moons" is not one of xor, circles, gaussians, spirals');
    expect(problems.join('\n')).toContain('layers="9-9"');
    expect(problems.join('\n')).toContain('batch="2.5" must be a whole number');
  });
  it('never throws, whatever it is given', () => {
    fc.assert(fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (name, params) => {
      expect(Array.isArray(validateDemoParams(name, params))).toBe(true);
    }));
  });
  it('rendering never throws for arbitrary parameter values', () => {
    fc.assert(fc.property(fc.constantFrom(...DEMO_NAMES), fc.dictionary(fc.constantFrom('lr', 'layers', 'noise', 'points', 'dataset', 'inputs', 'x'), fc.string()), (name, params) => {
      expect(renderDemoFallback(name, params)).toMatch(/^<figure/);
    }), { numRuns: 30 });
  });
});

describe('describeDemoParams', () => {
  it('describes every parameter with its default', () => {
    const lines = describeDemoParams('playground');
    expect(lines.map((l) => l.split(':')[0])).toEqual(['dataset', 'noise', 'seed', 'activation', 'layers', 'lr', 'regularisation', 'rate', 'batch']);
    expect(lines.find((l) => l.startsWith('layers'))).toContain('default 4-4');
  });
});

describe('URL hash encoding of demo settings', () => {
  it('round-trips settings and keeps other demos\' entries', () => {
    const hash = encodeHashParams('playground', { lr: '0.03', layers: '4-4', dataset: 'xor' }, '#demo-neuron=bias:1');
    expect(hash).toBe('#demo-neuron=bias:1&demo-playground=lr:0.03,layers:4-4,dataset:xor');
    expect(decodeHashParams('playground', hash)).toEqual({ lr: '0.03', layers: '4-4', dataset: 'xor' });
    expect(decodeHashParams('neuron', hash)).toEqual({ bias: '1' });
  });
  it('replaces an existing entry for the same demo and ignores unrelated hashes', () => {
    expect(encodeHashParams('pruning', { seed: '2' }, '#demo-pruning=seed:1')).toBe('#demo-pruning=seed:2');
    expect(decodeHashParams('pruning', '#section-3')).toEqual({});
  });
});
