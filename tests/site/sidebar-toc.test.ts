// A concept page's navigation: its branch of the taxonomy (small: one path, a capped number of terms
// per level) and its table of contents (body headings and the page's own sections, ids the body
// never takes).
import { describe, expect, it } from 'vitest';
import type { ConceptGraph } from '../../src/lib/ontology/graph.ts';
import { PAGE_IDS } from '../../src/lib/render/pipeline.ts';
import { BRANCH_WIDTH, branchOf, sidebarOf } from '../../src/lib/site/sidebar.ts';
import { SECTION_IDS, tocOf } from '../../src/lib/site/toc.ts';
import type { SidebarNode } from '../../src/lib/site/types.ts';

function graphOf(edges: [child: string, parent: string][]): ConceptGraph {
  const parents: Record<string, string[]> = {};
  const children: Record<string, string[]> = {};
  for (const [c, p] of edges) {
    (parents[c] ??= []).push(p);
    (children[p] ??= []).push(c);
    parents[p] ??= [];
    children[c] ??= [];
  }
  return {
    nodes: [],
    parents,
    children,
    relations: {},
    incoming: {},
    backlinks: {},
    roots: [],
    domains: [{ key: 'ai', name: 'AI', count: 40 }],
    tags: {},
    tagSlugs: {},
  };
}
const title = (s: string) => s.toUpperCase();
const slugs = (n: SidebarNode | undefined): string[] => n?.children?.map((c) => c.slug) ?? [];

describe('sidebar branch', () => {
  const g = graphOf([
    ['b', 'a'],
    ['c', 'a'],
    ['d', 'b'],
    ['e', 'b'],
    ['f', 'd'],
    ...Array.from({ length: 20 }, (_, k): [string, string] => [`s${String(k).padStart(2, '0')}`, 'b']),
  ]);

  it('runs from the root down to the concept, expanding only the path, and lists the concept’s narrower terms', () => {
    const branch = branchOf(g, 'd', title);
    expect(branch.slug).toBe('a');
    expect(slugs(branch)).toEqual(['b', 'c']);
    const b = branch.children?.find((c) => c.slug === 'b');
    expect(branch.children?.find((c) => c.slug === 'c')?.children).toBeUndefined();
    const d = b?.children?.find((c) => c.slug === 'd');
    expect(slugs(d)).toEqual(['f']);
  });

  it('lists at most BRANCH_WIDTH terms per level, always the one on the path, and counts the rest', () => {
    const b = branchOf(g, 'e', title).children?.find((c) => c.slug === 'b');
    expect(b?.children).toHaveLength(BRANCH_WIDTH);
    expect(slugs(b)).toContain('e');
    expect(b?.more).toBe(22 - BRANCH_WIDTH);
  });

  it('names the domain with its size; a root concept is its own branch', () => {
    const s = sidebarOf(g, 'a', 'ai', title);
    expect(s.domain).toEqual({ key: 'ai', name: 'AI', count: 40 });
    expect(s.branch.slug).toBe('a');
    expect(sidebarOf(g, 'a', null, title).domain).toBeNull();
  });
});

describe('table of contents', () => {
  const data = { parents: [{ slug: 'p', title: 'P', termId: null }], children: [], relations: [], incoming: [], backlinks: [] };

  it('lists body headings of levels 2 and 3 between the overview and the page’s own sections', () => {
    const toc = tocOf(
      data,
      [
        { depth: 2, slug: 'why', text: 'Why' },
        { depth: 3, slug: 'detail', text: 'Detail' },
        { depth: 4, slug: 'deep', text: 'Deep' },
      ],
      false,
    );
    expect(toc.map((e) => [e.slug, e.depth])).toEqual([
      ['overview', 2],
      ['why', 2],
      ['detail', 3],
      ['broader', 2],
      ['details', 2],
      ['cite', 2],
    ]);
  });

  it('uses section ids that body headings never take', () => {
    for (const id of Object.values(SECTION_IDS)) expect(PAGE_IDS).toContain(id);
  });
});
