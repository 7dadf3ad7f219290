// Long lists on large glossaries (src/lib/site/pages.ts, src/lib/export/sitemap.ts): a domain, a tag
// or an A–Z letter with more entries than a page holds is cut into pages, each a route of its own
// with links to every page; a large A–Z index lists only its letters; a sitemap with more URLs than
// the protocol allows in one file becomes an index of parts.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { sitemapFiles } from '../../src/lib/export/sitemap.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { pages, routeData } from '../../src/lib/site/pages.ts';
import { GraphView } from '../../src/lib/site/view.ts';

const page = (k: number) =>
  readPage(
    `- ### OntologyBlock\n\t- term-id:: AI-${String(k).padStart(4, '0')}\n\t- preferred-term:: ${k % 2 ? 'Alpha' : 'Beta'} Term ${k}\n\t- source-domain:: ai\n\t- public-access:: true\n- Tagged #long\n`,
    `p${k}.md`,
  );
const build = graphFromPages(
  Array.from({ length: 25 }, (_, k) => page(k)),
  { publishAll: false, domains: defaultDomains },
);
const view = new GraphView(build.graph, { domains: defaultDomains }, new Map());

describe('long lists', () => {
  it('cut a list into pages with every page linked', () => {
    expect(pages([1, 2, 3], '/x/', 5)).toEqual([{ items: [1, 2, 3], page: null }]);
    const cut = pages([1, 2, 3, 4, 5], '/x/', 2);
    expect(cut.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(cut[1].page).toEqual({ number: 2, count: 3, hrefs: ['/x/', '/x/2/', '/x/3/'] });
  });

  it('give a long domain, tag and A–Z letter pages of their own', () => {
    const data = routeData(build.graph, view, [], null, { listPage: 10, azSplit: 20, taxonomyShallow: 5 });
    expect(data.domains.map(([id, d]) => [id, d.concepts.length, d.total])).toEqual([
      ['domain/ai', 10, 25],
      ['domain/ai/2', 10, 25],
      ['domain/ai/3', 5, 25],
    ]);
    expect(data.tags.map(([id]) => id)).toEqual(['tag/long', 'tag/long/2', 'tag/long/3']);
    expect(data.az.groups).toEqual([]);
    expect(data.az.letters?.map((l) => [l.letter, l.count, l.href])).toEqual([
      ['A', 12, '/a-z/a/'],
      ['B', 13, '/a-z/b/'],
    ]);
    expect(data.azPages.map(([id, d]) => [id, d.groups[0].items.length])).toEqual([
      ['a-z/a', 10],
      ['a-z/a/2', 2],
      ['a-z/b', 10],
      ['a-z/b/2', 3],
    ]);
    // Small glossaries keep one page each.
    const small = routeData(build.graph, view, [], null);
    expect(small.domains.map(([id]) => id)).toEqual(['domain/ai']);
    expect(small.az.letters).toBeNull();
    expect(small.azPages).toEqual([]);
  });

  it('split a sitemap of too many URLs into an index of parts', () => {
    const urls = Array.from({ length: 5 }, (_, k) => ({ path: `/p${k}/` }));
    expect(sitemapFiles('https://x.org', urls, 10).parts).toEqual([]);
    const split = sitemapFiles('https://x.org', urls, 2);
    expect(split.parts).toHaveLength(3);
    expect(split.main).toContain('<sitemapindex');
    expect(split.main).toContain('<loc>https://x.org/sitemaps/3.xml</loc>');
    expect(split.parts[2]).toContain('<loc>https://x.org/p4/</loc>');
  });
});
