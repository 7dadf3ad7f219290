// Unit tests for guide publication and slugs (helpers/guides.ts) and the concept JSON-LD (helpers/json-ld.ts).
import { describe, expect, it } from 'vitest';
import { guideSlug, isPublishedGuide } from '../../src/components/helpers/guides.ts';
import { definedTerm, scriptSafeJson } from '../../src/components/helpers/json-ld.ts';

describe('isPublishedGuide', () => {
  it('publishes only guides marked public', () => {
    expect(isPublishedGuide({ title: 'G', public: true })).toBe(true);
    expect(isPublishedGuide({ title: 'G', 'public-access': true })).toBe(true);
    expect(isPublishedGuide({ title: 'G' })).toBe(false);
    expect(isPublishedGuide({ title: 'G', public: true, 'public-access': false })).toBe(false);
  });
});

describe('guideSlug', () => {
  it("uses the pipeline's slug for the same title, else the slugified title", () => {
    expect(guideSlug({ title: 'How it works' }, 'x.mdx', [{ slug: 'how-it-works-2', title: 'How it works' }])).toBe('how-it-works-2');
    expect(guideSlug({ title: 'First Steps!' }, 'first.mdx')).toBe('first-steps');
    expect(guideSlug({ title: '***' }, 'guides/intro')).toBe('guides-intro');
  });
});

describe('JSON-LD', () => {
  const input = {
    title: 'Weight', termId: 'FX-0002', summary: 'A weight.', definitionText: 'A weight multiplies an input.',
    aliases: ['Connection Strength'], url: 'https://x.org/concepts/weight/', siteUrl: 'https://x.org/', siteTitle: 'G',
  };
  it('describes a DefinedTerm in the site term set', () => {
    expect(definedTerm(input)).toMatchObject({
      '@type': 'DefinedTerm', name: 'Weight', termCode: 'FX-0002', description: 'A weight multiplies an input.',
      url: 'https://x.org/concepts/weight/', inDefinedTermSet: { url: 'https://x.org/' }, alternateName: ['Connection Strength'],
    });
  });
  it('omits absent term code and alternate names', () => {
    const term = definedTerm({ ...input, termId: null, aliases: [] });
    expect(term).not.toHaveProperty('termCode');
    expect(term).not.toHaveProperty('alternateName');
  });
  it('cannot close the script element and round-trips', () => {
    const value = { name: '</script><script>alert(1)</script> & \u2028' };
    const json = scriptSafeJson(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
