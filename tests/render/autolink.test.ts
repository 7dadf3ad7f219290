// Specification of automatic term links: the term trie (which words match which term) and the rehype
// plugin in the real renderer (first mention only, never in headings, code, math, links or demos,
// never to the page itself, off by page property, ambiguous terms reported and left as text).
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { renderBlocks, renderInline } from '../../src/lib/render/pipeline.ts';
import { isAcronym, isLinkableTerm, type TermEntry, TermMatcher, wordsOf } from '../../src/lib/render/term-matcher.ts';
import { attr, elements } from '../helpers/html.ts';

const entry = (term: string, slug: string | null, caseSensitive = isAcronym(term)): TermEntry => ({
  term,
  words: wordsOf(term).map((w) => w.lower),
  caseSensitive,
  target: slug ? { slug, href: `/concepts/${slug}/` } : null,
  candidates: slug ? [] : ['A', 'B'],
});

const found = (m: TermMatcher, text: string) => m.matches(text).map((x) => [text.slice(x.start, x.end), x.entry.target?.slug ?? null]);

describe('term matcher', () => {
  const matcher = new TermMatcher([
    entry('Weight', 'weight'),
    entry('Weight Decay', 'weight-decay'),
    entry('Decay Rate Schedule', 'schedule'),
    entry('AI', 'ai'),
    entry('Learning Rate', 'learning-rate'),
    entry('Open-Weight Model', 'open-weight-model'),
    entry('Shared', null),
  ]);

  it('finds whole words only, ignoring case, and takes the longest term at each place', () => {
    expect(found(matcher, 'Weight decay shrinks every weight; weighty words and reweight do not count.')).toEqual([
      ['Weight decay', 'weight-decay'],
      ['weight', 'weight'],
    ]);
  });

  it('matches leftmost first: an earlier, shorter term wins over a later overlapping one', () => {
    expect(found(matcher, 'weight decay rate schedule')).toEqual([['weight decay', 'weight-decay']]);
  });

  it('lets words of a term be separated by spaces, hyphens or a line break, but not by punctuation', () => {
    expect(found(matcher, 'the learning-rate and the learning\nrate')).toEqual([
      ['learning-rate', 'learning-rate'],
      ['learning\nrate', 'learning-rate'],
    ]);
    expect(found(matcher, 'open weight model')).toEqual([['open weight model', 'open-weight-model']]);
    expect(found(matcher, 'no learning. Rate here, nor learning, rate')).toEqual([]);
  });

  it('matches acronyms only as written', () => {
    expect(found(matcher, 'AI is here; ai and Ai are not')).toEqual([['AI', 'ai']]);
  });

  it('reports terms that name several concepts with no target', () => {
    expect(found(matcher, 'a shared term')).toEqual([['shared', null]]);
  });

  it('lists every term whose words occur in a source, whatever separates them (for cache keys)', () => {
    const terms = [...matcher.occurring('**Weight** _decay_ and [[learning]] `rate`, ai')].map((e) => e.term).sort();
    expect(terms).toEqual(['AI', 'Learning Rate', 'Weight', 'Weight Decay']);
  });

  it('links only terms long enough not to match ordinary words by accident', () => {
    expect(isLinkableTerm('SGD')).toBe(true);
    expect(isLinkableTerm('AI')).toBe(true);
    expect(isLinkableTerm('ai')).toBe(false);
    expect(isLinkableTerm('C++')).toBe(false);
    expect(isLinkableTerm('2024')).toBe(false);
    expect(isLinkableTerm('L1')).toBe(false);
    expect(isLinkableTerm('L1 Penalty')).toBe(true);
  });
});

const concept = (id: number, title: string, extra = '', body = '') =>
  `- ### OntologyBlock\n\t- term-id:: AI-${String(id).padStart(4, '0')}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n${extra}\t- definition:: ${title} is a test concept.\n${body}`;

const PAGES: Record<string, string> = {
  'weight.md': concept(1, 'Weight', '\t- alt-terms:: Connection Strength\n'),
  'weight-decay.md': concept(2, 'Weight Decay'),
  'bias.md': concept(3, 'Bias'),
  'secret.md': '- ### OntologyBlock\n\t- term-id:: AI-0004\n\t- preferred-term:: Hidden Trick\n\t- public-access:: false\n',
  'kernel-a.md': concept(5, 'Kernel Matrix', '\t- alt-terms:: Kernel\n'),
  'kernel-b.md': concept(6, 'Convolution Kernel', '\t- alt-terms:: Kernel\n'),
  'sgd.md': concept(7, 'Stochastic Gradient Descent', '\t- alt-terms:: SGD\n'),
};

function renderPage(body: string, extra = '') {
  const source = concept(100, 'Gradient Step', extra, body);
  const pages = [...Object.entries(PAGES).map(([f, t]) => readPage(t, f)), readPage(source, 'page.md')];
  const build = graphFromPages(pages, { publishAll: false, domains: defaultDomains });
  const ctx = makeRenderContext(build, { autolink: true });
  const record = build.records.find((r) => r.page.file === 'page.md');
  if (!record) throw new Error('fixture missing');
  const r = renderBlocks(record.body, 'page.md', ctx, 'Gradient Step');
  const links = elements(r.html).filter((e) => e.tagName === 'a' && (attr(e, 'class') ?? '').includes('autolink'));
  return { ...r, links, ctx, build };
}

const text = (e: ReturnType<typeof elements>[number]): string => e.childNodes.map((c) => ('value' in c ? c.value : 'tagName' in c ? text(c) : '')).join('');

describe('automatic term links', () => {
  it('links the first mention of a term with the wikilink markup (so the hover preview works)', () => {
    const r = renderPage('- A weight and another weight.\n- The weight again, and weight decay.\n');
    expect(r.links.map((a) => [text(a), attr(a, 'href'), attr(a, 'data-preview'), attr(a, 'class')])).toEqual([
      ['weight', '/concepts/weight/', 'weight', 'wikilink autolink'],
      ['weight decay', '/concepts/weight-decay/', 'weight-decay', 'wikilink autolink'],
    ]);
    expect(r.autolinks).toBe(2);
    expect(r.links.every((a) => attr(a, 'title') === undefined)).toBe(true);
  });

  it('counts an alternative term as a mention of its concept', () => {
    const r = renderPage('- The connection strength is a weight.\n');
    expect(r.links.map((a) => [text(a), attr(a, 'href')])).toEqual([['connection strength', '/concepts/weight/']]);
  });

  it('never links inside headings, code, math, existing links or demos', () => {
    const r = renderPage(
      '## Weight\n- `weight` in code and $weight$ in math\n- ```\n  bias = weight\n  ```\n- [weight decay](https://example.org) and [[Bias]]\n- {{demo neuron}}\n- Here the bias is not linked again, but the weight is.\n',
    );
    expect(r.links.map((a) => [text(a), attr(a, 'href')])).toEqual([['weight', '/concepts/weight/']]);
    const heading = elements(r.html).find((e) => e.tagName === 'h2');
    expect(heading && elements(r.html).some((e) => e.tagName === 'a' && e.parentNode === heading)).toBe(false);
    // The explicit [[Bias]] link counts as the page's link to Bias: no second, automatic one.
    expect(elements(r.html).filter((e) => e.tagName === 'a' && attr(e, 'href') === '/concepts/bias/')).toHaveLength(1);
  });

  it('does not link again a concept the definition above the body links', () => {
    const source = concept(100, 'Gradient Step', '', '- The weight and the bias.\n').replace('is a test concept.', 'changes each [[Weight]].');
    const pages = [...Object.entries(PAGES).map(([f, t]) => readPage(t, f)), readPage(source, 'page.md')];
    const build = graphFromPages(pages, { publishAll: false, domains: defaultDomains });
    const record = build.records.find((r) => r.page.file === 'page.md');
    const r = renderBlocks(record?.body ?? [], 'page.md', makeRenderContext(build, { autolink: true }), 'Gradient Step');
    expect(
      elements(r.html)
        .filter((e) => e.tagName === 'a')
        .map((a) => attr(a, 'href')),
    ).toEqual(['/concepts/bias/']);
  });

  it('never links a page to itself', () => {
    const r = renderPage('- A gradient step moves the weight.\n');
    expect(r.links.map((a) => attr(a, 'href'))).toEqual(['/concepts/weight/']);
  });

  it('never links a withheld concept, and matches acronyms as written', () => {
    const r = renderPage('- A hidden trick; sgd is not SGD.\n');
    expect(r.links.map((a) => [text(a), attr(a, 'href')])).toEqual([['SGD', '/concepts/stochastic-gradient-descent/']]);
    expect(r.html).toContain('A hidden trick');
  });

  it('is off for a page that says autolink:: false', () => {
    const r = renderPage('- A weight and a bias.\n', '\t- autolink:: false\n');
    expect(r.links).toEqual([]);
    expect(r.autolinks).toBe(0);
  });

  it('leaves a term of several concepts unlinked and reports it once per page, on its line', () => {
    const r = renderPage('- Some text.\n- A kernel here and a kernel there.\n');
    expect(r.links).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.target])).toEqual([['ambiguous-term', 'warning', 7, 'kernel']]);
    expect(r.diagnostics[0].message).toContain('Convolution Kernel, Kernel Matrix');
  });

  it('does not link definitions, only page bodies', () => {
    const { ctx } = renderPage('');
    const d = renderInline('A weight of a bias.', 1, 'page.md', ctx);
    expect(d.autolinks).toBe(0);
    expect(elements(d.html).filter((e) => e.tagName === 'a')).toEqual([]);
  });

  it('is off unless the render context asks for it', () => {
    const pages = [...Object.entries(PAGES).map(([f, t]) => readPage(t, f)), readPage(concept(100, 'Gradient Step', '', '- A weight.\n'), 'page.md')];
    const build = graphFromPages(pages, { publishAll: false, domains: defaultDomains });
    const record = build.records.find((r) => r.page.file === 'page.md');
    const r = renderBlocks(record?.body ?? [], 'page.md', makeRenderContext(build), 'Gradient Step');
    expect(r.autolinks).toBe(0);
  });
});
