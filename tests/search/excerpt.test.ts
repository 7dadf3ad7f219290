// Unit tests for excerpt handling (src/search/excerpt.ts): only <mark> survives; everything else is text.
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseExcerpt, safeHref } from '../../src/search/excerpt.ts';

describe('parseExcerpt', () => {
  it('splits marked and plain runs and decodes entities', () => {
    expect(parseExcerpt('Tom &amp; <mark>Jerry</mark> &lt;b&gt; &#39;x&#x27;')).toEqual([
      { text: 'Tom & ', mark: false },
      { text: 'Jerry', mark: true },
      { text: " <b> 'x'", mark: false },
    ]);
  });
  it('keeps any other tag as literal text', () => {
    const runs = parseExcerpt('<img src=x onerror="alert(1)"><mark>hit</mark><script>alert(2)</script>');
    expect(runs).toEqual([
      { text: '<img src=x onerror="alert(1)">', mark: false },
      { text: 'hit', mark: true },
      { text: '<script>alert(2)</script>', mark: false },
    ]);
  });
  it('does not double-decode', () => {
    expect(parseExcerpt('&amp;lt;script&amp;gt;')).toEqual([{ text: '&lt;script&gt;', mark: false }]);
  });
  it('tolerates unbalanced and upper-case marks', () => {
    expect(parseExcerpt('a <MARK>b</MARK> c</mark> d')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' c d', mark: false },
    ]);
    expect(parseExcerpt('')).toEqual([]);
  });
});

describe('decodeEntities', () => {
  it('leaves unknown or invalid entities alone', () => {
    expect(decodeEntities('&bogus; &#0; &#x110000; &nbsp;')).toBe('&bogus; &#0; &#x110000; \u00a0');
  });
});

describe('safeHref', () => {
  it('accepts site paths and http(s) only', () => {
    expect(safeHref('/concepts/a/')).toBe('/concepts/a/');
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example/')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
  });
});
