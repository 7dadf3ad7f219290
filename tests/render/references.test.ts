// References written as text become links: DOIs, arXiv ids, ISBNs (with a valid check digit) and
// URLs; never inside code, formulas or existing links, and without the sentence's own punctuation.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { renderMarkdown } from '../../src/lib/render/pipeline.ts';
import { validIsbn } from '../../src/lib/render/rehype-references.ts';
import { attr, elements } from '../helpers/html.ts';

const ctx = makeRenderContext(graphFromPages([], { publishAll: false, domains: defaultDomains }));
const links = (md: string) =>
  elements(renderMarkdown(md, 1, 'page.md', ctx).html)
    .filter((e) => e.tagName === 'a')
    .map((e) => [attr(e, 'href'), e.childNodes.map((n) => ('value' in n ? n.value : '')).join('')]);

describe('reference links', () => {
  it('links DOIs to doi.org, with or without the doi: prefix, leaving the full stop out', () => {
    expect(links('Rumelhart et al. (1986). Nature. doi:10.1038/323533a0.')).toEqual([['https://doi.org/10.1038/323533a0', 'doi:10.1038/323533a0']]);
    expect(links('See 10.1162/neco.1997.9.8.1735, and DOI: 10.1007/3-540-49430-8_2')).toEqual([
      ['https://doi.org/10.1162/neco.1997.9.8.1735', '10.1162/neco.1997.9.8.1735'],
      ['https://doi.org/10.1007/3-540-49430-8_2', 'DOI: 10.1007/3-540-49430-8_2'],
    ]);
    // Brackets that belong to the DOI stay; an unbalanced closing one is the sentence's.
    expect(links('(doi:10.1016/S0893-6080(98)00116-6)')).toEqual([['https://doi.org/10.1016/S0893-6080(98)00116-6', 'doi:10.1016/S0893-6080(98)00116-6']]);
  });

  it('links arXiv ids, new and old style, to arxiv.org', () => {
    expect(links('Vaswani et al. arXiv:1706.03762; also arXiv:1412.6980v9 and arXiv:hep-th/9901001.')).toEqual([
      ['https://arxiv.org/abs/1706.03762', 'arXiv:1706.03762'],
      ['https://arxiv.org/abs/1412.6980v9', 'arXiv:1412.6980v9'],
      ['https://arxiv.org/abs/hep-th/9901001', 'arXiv:hep-th/9901001'],
    ]);
  });

  it('links ISBNs whose check digit is valid, and only those', () => {
    expect(validIsbn('9780387848570')).toBe(true);
    expect(validIsbn('0262035618')).toBe(true);
    expect(validIsbn('9780387848571')).toBe(false);
    expect(links('ISBN 978-0-387-84857-0 and ISBN 978-0-387-84857-1.')).toEqual([['https://openlibrary.org/isbn/9780387848570', 'ISBN 978-0-387-84857-0']]);
  });

  it('links bare URLs and leaves written links, code and formulas alone', () => {
    expect(links('Docs: https://onnx.ai/docs/ (see also <https://example.org/x>).')).toEqual([
      ['https://onnx.ai/docs/', 'https://onnx.ai/docs/'],
      ['https://example.org/x', 'https://example.org/x'],
    ]);
    expect(links('[the paper](https://arxiv.org/abs/1706.03762) and `arXiv:1706.03762` and $10.1234/5678$')).toEqual([
      ['https://arxiv.org/abs/1706.03762', 'the paper'],
    ]);
    expect(links('A ratio of 10.5/20 and version 10.12/beta are no DOIs.')).toEqual([]);
  });
});
