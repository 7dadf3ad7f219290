// "Cite this term": the citation sentence and a BibTeX entry that TeX reads as written.
import { describe, expect, it } from 'vitest';
import { bibtexKey, bibtexText, citationBibtex, citationText } from '../../src/lib/site/cite.ts';

const input = {
  title: 'Model Weights',
  termId: 'AI-0052',
  siteTitle: 'Model Weights Glossary',
  url: 'https://glossary.example.org/concepts/model-weights/',
  lastUpdated: '2026-11-14',
};

describe('citation', () => {
  it('names the title, term id, site, URL and date in one sentence', () => {
    expect(citationText(input)).toBe(
      '“Model Weights” (term AI-0052). In Model Weights Glossary. https://glossary.example.org/concepts/model-weights/. Last updated 2026-11-14.',
    );
    expect(citationText({ ...input, termId: null, lastUpdated: null })).toBe(
      '“Model Weights”. In Model Weights Glossary. https://glossary.example.org/concepts/model-weights/.',
    );
  });

  it('as BibTeX: a @misc entry keyed by the term id, year from the last update', () => {
    expect(citationBibtex(input)).toBe(
      [
        '@misc{kb-ai-0052,',
        '  title = {{Model Weights}},',
        '  howpublished = {\\url{https://glossary.example.org/concepts/model-weights/}},',
        '  organization = {Model Weights Glossary},',
        '  year = {2026},',
        '  note = {Term AI-0052; last updated 2026-11-14}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes what TeX would read as commands, and keys titles without a term id', () => {
    expect(bibtexText('R&D 100% {x} $5 #1 a_b ^ ~ \\')).toBe('R\\&D 100\\% \\{x\\} \\$5 \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}');
    expect(bibtexKey({ termId: null, title: 'Élan & Co.' })).toBe('kb-elan-co');
    const entry = citationBibtex({ ...input, title: 'L1 & L2 {norms}', lastUpdated: 'recently' });
    expect(entry).toContain('title = {{L1 \\& L2 \\{norms\\}}}');
    expect(entry).not.toContain('year');
  });
});
