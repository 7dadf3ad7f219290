// Unit tests for the schema.org JSON-LD of concept pages and of the glossary (src/lib/site/json-ld.ts).
import { describe, expect, it } from 'vitest';
import { definedTerm, scriptSafeJson } from '../../src/lib/site/json-ld.ts';

describe('JSON-LD', () => {
  const input = {
    title: 'Weight',
    termId: 'FX-0002',
    summary: 'A weight.',
    definitionText: 'A weight multiplies an input.',
    aliases: ['Connection Strength'],
    url: 'https://x.org/concepts/weight/',
    siteUrl: 'https://x.org/',
    siteTitle: 'G',
  };
  it('describes a DefinedTerm in the site term set', () => {
    expect(definedTerm(input)).toMatchObject({
      '@type': 'DefinedTerm',
      name: 'Weight',
      termCode: 'FX-0002',
      description: 'A weight multiplies an input.',
      url: 'https://x.org/concepts/weight/',
      inDefinedTermSet: { url: 'https://x.org/' },
      alternateName: ['Connection Strength'],
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
