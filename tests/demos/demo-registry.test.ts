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
  it('lists the eight demos', () => {
    expect(DEMO_NAMES).toEqual(['neuron', 'linear-regression', 'learning-rate', 'playground', 'pruning', 'initialisation', 'quantisation', 'lora']);
  });
  it('isDemoName accepts exactly those names', () => {
    expect(DEMO_NAMES.every(isDemoName)).toBe(true);
    expect(isDemoName('Playground')).toBe(false);
    expect(isDemoName('toString')).toBe(false);
  });
});

describe.each(DEMO_NAMES)('renderDemoFallback(%s)', (name) => {
  const html = renderDemoFallback(name, {});
  it('is a <figure> with one inline <svg> and a <figcaption> whose JavaScript sentence is marked for no-script readers only', () => {
    expect(html.startsWith('<figure class="kb-demo-fallback">')).toBe(true);
    expect(html.endsWith('</figure>')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(1);
    expect(html).toMatch(/<figcaption>[^<]+<span class="kb-demo-nojs">The interactive version needs JavaScript\.<\/span><\/figcaption><\/figure>$/);
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
  it('the neuron figure carries its formula typeset by KaTeX at build time, for the live demo to reuse', () => {
    const html = renderDemoFallback('neuron', {});
    expect(html).toContain('<div class="kb-demo-formula"><span class="katex-display">');
    expect(html).toContain('<math'); // MathML for screen readers
  });
  it('the new demos state their results: bits against accuracy, ranks against accuracy', () => {
    expect(renderDemoFallback('quantisation', {})).toMatch(/int8 \d+ bytes, \d+%; int4 .*MXFP4 \d+ bytes, \d+%; float32 \d+ bytes, \d+%/);
    expect(renderDemoFallback('quantisation', { scales: 'channel' })).toContain('one scale per output channel');
    expect(renderDemoFallback('lora', { rank: '3' })).toMatch(/LoRA r=1 \(\d+ trainable parameters\) \d+%.*full fine-tuning \(\d+ trainable parameters\) \d+%/);
    expect(renderDemoFallback('lora', { shift: 'mirror' })).toContain('once the data is mirrored');
  });
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
    expect(
      validateDemoParams('playground', {
        dataset: 'spirals',
        layers: '4-4',
        lr: '0.03',
        regularisation: 'l2',
        rate: '0.01',
        batch: '10',
        features: 'x1-x2-sinx1',
        speed: '5',
      }),
    ).toEqual([]);
    expect(validateDemoParams('playground', { layers: '0' })).toEqual([]);
    expect(validateDemoParams('quantisation', { format: 'mxfp4', bits: '2', scales: 'group', group: '8', range: 'asymmetric', layers: '32-32' })).toEqual([]);
    expect(validateDemoParams('lora', { rank: '8', shift: 'mirror', angle: '45', layers: '16' })).toEqual([]);
  });
  it('reports bad feature lists, bit widths and ranks', () => {
    expect(validateDemoParams('playground', { features: 'x1-x3' })[0]).toContain(
      'features="x1-x3" must be one or more of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2',
    );
    expect(validateDemoParams('playground', { features: 'x1-x1' })).toHaveLength(1);
    expect(validateDemoParams('quantisation', { bits: '5' })[0]).toContain('bits="5" is not one of 8, 4, 3, 2');
    expect(validateDemoParams('lora', { rank: '9' })[0]).toContain('rank="9" must be a whole number from 1 to 8');
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
    expect(problems.join('\n')).toMatch(
      /lr="fast" must be a number from 0.00001 to 10|lr="fast" must be a number from 0\.00001 to 10|lr="fast" must be a number from 1e-05 to 10/,
    );
    expect(problems.join('\n')).toContain('dataset="moons" is not one of xor, circles, gaussians, spirals');
    expect(problems.join('\n')).toContain('layers="9-9"');
    expect(problems.join('\n')).toContain('batch="2.5" must be a whole number');
  });
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string(), fc.dictionary(fc.string(), fc.string()), (name, params) => {
        expect(Array.isArray(validateDemoParams(name, params))).toBe(true);
      }),
    );
  });
  it('rendering never throws for arbitrary parameter values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DEMO_NAMES),
        fc.dictionary(fc.constantFrom('lr', 'layers', 'noise', 'points', 'dataset', 'inputs', 'x'), fc.string()),
        (name, params) => {
          expect(renderDemoFallback(name, params)).toMatch(/^<figure/);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('describeDemoParams', () => {
  it('describes every parameter with its default', () => {
    const lines = describeDemoParams('playground');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'dataset',
      'noise',
      'seed',
      'features',
      'activation',
      'layers',
      'lr',
      'regularisation',
      'rate',
      'batch',
      'speed',
    ]);
    expect(lines.find((l) => l.startsWith('layers'))).toContain('default 4-4 for circles (each data set has its own)');
    expect(lines.find((l) => l.startsWith('noise'))).toContain('default 0.05 for circles');
  });
});

describe('URL hash encoding of demo settings', () => {
  it("round-trips settings and keeps other demos' entries", () => {
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
