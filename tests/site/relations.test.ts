// How relations read on a concept page: readable labels in both directions, one section per label
// whichever page wrote the link, each concept once per section.
import { describe, expect, it } from 'vitest';
import { relationLabel, relationSections } from '../../src/lib/site/relations.ts';
import type { ConceptRef, RelationView } from '../../src/lib/site/types.ts';

const ref = (title: string): ConceptRef => ({ slug: title.toLowerCase().replace(/\s+/g, '-'), title, termId: null });
const view = (key: string, incoming: boolean, titles: string[], unresolved: string[] = []): RelationView => ({
  key,
  label: relationLabel(key, incoming),
  targets: titles.map(ref),
  unresolved,
});

describe('relation labels', () => {
  it('read naturally in both directions', () => {
    expect([relationLabel('has-part'), relationLabel('has-part', true)]).toEqual(['Has part', 'Part of']);
    expect([relationLabel('requires'), relationLabel('requires', true)]).toEqual(['Requires', 'Required by']);
    expect([relationLabel('depends-on'), relationLabel('depends-on', true)]).toEqual(['Depends on', 'Dependency of']);
    expect([relationLabel('enables'), relationLabel('enables', true)]).toEqual(['Enables', 'Enabled by']);
  });

  it('read the same both ways for symmetric relations, SKOS spelling included', () => {
    expect(
      new Set([relationLabel('related-to'), relationLabel('related-to', true), relationLabel('skos:related'), relationLabel('skos:related', true)]),
    ).toEqual(new Set(['Related to']));
  });

  it('turn unknown keys into words, and say which end the page is on', () => {
    expect(relationLabel('trained-with')).toBe('Trained with');
    expect(relationLabel('trained-with', true)).toBe('Trained with this term');
    expect(relationLabel('ex:usedFor')).toBe('Used for');
    for (const key of ['has-part', 'requires', 'depends-on', 'related-to', 'bridges-to', 'trained-with']) {
      expect(relationLabel(key, true)).not.toMatch(/Related from|Depended on by|inverse/);
    }
  });
});

describe('relation sections', () => {
  it('merge a relation written here with its inverse written elsewhere under one heading', () => {
    const sections = relationSections(
      [view('is-part-of', false, ['Network']), view('related-to', false, ['Bias', 'Gradient'])],
      [view('has-part', true, ['Layer', 'Network']), view('related-to', true, ['Gradient', 'Activation'])],
    );
    expect(sections.map((s) => s.label)).toEqual(['Part of', 'Related to']);
    expect(sections[0].concepts.map((c) => c.title)).toEqual(['Layer', 'Network']);
    expect(sections[1].concepts.map((c) => c.title)).toEqual(['Activation', 'Bias', 'Gradient']);
  });

  it('keep unresolved names, once', () => {
    const [s] = relationSections([view('requires', false, ['Data'], ['Ghost']), view('requires', false, [], ['Ghost'])], []);
    expect(s.unresolved).toEqual(['Ghost']);
  });
});
