// Specification of concept extraction and the concept graph: dialects, link resolution, lattice,
// cycles, backlinks, the publication rule and graph-level diagnostics.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { ancestors, descendants, rootPaths } from '../../src/lib/ontology/queries.ts';
import { checkReport } from '../../src/lib/ontology/report.ts';
import { MODEL_PARAMETERS_PAGE, MODEL_WEIGHTS_PAGE } from '../fixtures/pages/seed-structure.ts';

const options = { publishAll: false, domains: defaultDomains };
const graphOf = (files: Record<string, string>, opts = options) =>
  graphFromPages(
    Object.entries(files).map(([f, t]) => readPage(t, f)),
    opts,
  );
const concept = (termId: string, title: string, extra = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test concept.\n${extra}`;
const codes = (b: ReturnType<typeof graphOf>) => b.diagnostics.map((d) => [d.code, d.file, d.line]);

describe('the seed page structure', () => {
  it('yields AI-0052 "Model Weights" with its CamelCased parent resolved to "Model Parameters"', () => {
    const b = graphOf({ 'Model Weights.md': MODEL_WEIGHTS_PAGE, 'Model Parameters.md': MODEL_PARAMETERS_PAGE });
    const report = checkReport(b);
    expect(report.concepts).toEqual([
      { file: 'Model Parameters.md', termId: 'AI-0051', title: 'Model Parameters', slug: 'model-parameters', parents: [] },
      { file: 'Model Weights.md', termId: 'AI-0052', title: 'Model Weights', slug: 'model-weights', parents: ['Model Parameters'] },
    ]);
    // The seed page states no definition: that is noted (an info), not an error or warning.
    expect(b.diagnostics.map((d) => [d.code, d.severity, d.file])).toEqual([['missing-definition', 'info', 'Model Weights.md']]);
    const node = b.graph.nodes.find((n) => n.slug === 'model-weights');
    expect(node).toMatchObject({ domain: 'ai', status: 'draft' });
    expect(b.graph.nodes.find((n) => n.slug === 'model-parameters')?.domain).toBe('ai');
    expect(b.graph.backlinks['model-weights']).toEqual([
      { from: 'model-parameters', sentence: 'The values a model learns from data, such as [[Model Weights]].' },
    ]);
  });
});

describe('dialects', () => {
  it('reads grouped properties with comma-separated parents and relations', () => {
    const grouped = `- ### OntologyBlock\n  id:: g\n  collapsed:: true\n\n  - **Identification**\n    - public-access:: true\n    - term-id:: AI-0100\n    - preferred-term:: Grouped\n\n  - **Definition**\n    - definition:: ### Primary Definition\n      A grouped page.\n  - #### Relationships\n    - is-subclass-of:: [[Alpha]], [[Beta]]\n    - requires:: [[Alpha]]\n    - tc:custom-link:: [[Beta]]\n`;
    const b = graphOf({ 'Grouped.md': grouped, 'Alpha.md': concept('AI-0001', 'Alpha'), 'Beta.md': concept('AI-0002', 'Beta') });
    expect(b.graph.parents.grouped).toEqual(['alpha', 'beta']);
    expect(b.graph.relations.grouped).toEqual([
      { key: 'requires', targets: ['alpha'], unresolved: [] },
      { key: 'tc:custom-link', targets: ['beta'], unresolved: [] },
    ]);
    expect(b.graph.incoming.alpha).toEqual([{ key: 'requires', from: 'grouped' }]);
    expect(b.graph.nodes.find((n) => n.slug === 'grouped')?.definition).toBe('A grouped page.');
  });

  it('reads page properties at the top, a plain OntologyBlock bullet and repeated parent lines', () => {
    const inline = `public:: true\nalias:: In Line, IL\n\n- OntologyBlock\n  collapsed:: true\n\t- term-id:: 20067\n\t- preferred-term:: Inline Page\n\t- is-subclass-of:: [[alpha]]\n\t- is-subclass-of:: [[BETA]]\n`;
    const b = graphOf({ 'Inline Page.md': inline, 'Alpha.md': concept('AI-0001', 'Alpha'), 'Beta.md': concept('AI-0002', 'Beta') });
    const node = b.graph.nodes.find((n) => n.slug === 'inline-page');
    expect(node).toMatchObject({ termId: '20067', aliases: ['In Line', 'IL'] });
    expect(b.graph.parents['inline-page']).toEqual(['alpha', 'beta']);
    expect(b.diagnostics.map((d) => d.code)).toEqual(['missing-definition']);
  });

  it('reads plain Markdown with YAML front matter using the same keys', () => {
    const front = `---\nterm-id: AI-0200\npreferred-term: Front Page\npublic-access: true\nsource-domain: ai-grounded\nis-subclass-of:\n  - Alpha\nalt-terms:\n  - FP\n---\n# Front Page\n\nLinks to [[Alpha]].\n`;
    const b = graphOf({ 'front.md': front, 'Alpha.md': concept('AI-0001', 'Alpha') });
    expect(b.graph.nodes.find((n) => n.slug === 'front-page')).toMatchObject({ termId: 'AI-0200', aliases: ['FP'], domain: 'ai' });
    expect(b.graph.parents['front-page']).toEqual(['alpha']);
    expect(b.graph.backlinks.alpha?.[0]).toEqual({ from: 'front-page', sentence: 'Links to [[Alpha]].' });
  });
});

describe('link resolution', () => {
  const pages = {
    'Model Parameters.md': concept('AI-0051', 'Model Parameters', '\t- alt-terms:: Parameters, Learnable Values\n'),
    'x.md': concept('AI-0001', 'Linker', '- See [[ModelParameters]], [[model parameters]], [[Learnable Values]], [[AI-0051]] and `[[Not A Link]]`.\n'),
  };

  it('resolves by name, CamelCase, case, alias and term id, ignoring code', () => {
    const b = graphOf(pages);
    expect(b.diagnostics).toEqual([]);
    for (const text of ['ModelParameters', 'model parameters', 'Learnable Values', 'AI-0051', 'Model  Parameters']) {
      expect(b.resolveLink(text)).toMatchObject({ state: 'published', slug: 'model-parameters' });
    }
  });

  it('reports ambiguity instead of guessing', () => {
    const b = graphOf({ 'a.md': concept('AI-0001', 'Twin', '- see [[Twin]]\n'), 'b.md': concept('AI-0002', 'Twin') });
    expect(b.resolveLink('Twin')).toEqual({ state: 'ambiguous', count: 2 });
    expect(b.diagnostics.map((d) => d.code)).toEqual(['ambiguous-link', 'duplicate-slug']);
  });

  it('reports broken links and missing parents with their target', () => {
    const b = graphOf({ 'a.md': concept('AI-0001', 'A', '\t- is-subclass-of:: [[Nowhere]]\n- see [[Ghost Page]]\n') });
    expect(b.diagnostics.map((d) => [d.code, d.line, d.target])).toEqual([
      ['missing-parent', 6, 'Nowhere'],
      ['broken-link', 7, 'Ghost Page'],
    ]);
  });
});

describe('the lattice', () => {
  const lattice = {
    'root.md': concept('AI-0001', 'Root'),
    'left.md': concept('AI-0002', 'Left', '\t- is-subclass-of:: [[Root]]\n'),
    'right.md': concept('AI-0003', 'Right', '\t- is-subclass-of:: [[Root]]\n'),
    'bottom.md': concept('AI-0004', 'Bottom', '\t- is-subclass-of:: [[Left]], [[Right]]\n'),
  };

  it('has several parents, ancestors, descendants and every root path', () => {
    const { graph } = graphOf(lattice);
    expect(graph.parents.bottom).toEqual(['left', 'right']);
    expect(graph.children.root).toEqual(['left', 'right']);
    expect(graph.roots).toEqual(['root']);
    expect(ancestors(graph, 'bottom')).toEqual(['left', 'right', 'root']);
    expect(descendants(graph, 'root')).toEqual(['bottom', 'left', 'right']);
    expect(rootPaths(graph, 'bottom')).toEqual([
      ['root', 'left', 'bottom'],
      ['root', 'right', 'bottom'],
    ]);
  });

  it('reports cycles on every page in them and cuts them for root paths', () => {
    const b = graphOf({
      'a.md': concept('AI-0001', 'A', '\t- is-subclass-of:: [[B]]\n'),
      'b.md': concept('AI-0002', 'B', '\t- is-subclass-of:: [[A]]\n'),
    });
    expect(b.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['subclass-cycle', 'a.md'],
      ['subclass-cycle', 'b.md'],
    ]);
    expect(rootPaths(b.graph, 'a')).toEqual([['b', 'a']]);
  });
});

describe('publication rule (GUIDE §3)', () => {
  const pages = {
    'public.md': concept('AI-0001', 'Public', '\t- is-subclass-of:: [[Secret]]\n- mentions [[Secret]] here\n'),
    'secret.md': `- ### OntologyBlock\n\t- term-id:: AI-0002\n\t- preferred-term:: Secret\n\t- public-access:: false\n\t- definition:: zzmarker\n- links [[Public]]\n`,
    'unmarked.md': `- ### OntologyBlock\n\t- term-id:: AI-0003\n\t- preferred-term:: Unmarked\n`,
  };

  it('publishes only pages that say so; withheld pages leave no trace in the graph', () => {
    const b = graphOf(pages);
    expect(b.graph.nodes.map((n) => n.slug)).toEqual(['public']);
    expect(b.withheld).toBe(2);
    expect(JSON.stringify(b.graph)).not.toMatch(/Secret|zzmarker|Unmarked/);
    expect(b.graph.parents.public).toEqual([]);
    expect(b.graph.backlinks.public).toBeUndefined();
    expect(b.resolveLink('Secret')).toEqual({ state: 'private' });
    expect(b.diagnostics.filter((d) => d.code === 'link-to-private').map((d) => d.line)).toEqual([7]);
  });

  it('can publish every page not explicitly marked false', () => {
    const b = graphOf(pages, { ...options, publishAll: true });
    expect(b.graph.nodes.map((n) => n.slug)).toEqual(['public', 'unmarked']);
  });
});

describe('page-level diagnostics', () => {
  it('names missing, invalid and duplicate term ids and missing preferred terms with file and line', () => {
    const b = graphOf({
      'a.md': `- OntologyBlock\n\t- preferred-term:: A\n\t- public-access:: true\n`,
      'b.md': concept('AI-12x!', 'B'),
      'c.md': concept('AI-0009', 'C'),
      'd.md': concept('AI-0009', 'D'),
      'e.md': `- OntologyBlock\n\t- term-id:: AI-0010\n\t- public-access:: true\n`,
    });
    expect(codes(b)).toEqual([
      ['missing-term-id', 'a.md', 1],
      ['missing-definition', 'a.md', 1],
      ['invalid-term-id', 'b.md', 2],
      ['duplicate-term-id', 'c.md', 2],
      ['duplicate-term-id', 'd.md', 2],
      ['missing-preferred-term', 'e.md', 1],
      ['missing-definition', 'e.md', 1],
    ]);
    expect(b.graph.nodes.find((n) => n.file === 'e.md')?.title).toBe('e');
  });

  it('gives two pages that want one URL distinct slugs', () => {
    const b = graphOf({ 'a.md': concept('AI-0001', 'Same Name'), 'b.md': concept('AI-0002', 'Same-Name') });
    expect(b.graph.nodes.map((n) => n.slug)).toEqual(['same-name', 'same-name-2']);
    expect(codes(b)).toEqual([['duplicate-slug', 'b.md', 3]]);
  });

  it('reports empty and unreadable files without stopping', () => {
    const b = graphFromPages(
      [readPage('', 'empty.md'), readPage(new Uint8Array([0xff, 0x00]), 'bin.md'), readPage(concept('AI-0001', 'Fine'), 'fine.md')],
      options,
    );
    expect(codes(b)).toEqual([
      ['parse-error', 'bin.md', 1],
      ['empty-page', 'empty.md', 1],
    ]);
    expect(b.graph.nodes.map((n) => n.slug)).toEqual(['fine']);
  });
});
