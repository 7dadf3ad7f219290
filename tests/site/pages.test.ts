// Route data of pages other than concept pages: the home page's numbers, the tags index, the feed.
import { describe, expect, it } from 'vitest';
import { FEED_PATH, homeStats, shellOf } from '../../src/lib/site/pages.ts';

describe('home page numbers', () => {
  it('leave out counts that are zero and use the singular for one', () => {
    const guide = { file: 'g.mdx', slug: 'g', title: 'G', description: null };
    expect(homeStats({ termCount: 12, domains: [{ key: 'ai', name: 'AI', count: 12 }], tagCount: 0, guides: [guide] })).toEqual([
      { count: 12, label: 'terms' },
      { count: 1, label: 'domain' },
      { count: 1, label: 'guide' },
    ]);
    expect(homeStats({ termCount: 0, domains: [], tagCount: 0, guides: [] })).toEqual([]);
  });
});

describe('shell', () => {
  it('names the Atom feed every page links to', () => {
    const shell = shellOf({ title: 'Glossary', description: 'd', siteUrl: 'https://example.org' }, [], 10);
    expect(shell.feed).toEqual({ href: FEED_PATH, title: 'Glossary: recently updated terms' });
  });
});
