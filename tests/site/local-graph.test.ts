// The local graph's labels break between words and never cut one; the drawing holds every node.
import { describe, expect, it } from 'vitest';
import { labelLines, localGraphSvg } from '../../src/lib/site/local-graph.ts';
import type { ConceptRef } from '../../src/lib/site/types.ts';

const ref = (title: string): ConceptRef => ({ slug: title.toLowerCase().replace(/\W+/g, '-'), title, termId: null });

describe('local graph labels', () => {
  it('fit short titles on one line and break long ones between words', () => {
    expect(labelLines('Bias', 20)).toEqual(['Bias']);
    expect(labelLines('Parameter-Efficient Fine-Tuning', 20)).toEqual(['Parameter-Efficient', 'Fine-Tuning']);
  });

  it('drop whole words, with an ellipsis, when two lines are not enough', () => {
    const lines = labelLines('The Lottery Ticket Hypothesis of Sparse Trainable Subnetworks', 16);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    const words = new Set('The Lottery Ticket Hypothesis of Sparse Trainable Subnetworks'.split(' '));
    for (const w of lines.join(' ').replace('…', '').split(' ')) expect(words.has(w)).toBe(true);
  });

  it('keep a single long word whole', () => {
    expect(labelLines('Supercalifragilisticexpialidocious', 10)).toEqual(['Supercalifragilisticexpialidocious']);
  });

  it('draw every label inside the picture', () => {
    const svg = localGraphSvg(
      { title: 'Parameter-Efficient Fine-Tuning' },
      [ref('Fine-Tuning')],
      ['Low-Rank Adaptation Of Large Language Models', 'QLoRA', 'Adapter', 'Prefix Tuning', 'Prompt Tuning'].map(ref),
      ['Model Weights', 'Knowledge Distillation', 'Mixed-Precision Training'].map(ref),
      (s) => `/concepts/${s}/`,
    );
    const height = Number(/viewBox="0 0 640 (\d+)"/.exec(svg)?.[1]);
    for (const m of svg.matchAll(/<rect x="[-\d.]+" y="([-\d.]+)" width="[\d.]+" height="([\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(height);
    }
    // Each label is the title's first words, whole.
    for (const m of svg.matchAll(/<title>([^<]+)<\/title><rect[^>]*\/>(<text[^>]*>.*?<\/text>)/g)) {
      const label = m[2]
        .replace(/<[^>]+>/g, ' ')
        .replace('…', '')
        .split(/\s+/)
        .filter(Boolean);
      expect(m[1].split(' ').slice(0, label.length)).toEqual(label);
    }
  });
});
