// Unit tests for the taxonomy tree (src/components/helpers/taxonomy.ts): lattices, cycles, depth cap.
import { describe, expect, it } from 'vitest';
import { buildTaxonomy, descendantCounts, type TaxonomyConcept, type TaxonomyNode } from '../../src/lib/site/taxonomy.ts';

function graph(edges: Record<string, string[]>): Map<string, TaxonomyConcept> {
  const slugs = new Set([...Object.keys(edges), ...Object.values(edges).flat()]);
  return new Map([...slugs].map((slug) => [slug, { slug, title: slug.toUpperCase(), termId: null, children: edges[slug] ?? [] }]));
}

function flatten(nodes: TaxonomyNode[]): TaxonomyNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

describe('descendantCounts', () => {
  it('counts distinct descendants in a lattice once each', () => {
    // a → b, c; b → d; c → d; d → e
    const counts = descendantCounts(graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e'] }));
    expect(counts.get('a')).toBe(4);
    expect(counts.get('b')).toBe(2);
    expect(counts.get('e')).toBe(0);
  });
  it('terminates on cycles', () => {
    const counts = descendantCounts(graph({ a: ['b'], b: ['c'], c: ['a'] }));
    expect(counts.get('a')).toBe(2);
  });
});

describe('buildTaxonomy', () => {
  it('lists a concept with two parents under both, expanding its subtree once', () => {
    const tree = buildTaxonomy(['a'], graph({ a: ['b', 'c'], b: ['d'], c: ['d'], d: ['e'] }));
    const ds = flatten(tree).filter((n) => n.slug === 'd');
    expect(ds).toHaveLength(2);
    expect(ds[0].children.map((n) => n.slug)).toEqual(['e']);
    expect(ds[0].expandedElsewhere).toBe(false);
    expect(ds[1].children).toEqual([]);
    expect(ds[1].expandedElsewhere).toBe(true);
    expect(tree[0].descendantCount).toBe(4);
  });
  it('sorts roots and children by title', () => {
    const tree = buildTaxonomy(['z', 'a'], graph({ z: [], a: ['y', 'b'] }));
    expect(tree.map((n) => n.slug)).toEqual(['a', 'z']);
    expect(tree[0].children.map((n) => n.slug)).toEqual(['b', 'y']);
  });
  it('cuts cycles', () => {
    const tree = buildTaxonomy(['a'], graph({ a: ['b'], b: ['c'], c: ['a', 'b'] }));
    expect(flatten(tree).map((n) => n.slug)).toEqual(['a', 'b', 'c']);
  });
  it('caps the depth and marks the cut', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 30; i++) edges[`n${i}`] = [`n${i + 1}`];
    const nodes = flatten(buildTaxonomy(['n0'], graph(edges), 12));
    expect(nodes).toHaveLength(12);
    expect(nodes[11].truncated).toBe(true);
  });
  it('ignores unknown roots and children', () => {
    const tree = buildTaxonomy(['missing', 'a'], graph({ a: [] }));
    expect(tree.map((n) => n.slug)).toEqual(['a']);
  });
  it('stays linear in the number of edges on a dense lattice', () => {
    // 12 layers of 10 nodes, each node a child of every node in the layer above: 10^12 paths.
    const edges: Record<string, string[]> = { root: Array.from({ length: 10 }, (_, k) => `l0-${k}`) };
    for (let layer = 0; layer < 11; layer++) {
      for (let k = 0; k < 10; k++) edges[`l${layer}-${k}`] = Array.from({ length: 10 }, (_, j) => `l${layer + 1}-${j}`);
    }
    const nodes = flatten(buildTaxonomy(['root'], graph(edges)));
    expect(nodes.length).toBeLessThan(2000);
  });
});
