// The Atom feed of recently updated terms: required elements, escaped text, no build timestamps (the
// feed's `updated` is its newest entry's date, so the same content gives the same bytes).
import { describe, expect, it } from 'vitest';
import { atomXml } from '../../src/lib/export/atom.ts';
import { shellOf } from '../../src/lib/site/pages.ts';

const site = shellOf({ title: 'Weights & Biases <Glossary>', description: 'Terms.', siteUrl: 'https://example.org' }, [], 10);
const feed = {
  entries: [
    { slug: 'model-weights', title: 'Model Weights', termId: 'AI-0052', summary: 'Weights with |w| < 0.5 & more.', updated: '2026-11-14' },
    { slug: 'bias', title: 'Bias', termId: null, summary: '', updated: '2026-10-01' },
  ],
};

describe('Atom feed', () => {
  const xml = atomXml(site, feed);

  it('has the feed elements Atom requires, and a self link', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain('<id>https://example.org/</id>');
    expect(xml).toContain('<updated>2026-11-14T00:00:00Z</updated>');
    expect(xml).toContain('<author><name>Weights &amp; Biases &lt;Glossary&gt;</name></author>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://example.org/feed.xml"/>');
  });

  it('has one entry per term with id, title, link, date and (when there is one) summary, escaped', () => {
    const entries = xml.match(/<entry>.*?<\/entry>/g) ?? [];
    expect(entries).toHaveLength(2);
    expect(entries[0]).toBe(
      '<entry><title>Model Weights (AI-0052)</title><link rel="alternate" type="text/html" href="https://example.org/concepts/model-weights/"/>' +
        '<id>https://example.org/concepts/model-weights/</id><updated>2026-11-14T00:00:00Z</updated>' +
        '<summary type="text">Weights with |w| &lt; 0.5 &amp; more.</summary></entry>',
    );
    expect(entries[1]).not.toContain('<summary');
  });

  it('is the same for the same data, and valid without entries', () => {
    expect(atomXml(site, feed)).toBe(xml);
    const empty = atomXml(site, { entries: [] });
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(empty).not.toContain('<entry>');
  });

  it('drops characters XML cannot carry', () => {
    const odd = atomXml(site, { entries: [{ ...feed.entries[0], title: 'Bad\u0001Title\uFFFE' }] });
    expect(odd).toContain('<title>BadTitle (AI-0052)</title>');
  });
});
