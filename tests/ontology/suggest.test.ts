// Specification of "did you mean …?" (src/lib/ontology/suggest.ts and its use in graph.ts): a link or
// parent that resolves to no page names the closest published titles and alternative terms, at most
// three, best first; never a withheld page, never the page itself, never a guide as a parent; and the
// trigram index finds exactly what comparing every name would.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/lib/rng.ts';
import { defaultDomains } from '../../src/config.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { linkKey } from '../../src/lib/ontology/resolve.ts';
import { didYouMean, type SuggestionSource, TitleSuggester } from '../../src/lib/ontology/suggest.ts';
import { allowedEdits, editDistance } from '../../src/search/suggest.ts';

const source = (title: string, names: string[] = [], kind: SuggestionSource['kind'] = 'concept'): SuggestionSource => ({ title, names, kind });

describe('TitleSuggester', () => {
  const suggester = new TitleSuggester([
    source('Model Weights', ['Model Weights', 'Weights']),
    source('Model Parameters'),
    source('Weight Decay', ['L2 Penalty']),
    source('Weight Tying', ['Tied Weights']),
    source('Weight Averaging'),
    source('Writing Guide', [], 'guide'),
  ]);

  it('suggests the closest titles for typos, swapped letters and CamelCase', () => {
    expect(suggester.suggest('Modle Weights')).toEqual([{ name: 'Model Weights', title: 'Model Weights' }]);
    expect(suggester.suggest('Wieght Decay').map((s) => s.name)).toEqual(['Weight Decay']);
    expect(suggester.suggest('ModelParameter').map((s) => s.name)).toEqual(['Model Parameters']);
  });

  it('suggests by alternative term, naming the page it belongs to', () => {
    expect(suggester.suggest('Tied Wieghts')).toEqual([{ name: 'Tied Weights', title: 'Weight Tying' }]);
    expect(suggester.suggest('L2 Penalties')).toEqual([{ name: 'L2 Penalty', title: 'Weight Decay' }]);
  });

  it('orders several candidates by distance and gives at most three', () => {
    const many = new TitleSuggester(['Weight A', 'Weight B', 'Weight C', 'Weight D', 'Weight E', 'Weights AB'].map((t) => source(t)));
    const got = many.suggest('Weight X').map((s) => s.name);
    expect(got).toEqual(['Weight A', 'Weight B', 'Weight C']);
    expect(many.suggest('Weight X', { limit: 9 }).map((s) => s.name)).toEqual(['Weight A', 'Weight B', 'Weight C', 'Weight D', 'Weight E']);
    expect(many.suggest('Weights A', { limit: 9 }).map((s) => s.name)).toEqual(['Weight A', 'Weights AB', 'Weight B', 'Weight C', 'Weight D', 'Weight E']);
  });

  it('suggests nothing when no name is near, or the text is too short to say', () => {
    expect(suggester.suggest('Quantum Chromodynamics')).toEqual([]);
    expect(suggester.suggest('xy')).toEqual([]);
    expect(suggester.suggest('!!!')).toEqual([]);
  });

  it('filters by kind and leaves out an excluded page', () => {
    expect(suggester.suggest('Writing Guid').map((s) => s.name)).toEqual(['Writing Guide']);
    expect(suggester.suggest('Writing Guid', { kinds: ['concept'] })).toEqual([]);
    expect(suggester.suggest('Modle Weights', { exclude: 0 })).toEqual([]);
  });

  it('finds exactly what comparing every name finds (random names and typos)', () => {
    const random = new Rng(14);
    const rng = () => random.float();
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = () => Array.from({ length: 3 + Math.floor(rng() * 8) }, () => letters[Math.floor(rng() * 26)]).join('');
    const titles = Array.from({ length: 400 }, () => `${word()} ${word()}`);
    const sources = titles.map((t) => source(t));
    const index = new TitleSuggester(sources);
    const typo = (t: string) => {
      const chars = [...t];
      const at = Math.floor(rng() * chars.length);
      const kind = Math.floor(rng() * 3);
      if (kind === 0) chars.splice(at, 1);
      else if (kind === 1) chars.splice(at, 0, letters[Math.floor(rng() * 26)]);
      else chars[at] = letters[Math.floor(rng() * 26)];
      return chars.join('');
    };
    for (let k = 0; k < 300; k++) {
      const query = k % 3 === 0 ? word() : typo(typo(titles[Math.floor(rng() * titles.length)]));
      const q = linkKey(query);
      const max = allowedEdits(q.length);
      const expected = titles
        .map((t) => ({ t, d: editDistance(q, linkKey(t), max) }))
        .filter((x) => q.length >= 3 && x.d <= max)
        .sort((a, b) => a.d - b.d || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
        .slice(0, 3)
        .map((x) => x.t);
      expect(
        index.suggest(query).map((s) => s.name),
        query,
      ).toEqual(expected);
    }
  });
});

describe('didYouMean', () => {
  it('reads as a sentence', () => {
    expect(didYouMean([])).toBe('');
    expect(didYouMean([{ name: 'A', title: 'A' }])).toBe('; did you mean "A"?');
    expect(
      didYouMean([
        { name: 'A', title: 'A' },
        { name: 'B', title: 'Bee' },
        { name: 'C', title: 'C' },
      ]),
    ).toBe('; did you mean "A", "B" (Bee) or "C"?');
  });
});

describe('suggestions on broken links and missing parents', () => {
  const concept = (termId: string, title: string, extra = '', isPublic = true) =>
    `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: ${isPublic}\n\t- definition:: ${title} is a test concept.\n${extra}`;
  const graphOf = (files: Record<string, string>) =>
    graphFromPages(
      Object.entries(files).map(([f, t]) => readPage(t, f)),
      { publishAll: false, domains: defaultDomains },
    );

  it('names the closest published titles in the message and in `suggestions`', () => {
    const b = graphOf({
      'Model Weights.md': concept('AI-0001', 'Model Weights', '\t- alt-terms:: Weights\n'),
      'Weight Decay.md': concept('AI-0002', 'Weight Decay'),
      'Secret Weighting.md': concept('AI-0003', 'Secret Weighting', '', false),
      'Page.md': concept('AI-0004', 'Page', '\t- is-subclass-of:: [[Modle Weights]]\n- See [[Wieght Decay]] and [[Secret Weightin]].\n'),
    });
    const parent = b.diagnostics.find((d) => d.code === 'missing-parent');
    expect(parent).toMatchObject({ file: 'Page.md', target: 'Modle Weights', suggestions: ['Model Weights'] });
    expect(parent?.message).toBe('parent "Modle Weights" (is-subclass-of) resolves to no page; did you mean "Model Weights"?');
    const broken = b.diagnostics.filter((d) => d.code === 'broken-link');
    expect(broken.map((d) => [d.target, d.suggestions])).toEqual([
      ['Wieght Decay', ['Weight Decay']],
      // A withheld page is never suggested.
      ['Secret Weightin', undefined],
    ]);
    expect(JSON.stringify(b.diagnostics)).not.toContain('Secret Weighting"');
  });

  it('never suggests the page itself as its own parent', () => {
    const b = graphOf({ 'Weights.md': concept('AI-0001', 'Weights', '\t- is-subclass-of:: [[Weight]]\n') });
    expect(b.diagnostics.find((d) => d.code === 'missing-parent')).toMatchObject({ target: 'Weight' });
    expect(b.diagnostics.find((d) => d.code === 'missing-parent')?.suggestions).toBeUndefined();
  });
});
