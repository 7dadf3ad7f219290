// Formulas as readable plain text (src/lib/render/math-text.ts), read from KaTeX's MathML: what search
// records and excerpts show instead of TeX.
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { mathTextOf } from '../../src/lib/render/math-text.ts';

const read = (tex: string, displayMode = false) => mathTextOf(katex.renderToString(tex, { output: 'htmlAndMathml', throwOnError: false, displayMode }));

describe('formulas as text', () => {
  it('keeps symbols and drops TeX commands and font changes', () => {
    expect(read('\\mathbf{z} = W\\mathbf{x} + \\mathbf{b}')).toBe('z = Wx + b');
    expect(read('\\hat{y} = \\sigma(w^\\top x + b)')).toBe('ŷ = σ(wᵀx + b)');
    expect(read('\\operatorname{ReLU}(x)=\\max(0,x)')).toBe('ReLU(x) = max(0, x)');
    expect(read('-\\log p_\\theta(y \\mid x) + \\sin x')).toBe('− log p_θ(y ∣ x) + sin x');
  });

  it('writes sub- and superscripts as Unicode where it can, and with _ and ^ otherwise', () => {
    expect(read('w_{t+1} \\leftarrow w_t - \\eta \\nabla L')).toBe('wₜ₊₁ ← wₜ − η∇L');
    expect(read('x_{ij}^2')).toBe('xᵢⱼ²');
    expect(read('W_Q')).toBe('W_Q');
    expect(read('e^{-x}')).toBe('e^(−x)');
  });

  it('reads fractions, roots, sums and matrices', () => {
    expect(read('\\frac{\\partial L}{\\partial w}')).toBe('∂L/∂w');
    expect(read('\\frac{1}{1+e^{-x}}')).toBe('1/(1 + e^(−x))');
    expect(read('\\sqrt{x^2+1}')).toBe('√(x² + 1)');
    expect(read('\\sum_{i=1}^{n} w_i x_i', true)).toBe('∑ᵢ₌₁ⁿ wᵢxᵢ');
    expect(read('\\begin{pmatrix}a & b\\\\ c & d\\end{pmatrix}')).toBe('(a, b; c, d)');
  });

  it('contains no TeX', () => {
    for (const tex of ['\\mathcal{L}(\\theta) = \\frac{1}{N}\\sum_{n=1}^{N} (y_n - \\hat{y}_n)^2', '\\text{if } |w| < 0.5', '\\int_0^1 f(x)\\,dx']) {
      expect(read(tex)).not.toMatch(/\\[a-z]+|[{}]/i);
    }
  });

  it('gives nothing for output without MathML', () => {
    expect(mathTextOf('<span class="katex-error">\\frac{</span>')).toBe('');
  });
});

describe('formulas in a page as text', () => {
  it('replaces each KaTeX formula in a tree by its readable text', async () => {
    const { indexableHtml } = await import('../../src/lib/build/search-index.ts');
    const formula = katex.renderToString('z = w_1 x_1 + b', { output: 'htmlAndMathml' });
    const display = katex.renderToString('\\frac{a}{b}', { output: 'htmlAndMathml', displayMode: true });
    const html = indexableHtml(`<html><body><p>It computes ${formula} and</p>${display}<p>end</p></body></html>`);
    expect(html).toContain('<p>It computes z = w₁x₁ + b and</p>');
    expect(html).toContain('a/b');
    expect(html).not.toMatch(/annotation|class="katex"|w_1|katex-html/);
  });
});
