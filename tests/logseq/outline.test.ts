// Specification of the Logseq outline parser: every dialect variation of GUIDE §2.
import { describe, expect, it } from 'vitest';
import { parseOutline } from '../../src/lib/logseq/outline.ts';
import type { Block } from '../../src/lib/logseq/types.ts';

const props = (b: Block) => Object.fromEntries(b.properties.map((p) => [p.key, p.value]));
const parse = (text: string) => parseOutline(text, 'page.md');

describe('outline structure', () => {
  it('nests bullets by indentation relative to the parent, with tabs', () => {
    const { blocks } = parse('- a\n\t- b\n\t\t- c\n\t- d\n- e');
    expect(blocks.map((b) => b.text)).toEqual(['a', 'e']);
    expect(blocks[0].children.map((b) => b.text)).toEqual(['b', 'd']);
    expect(blocks[0].children[0].children[0].text).toBe('c');
  });

  it('takes 2-space and 4-space indentation alike', () => {
    for (const unit of ['  ', '    ']) {
      const { blocks } = parse(`- a\n${unit}- b\n${unit}${unit}- c`);
      expect(blocks[0].children[0].children[0].text).toBe('c');
    }
  });

  it('takes mixed indentation within one block (a tab list with 4-space lines)', () => {
    const { blocks } = parse('- parent\n\t- one\n    - two\n\t- three');
    expect(blocks[0].children.map((b) => b.text)).toEqual(['one', 'two', 'three']);
  });

  it('gives every block its 1-based source line', () => {
    const { blocks } = parse('- a\n\n- b\n  - c');
    expect(blocks.map((b) => b.line)).toEqual([1, 3]);
    expect(blocks[1].children[0].line).toBe(4);
  });

  it('keeps continuation lines as the block text', () => {
    const { blocks } = parse('- first line\n  second line\n- next');
    expect(blocks[0].text).toBe('first line\nsecond line');
    expect(blocks[0].endLine).toBe(2);
  });

  it('treats prose and headings at column 0 as prose blocks between bullets', () => {
    const { blocks } = parse('- a\n## Heading\nSome text.\n- b');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['bullet', 'a'],
      ['prose', '## Heading\nSome text.'],
      ['bullet', 'b'],
    ]);
  });

  it('skips dangling empty bullets and blank lines without losing structure', () => {
    const { blocks } = parse('- a\n-\n\n  - b\n- \n- c');
    expect(blocks.map((b) => b.text)).toEqual(['a', '', '', 'c']);
    expect(blocks[1].children[0].text).toBe('b');
  });

  it('survives 200-deep nesting', () => {
    const text = Array.from({ length: 200 }, (_, k) => `${'\t'.repeat(k)}- level ${k}`).join('\n');
    let b = parse(text).blocks[0];
    let depth = 1;
    while (b.children.length > 0) {
      b = b.children[0];
      depth++;
    }
    expect(depth).toBe(200);
    expect(b.text).toBe('level 199');
  });
});

describe('properties', () => {
  it('reads page properties at the top of the file', () => {
    const { pageProperties, blocks } = parse('public:: true\nalias:: A, B\n\n- body');
    expect(pageProperties.map((p) => [p.key, p.value, p.line])).toEqual([
      ['public', 'true', 1],
      ['alias', 'A, B', 2],
    ]);
    expect(blocks[0].text).toBe('body');
  });

  it('reads id:: and collapsed:: continuation lines as properties of the bullet above', () => {
    const { blocks } = parse('- ### OntologyBlock\n  id:: x-ontology\n  collapsed:: true\n\t- term-id:: AI-0001');
    expect(blocks[0].text).toBe('### OntologyBlock');
    expect(props(blocks[0])).toEqual({ id: 'x-ontology', collapsed: 'true' });
    expect(props(blocks[0].children[0])).toEqual({ 'term-id': 'AI-0001' });
  });

  it('reads property bullets, groups, namespaced keys, empty values and trailing spaces', () => {
    const text = ['- OntologyBlock', '  - **Identification**', '    - owl:class:: ai:Weights   ', '    - definition::', '', '    - tc:platform:: x'].join('\n');
    const group = parse(text).blocks[0].children[0];
    expect(group.text).toBe('**Identification**');
    expect(group.children.map(props)).toEqual([{ 'owl:class': 'ai:Weights' }, { definition: '' }, { 'tc:platform': 'x' }]);
  });

  it('keeps JSON list values as written', () => {
    const { blocks } = parse('- filename-history:: ["a.md", "b.md"]');
    expect(props(blocks[0])).toEqual({ 'filename-history': '["a.md", "b.md"]' });
  });

  it('takes the next text line as the value of a heading-valued property', () => {
    const { blocks } = parse('- OntologyBlock\n\t- definition:: ### Primary Definition\n\t  Weights are learned numbers.\n\t- status:: draft');
    expect(props(blocks[0].children[0])).toEqual({ definition: 'Weights are learned numbers.' });
    expect(props(blocks[0].children[1])).toEqual({ status: 'draft' });
  });

  it('also when the real text sits on the next unindented line', () => {
    const { blocks } = parse('- OntologyBlock\n\t- definition:: ### Primary Definition\nWeights are learned numbers.\n\t- status:: draft');
    expect(props(blocks[0].children[0]).definition).toBe('Weights are learned numbers.');
  });

  it('reports a property line without a name', () => {
    const { diagnostics, blocks } = parse('- OntologyBlock\n\t- :: orphan value');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['malformed-property', 2]]);
    expect(blocks[0].children[0].text).toBe('');
  });

  it('does not take URLs or prose with colons for properties', () => {
    const { blocks } = parse('- see https://example.org/a::b and note: this');
    expect(blocks[0].properties).toEqual([]);
  });
});

describe('code fences', () => {
  it('keeps fenced lines verbatim in the block that opens the fence', () => {
    const { blocks } = parse('- ```clojure\n  (Declaration (Class :Weights))\n  - not a bullet\n  ```\n- after');
    expect(blocks[0].text).toBe('```clojure\n(Declaration (Class :Weights))\n- not a bullet\n```');
    expect(blocks[1].text).toBe('after');
  });

  it('nests fences: a shorter inner fence does not close the outer one', () => {
    const { blocks, diagnostics } = parse('- ````markdown\n  ```js\n  x\n  ```\n  ````\n- after');
    expect(diagnostics).toEqual([]);
    expect(blocks).toHaveLength(2);
    expect(blocks[0].text.split('\n')).toHaveLength(5);
  });

  it('reports an unclosed fence and still parses the rest of the file', () => {
    const { blocks, diagnostics } = parse('- a\n- ```js\n  const x = 1;\n- term-id:: AI-0001');
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([['unclosed-fence', 2]]);
    expect(props(blocks[2])).toEqual({ 'term-id': 'AI-0001' });
  });
});

describe('reading order', () => {
  it('keeps text written after a bullet’s children in source order, as prose children', () => {
    const { blocks } = parse('- ### Content\n  - one\n  ## two\n  three:\n  - four\n  - five\n  six');
    const content = blocks[0];
    expect(content.text).toBe('### Content');
    expect(content.children.map((b) => [b.kind, b.text, b.line])).toEqual([
      ['bullet', 'one', 2],
      ['prose', '## two\nthree:', 3],
      ['bullet', 'four', 5],
      ['bullet', 'five', 6],
      ['prose', 'six', 7],
    ]);
  });

  it('still reads continuation lines before any child as the bullet’s own text, and properties as its properties', () => {
    const { blocks } = parse('- first\n  second\n  - child\n  collapsed:: true\n  after');
    expect(blocks[0].text).toBe('first\nsecond');
    expect(props(blocks[0])).toEqual({ collapsed: 'true' });
    expect(blocks[0].children.map((b) => [b.kind, b.text])).toEqual([
      ['bullet', 'child'],
      ['prose', 'after'],
    ]);
  });

  it('puts a code fence written after the children into the prose child, verbatim', () => {
    const { blocks } = parse('- parent\n  - child\n  ```js\n  - not a bullet\n  ```\n- next');
    expect(blocks[0].children[1]).toMatchObject({ kind: 'prose', text: '```js\n- not a bullet\n```', line: 3, endLine: 5 });
    expect(blocks[1].text).toBe('next');
  });
});

describe('json-ld fences', () => {
  const page = [
    'public:: true',
    '',
    '# Title',
    '```json-ld',
    '{',
    '  "@type": "Class",',
    '  "label": "Thing"',
    '}',
    '```',
    'Prose after.',
    '- ```jsonld',
    '  [{"@type": "Page"}]',
    '  ```',
    '- bullet',
  ].join('\n');

  it('takes json-ld blocks out of the text and returns their values, source and lines', () => {
    const r = parse(page);
    expect(r.jsonLd.map((j) => [j.line, j.endLine, j.value])).toEqual([
      [4, 9, { '@type': 'Class', label: 'Thing' }],
      [11, 13, [{ '@type': 'Page' }]],
    ]);
    expect(r.jsonLd[0].source).toContain('"label": "Thing"');
    expect(JSON.stringify(r.blocks)).not.toMatch(/json-?ld|@type/);
    expect(r.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['prose', '# Title\nProse after.'],
      ['bullet', ''],
      ['bullet', 'bullet'],
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports invalid JSON with its line and keeps the block as an ordinary code fence', () => {
    const r = parse('- a\n```json-ld\n{\n  "label": "x",\n}\n```\n');
    expect(r.jsonLd).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['invalid-json-ld', 'warning']]);
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(3);
    expect(r.blocks[1].text).toContain('```json-ld');
  });
});
