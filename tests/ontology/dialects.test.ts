// Specification of the shapes real graphs use beyond the canonical page (GUIDE §2): property bullets
// beside the ontology block, definitions wherever editors put them, titles as written, withheld
// parents, exact-first link resolution, tags in any case, values that cannot be URL segments as
// they stand, the JSON-LD dialect and OWL axioms in fences. Every fixture here is our own.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { canonicalRelationKey } from '../../src/lib/ontology/relation-keys.ts';

const options = { publishAll: false, domains: defaultDomains };
const graphOf = (files: Record<string, string>, opts = options) =>
  graphFromPages(
    Object.entries(files).map(([f, t]) => readPage(t, f)),
    opts,
  );
const concept = (termId: string, title: string, extra = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test concept.\n${extra}`;
const record = (b: ReturnType<typeof graphOf>, file: string) => {
  const r = b.records.find((x) => x.page.file === file);
  if (!r?.concept) throw new Error(`no concept for ${file}`);
  return { ...r, concept: r.concept };
};
const codes = (b: ReturnType<typeof graphOf>) => b.diagnostics.map((d) => [d.code, d.file, d.line]);

describe('properties written beside the ontology block', () => {
  it('reads a lone property bullet and the bullets nested under it as the block’s', () => {
    const page =
      '- ### OntologyBlock\n  id:: x\n  collapsed:: true\n\t- ontology:: true\n- term-id:: QX-0001\n\t- preferred-term:: Sibling Page\n\t- public-access:: true\n\t- definition:: Written beside the block.\n- ## Body\n\t- prose\n';
    const b = graphOf({ 'sibling.md': page });
    expect(b.graph.nodes.map((n) => [n.termId, n.title, n.definition])).toEqual([['QX-0001', 'Sibling Page', 'Written beside the block.']]);
    expect(b.diagnostics).toEqual([]);
    expect(record(b, 'sibling.md').body.map((x) => x.text)).toEqual(['## Body']);
  });

  it('reads a labelled group written as a sibling (`- **Identification**`)', () => {
    const page =
      '- ### OntologyBlock\n  id:: y\n- **Identification**\n    - term-id:: QX-0002\n    - preferred-term:: Grouped Sibling\n    - public-access:: true\n    - definition:: In a group beside the block.\n- A paragraph of the body.\n';
    const b = graphOf({ 'g.md': page });
    expect(b.graph.nodes.map((n) => [n.termId, n.title])).toEqual([['QX-0002', 'Grouped Sibling']]);
    expect(record(b, 'g.md').body.map((x) => x.text)).toEqual(['A paragraph of the body.']);
  });
});

describe('definitions wherever editors put them', () => {
  it('takes a definition nested under another property line after the block', () => {
    const page =
      '- ### OntologyBlock\n\t- term-id:: QX-0010\n\t- preferred-term:: Nested\n\t- public-access:: true\n\n### Relationships\n- is-subclass-of:: [[Parent Thing]]\n\t- definition:: Nested under the parent line.\n';
    const b = graphOf({ 'n.md': page, 'p.md': concept('QX-0011', 'Parent Thing') });
    expect(record(b, 'n.md').concept.definition).toBe('Nested under the parent line.');
    expect(b.graph.parents.nested).toEqual(['parent-thing']);
  });

  it('takes the child bullet under a heading-valued `definition:: ### Primary Definition`', () => {
    const page =
      '- ### OntologyBlock\n\t- term-id:: QX-0012\n\t- preferred-term:: Headed\n\t- public-access:: true\n\t- definition:: ### Primary Definition\n\t\t- The text sits in a child bullet.\n\t- status:: draft\n';
    const b = graphOf({ 'h.md': page });
    expect(record(b, 'h.md').concept.definition).toBe('The text sits in a child bullet.');
    expect(b.diagnostics).toEqual([]);
  });

  it('never shows a lone heading label as the definition: no text anywhere is reported instead', () => {
    const page =
      '- ### OntologyBlock\n\t- term-id:: QX-0013\n\t- preferred-term:: Label Only\n\t- public-access:: true\n\t- definition:: ### Primary Definition\n\t- status:: draft\n- ## Body\n\t- text\n';
    const b = graphOf({ 'l.md': page });
    expect(record(b, 'l.md').concept.definition).toBe('');
    expect(b.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['missing-definition', 'info', 5]]);
  });

  it('takes the first text of a `- ### Definition` section and leaves the rest of the section in the body', () => {
    const page =
      'public:: true\n\n- ### OntologyBlock\n\t- term-id:: QX-0014\n\t- preferred-term:: Sectioned\n- ### Definition\n\t- Sectioned things are defined here, with a [[Link Target]].\n\t- A second paragraph stays in the body.\n- ### Overview\n\t- More text.\n';
    const b = graphOf({ 's.md': page, 't.md': concept('QX-0015', 'Link Target') });
    const r = record(b, 's.md');
    expect(r.concept.definition).toBe('Sectioned things are defined here, with a [[Link Target]].');
    expect(r.concept.linkRefs.map((l) => [l.target, l.line])).toEqual([['Link Target', 7]]);
    expect(JSON.stringify(r.body)).not.toContain('defined here');
    expect(JSON.stringify(r.body)).toContain('A second paragraph stays in the body.');
    expect(b.graph.backlinks['link-target']).toEqual([{ from: 'sectioned', sentence: 'Sectioned things are defined here, with a [[Link Target]].' }]);
  });

  it('takes the section text from the lines under the heading, or from the bullet after it', () => {
    const under =
      'public:: true\n\n- ### OntologyBlock\n\t- term-id:: QX-0016\n\t- preferred-term:: Under\n- ### Definition\n  The text is on the next line.\n- ### Overview\n\t- x\n';
    const after =
      'public:: true\n\n- ### OntologyBlock\n\t- term-id:: QX-0017\n\t- preferred-term:: After\n- ### Definition\n- The text is the next bullet.\n- Another bullet.\n';
    const b = graphOf({ 'u.md': under, 'a.md': after });
    expect(record(b, 'u.md').concept.definition).toBe('The text is on the next line.');
    expect(record(b, 'a.md').concept.definition).toBe('The text is the next bullet.');
    expect(JSON.stringify(record(b, 'a.md').body)).not.toContain('next bullet');
    expect(b.diagnostics).toEqual([]);
  });
});

describe('titles as written', () => {
  it('keeps underscores, asterisks, tildes and backticks in a preferred term, and slugs from that', () => {
    const b = graphOf({
      'a.md': concept('QX-0020', 'ETSI_Domain_Virtual_Society'),
      'b.md': concept('QX-0021', '**Bold** ~x~ `code`'),
    });
    expect(b.graph.nodes.map((n) => [n.title, n.slug])).toEqual([
      ['**Bold** ~x~ `code`', 'bold-x-code'],
      ['ETSI_Domain_Virtual_Society', 'etsi-domain-virtual-society'],
    ]);
    expect(b.resolveLink('ETSI_Domain_Virtual_Society')).toMatchObject({ state: 'published', title: 'ETSI_Domain_Virtual_Society' });
  });
});

describe('withheld parents', () => {
  it('reports a parent that is a withheld page (info) instead of dropping it silently', () => {
    const b = graphOf({
      'child.md': concept('QX-0030', 'Child', '\t- is-subclass-of:: [[Hidden Parent]]\n'),
      'hidden.md':
        '- ### OntologyBlock\n\t- term-id:: QX-0031\n\t- preferred-term:: Hidden Parent\n\t- public-access:: false\n\t- definition:: Not for readers.\n',
    });
    expect(b.graph.parents.child).toEqual([]);
    expect(b.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.target])).toEqual([['parent-is-private', 'info', 'child.md', 6, 'Hidden Parent']]);
    expect(b.diagnostics[0].message).not.toContain('QX-0031');
  });
});

describe('link resolution: exact before loose', () => {
  it('an exact page name wins over a page that matches only without spaces or punctuation', () => {
    const b = graphOf({
      'a.md': concept('QX-0040', 'Data Set'),
      'b.md': concept('QX-0041', 'Dataset'),
      'c.md': concept('QX-0042', 'Linker', '- [[dataset]], [[Data set]] and [[data-set]]\n'),
    });
    expect(b.resolveLink('dataset')).toMatchObject({ state: 'published', slug: 'dataset' });
    expect(b.resolveLink('Data set')).toMatchObject({ state: 'published', slug: 'data-set' });
    expect(b.resolveLink('data-set')).toEqual({ state: 'ambiguous', count: 2 });
    expect(b.diagnostics.map((d) => [d.code, d.target])).toEqual([['ambiguous-link', 'data-set']]);
  });

  it('an exact alias beats a loose title; ties at the best level stay ambiguous', () => {
    const b = graphOf({ 'a.md': concept('QX-0043', 'Learning Rate', '\t- alt-terms:: LR\n'), 'b.md': concept('QX-0044', 'L-R') });
    expect(b.resolveLink('LR')).toMatchObject({ slug: 'learning-rate' });
    expect(b.resolveLink('l-r')).toMatchObject({ slug: 'l-r' });
  });
});

describe('alias links', () => {
  it('name their target for backlinks and broken links, in both forms', () => {
    const b = graphOf({
      'a.md': concept('QX-0045', 'Target Page'),
      'b.md': concept('QX-0046', 'Linker', '- See [[Target Page|the target]] and [more]([[Target Page]]), not [[Gone Page|gone]].\n'),
    });
    expect(b.graph.backlinks['target-page']).toEqual([
      { from: 'linker', sentence: 'See [[Target Page|the target]] and [more]([[Target Page]]), not [[Gone Page|gone]].' },
    ]);
    expect(b.diagnostics.map((d) => [d.code, d.target])).toEqual([['broken-link', 'Gone Page']]);
  });
});

describe('tags', () => {
  it('are one tag whatever their case, listing every page that carries it', () => {
    const b = graphOf({ 'a.md': concept('QX-0050', 'A', '- about #Bitcoin\n'), 'b.md': concept('QX-0051', 'B', '- about #BITCOIN and #bitcoin\n') });
    expect(b.graph.tags).toEqual({ Bitcoin: ['a', 'b'] });
    expect(b.graph.tagSlugs).toEqual({ Bitcoin: 'bitcoin' });
    expect(b.graph.nodes.map((n) => n.tags)).toEqual([['Bitcoin'], ['Bitcoin']]);
    expect(b.tagOf('BITCOIN')).toEqual({ tag: 'Bitcoin', slug: 'bitcoin' });
    expect(b.tagOf('nothing')).toBeNull();
  });

  it('always get a non-empty, unique slug', () => {
    const b = graphOf({ 'a.md': concept('QX-0052', 'A', '- #[[🤖]] #[[機械学習]] #[[a b]] #[[a-b]]\n') });
    const slugs = Object.values(b.graph.tagSlugs);
    expect(slugs).toHaveLength(4);
    expect(new Set(slugs).size).toBe(4);
    for (const s of slugs) expect(s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('values that become URL segments', () => {
  it('turns any domain value into a safe key and keeps its spelling as the name', () => {
    const b = graphOf({
      'a.md': concept('QX-0060', 'A', '\t- source-domain:: [[ETSI Domain/Interoperability]]\n'),
      'b.md': concept('QX-0061', 'B', '\t- source-domain:: 🤖\n'),
      'c.md': concept('QX-0062', '🤖'),
    });
    const domains = b.graph.domains.map((d) => [d.key, d.name]);
    expect(domains).toContainEqual(['etsi-domain-interoperability', 'ETSI Domain/Interoperability']);
    const emoji = domains.find(([key]) => key !== 'etsi-domain-interoperability');
    expect(emoji?.[0]).toMatch(/^domain-[0-9a-f]{8}$/);
    expect(emoji?.[1]).toBe('🤖');
    for (const n of b.graph.nodes) expect(n.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(b.graph.nodes.find((n) => n.title === '🤖')?.slug).toBe('qx-0062');
  });
});

describe('the JSON-LD dialect', () => {
  const pageObject = (extra: string) => `\`\`\`json-ld\n{\n  "@type": "Page",\n  "title": "Signal Relay",\n  "vc:public": true${extra}\n}\n\`\`\``;
  const classObject = (extra: string) =>
    `\`\`\`json-ld\n{\n  "@id": "urn:test:class:signal-relay",\n  "@type": "Class",\n  "label": "Signal Relay",\n  "definition": "A relay passes a signal on unchanged.",\n  "vc:plainGloss": "A messenger that repeats what it hears.",\n  "domain": "artificial-intelligence",\n  "maturity": "emerging"${extra}\n}\n\`\`\``;
  const target = (termId: string, title: string, id: string) =>
    `public:: true\n\n\`\`\`json-ld\n{ "@id": "${id}", "@type": "Class", "label": "${title}", "definition": "${title} is a target.", "vc:legacyProperties": [{ "vc:key": "legacy-term-id", "vc:value": "${termId}" }] }\n\`\`\`\n`;

  const relay = [
    'public:: true',
    '',
    '# Signal Relay',
    pageObject(
      ',\n  "vc:legacyProperties": [\n    { "vc:key": "legacy-term-id", "vc:value": "SR-0001" },\n    { "vc:key": "preferred-term", "vc:value": "SignalRelay (old)" }\n  ]',
    ),
    '',
    classObject(
      ',\n  "subClassOf": [{ "@id": "urn:test:class:messenger", "label": "Messenger" }],\n  "relations": {\n    "hasPart": [{ "@id": "urn:test:class:antenna", "label": "Antenna" }],\n    "requires": [{ "@id": "urn:test:class:power-source", "label": "Power Source" }]\n  },\n  "sameAs": [{ "@id": "urn:test:class:repeater", "label": "Repeater" }]',
    ),
    '',
    '- ### Definition',
    '  - A **signal relay** passes a signal on, see [[Antenna]].',
    '- ### In Plain Terms',
    '  - A messenger that repeats what it hears.',
    '- ### Relationships',
    '  - hasPart:: [[Antenna]]',
    '- ### Body',
    '  - Relays sit between a sender and a receiver.',
  ].join('\n');
  const pages = {
    'Signal Relay.md': relay,
    'Messenger.md': target('SR-0002', 'Messenger', 'urn:test:class:messenger'),
    'Antenna.md': target('SR-0003', 'Antenna', 'urn:test:class:antenna'),
    'Power.md': target('SR-0004', 'Power Source', 'urn:test:class:power-source'),
  };

  it('reads term id, title, definition, gloss, domain, maturity, parents and typed relations as one concept', () => {
    const b = graphOf(pages);
    const node = b.graph.nodes.find((n) => n.slug === 'signal-relay');
    expect(node).toMatchObject({
      termId: 'SR-0001',
      title: 'Signal Relay',
      definition: 'A **signal relay** passes a signal on, see [[Antenna]].',
      gloss: 'A messenger that repeats what it hears.',
      domain: 'ai',
      maturity: 'emerging',
      owlClass: 'urn:test:class:signal-relay',
      aliases: ['SignalRelay (old)'],
    });
    expect(b.graph.parents['signal-relay']).toEqual(['messenger']);
    expect(b.graph.relations['signal-relay']).toEqual([
      { key: 'has-part', targets: ['antenna'], unresolved: [] },
      { key: 'requires', targets: ['power-source'], unresolved: [] },
      { key: 'same-as', targets: [], unresolved: ['Repeater'] },
    ]);
    expect(codes(b)).toEqual([['broken-link', 'Signal Relay.md', 30]]); // the line of "sameAs" in the Class object
  });

  it('never shows the JSON-LD as text', () => {
    const b = graphOf(pages);
    const body = JSON.stringify(record(b, 'Signal Relay.md').body);
    expect(body).not.toMatch(/json-ld|@type|urn:test/);
    // Nor twice what the lead already says: the definition and the gloss sections leave the body.
    expect(body).not.toMatch(/passes a signal on|repeats what it hears/);
    expect(body).toContain('Relays sit between a sender and a receiver.');
  });

  it('makes a Class without a legacy term id a concept identified by its @id, with no missing-term-id', () => {
    const b = graphOf({ 'c.md': `public:: true\n\n${classObject('')}\n` });
    expect(b.graph.nodes).toHaveLength(1);
    expect(b.graph.nodes[0]).toMatchObject({
      termId: null,
      title: 'Signal Relay',
      owlClass: 'urn:test:class:signal-relay',
      definition: 'A relay passes a signal on unchanged.',
    });
    expect(b.diagnostics).toEqual([]);
    expect(b.resolveLink('urn:test:class:signal-relay')).toMatchObject({ state: 'published', slug: 'signal-relay' });
  });

  it('reads subClassOf written as one object, resolving by @id before label', () => {
    const page = `public:: true\n\n${classObject(',\n  "subClassOf": { "@id": "urn:test:class:messenger", "label": "Wrongly Labelled" }')}\n`;
    const b = graphOf({ 'c.md': page, 'Messenger.md': pages['Messenger.md'] });
    expect(b.graph.parents['signal-relay']).toEqual(['messenger']);
  });

  it('reports every subClassOf target that resolves to nothing', () => {
    const page = `public:: true\n\n${classObject(',\n  "subClassOf": [{ "@id": "urn:test:class:nowhere", "label": "Nowhere" }]')}\n`;
    const b = graphOf({ 'c.md': page });
    expect(b.diagnostics.map((d) => [d.code, d.line, d.target])).toEqual([['missing-parent', 12, 'Nowhere']]);
  });

  it('respects vc:public false', () => {
    const page = `${pageObject('').replace('"vc:public": true', '"vc:public": false')}\n${classObject('')}\n`;
    expect(graphOf({ 'c.md': page }).graph.nodes).toEqual([]);
  });

  it('says where the JSON-LD and the properties disagree', () => {
    const page = [
      '- ### OntologyBlock',
      '\t- term-id:: SR-0100',
      '\t- preferred-term:: Relay Station',
      '\t- public-access:: true',
      '\t- source-domain:: robotics',
      '\t- maturity:: mature',
      '\t- is-subclass-of:: [[Power Source]]',
      classObject(',\n  "subClassOf": [{ "@id": "urn:test:class:messenger", "label": "Messenger" }],\n  "vc:termId": "SR-0999"'),
    ].join('\n');
    const b = graphOf({ 'r.md': page, 'Messenger.md': pages['Messenger.md'], 'Power.md': pages['Power.md'] });
    const conflicts = b.diagnostics.filter((d) => d.code === 'conflicting-data');
    expect(conflicts.map((d) => d.message.split(' but ')[0])).toEqual([
      'the page\'s JSON-LD gives the label "Signal Relay"',
      'the page\'s JSON-LD gives the domain "artificial-intelligence"',
      'the page\'s JSON-LD gives the maturity "emerging"',
      'the page\'s JSON-LD gives the parents "Messenger"',
      'the page\'s JSON-LD gives the term id "SR-0999"',
    ]);
    const node = b.graph.nodes.find((n) => n.file === 'r.md');
    if (!node) throw new Error('r.md not published');
    expect([node.termId, node.title, node.domain, node.maturity]).toEqual(['SR-0100', 'Relay Station', 'robotics', 'mature']);
    expect(b.graph.parents['relay-station']).toEqual(['power-source', 'messenger']); // both forms' parents, properties first
  });

  it('reports invalid JSON and shows nothing of it as data', () => {
    const b = graphOf({ 'x.md': 'public:: true\n\n```json-ld\n{ "@type": "Class", }\n```\n' });
    expect(b.diagnostics.map((d) => d.code)).toEqual(['invalid-json-ld']);
  });
});

describe('OWL functional syntax in fences', () => {
  it('gives parents when the page states none, in either spelling', () => {
    const b = graphOf({
      'a.md': concept(
        'QX-0070',
        'Wave Guide',
        '\t- ```clojure\n\t  Declaration(Class(ex:WaveGuide))\n\t  SubClassOf(ex:WaveGuide ex:SignalPath)\n\t  SubClassOf(ex:WaveGuide (ObjectSomeValuesFrom ex:uses ex:Metal))\n\t  ```\n',
      ),
      'b.md': concept(
        'QX-0071',
        'Fibre Link',
        '- ```owl\n  (Declaration (Class :FibreLink))\n  (SubClassOf :FibreLink :SignalPath)\n  (SubClassOf :FibreLink owl:Thing)\n  ```\n',
      ),
      'c.md': concept('QX-0072', 'Signal Path'),
    });
    expect(b.graph.parents['wave-guide']).toEqual(['signal-path']);
    expect(b.graph.parents['fibre-link']).toEqual(['signal-path']);
    expect(b.diagnostics).toEqual([]);
  });

  it('is not used when the page states its parents', () => {
    const b = graphOf({
      'a.md': concept('QX-0073', 'Wave Guide', '\t- is-subclass-of:: [[Signal Path]]\n\t- ```clojure\n\t  SubClassOf(ex:WaveGuide ex:Other)\n\t  ```\n'),
      'c.md': concept('QX-0072', 'Signal Path'),
    });
    expect(b.graph.parents['wave-guide']).toEqual(['signal-path']);
    expect(b.diagnostics).toEqual([]);
  });
});

describe('owl:Thing', () => {
  it('as a parent means "no parent", in any form', () => {
    const b = graphOf({
      'a.md': concept('QX-0090', 'Top One', '\t- is-subclass-of:: [[owl:Thing]]\n'),
      'b.md': concept('QX-0091', 'Top Two', "\t- is-subclass-of:: ['owl:Thing']\n"),
    });
    expect(b.graph.roots).toEqual(['top-one', 'top-two']);
    expect(b.diagnostics).toEqual([]);
  });
});

describe('relation names', () => {
  it('are one relation however they are spelt', () => {
    expect(['hasPart', 'haspart', 'has_part', 'has-part'].map(canonicalRelationKey)).toEqual(['has-part', 'has-part', 'has-part', 'has-part']);
    expect(['subClassOf', 'subclassof', 'isSubclassOf', 'rdfs:subClassOf'].map(canonicalRelationKey)).toEqual(Array(4).fill('is-subclass-of'));
    expect(canonicalRelationKey('skos:related')).toBe('skos:related');
    const b = graphOf({ 'a.md': concept('QX-0080', 'A', '- hasPart:: [[B]]\n- has-part:: [[B]]\n'), 'b.md': concept('QX-0081', 'B') });
    expect(b.graph.relations.a).toEqual([{ key: 'has-part', targets: ['b'], unresolved: [] }]);
  });
});
