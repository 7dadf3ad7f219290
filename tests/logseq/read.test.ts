// Specification of the page reader: dialect detection, encodings and failure modes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageNameFromFile } from '../../src/lib/logseq/filename.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { findReferences, linkTargetsInValue, splitWikilink } from '../../src/lib/logseq/references.ts';
import { unaccountedLines } from '../helpers/lines.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('file names', () => {
  it('decodes Logseq namespaces', () => {
    expect(pageNameFromFile('A___B.md')).toBe('A/B');
    expect(pageNameFromFile('A%2FB.md')).toBe('A/B');
    expect(pageNameFromFile('Model Weights.md')).toBe('Model Weights');
    expect(pageNameFromFile('100%.md')).toBe('100%');
  });
});

describe('readPage', () => {
  it('reads CRLF line endings and a byte-order mark', () => {
    const page = readPage(bytes('\uFEFFpublic:: true\r\n\r\n- a\r\n  - b\r\n'), 'x.md');
    expect(page.pageProperties[0]).toMatchObject({ key: 'public', value: 'true', line: 1 });
    expect(page.blocks[0].children[0].text).toBe('b');
  });

  it('reads YAML front matter with the same keys, lists staying lists', () => {
    const page = readPage(bytes('---\nterm-id: AI-0001\nis-subclass-of:\n  - Model Parameters\nlast-updated: 2025-11-11\n---\n# Title\n\nBody.\n'), 'x.md');
    expect(page.format).toBe('markdown');
    expect(page.frontMatter).toMatchObject({ 'term-id': 'AI-0001', 'is-subclass-of': ['Model Parameters'], 'last-updated': '2025-11-11' });
    expect(page.blocks[0]).toMatchObject({ kind: 'prose', line: 7 });
  });

  it('reports broken front matter as a parse-error with its line', () => {
    const page = readPage(bytes('---\nterm-id: [unclosed\npreferred-term: X\n---\n'), 'bad.md');
    expect(page.diagnostics).toMatchObject([{ code: 'parse-error', file: 'bad.md', severity: 'error' }]);
    expect(page.diagnostics[0].line).toBeGreaterThanOrEqual(2);
  });

  it('reports invalid UTF-8 and binary data with the line of the bad byte', () => {
    const bad = readPage(new Uint8Array([0x2d, 0x20, 0x61, 0x0a, 0x2d, 0x20, 0xc3, 0x28]), 'bad.md');
    expect(bad.diagnostics).toMatchObject([{ code: 'parse-error', line: 2 }]);
    const binary = readPage(new Uint8Array([0xff, 0xfe, 0x00, 0x9c]), 'bin.md');
    expect(binary.diagnostics[0].code).toBe('parse-error');
  });

  it('marks empty and whitespace-only files as empty', () => {
    expect(readPage(bytes(''), 'e.md').empty).toBe(true);
    expect(readPage(bytes('  \n\t\n'), 'e.md').empty).toBe(true);
  });

  it('reads a 1 MB line', () => {
    const page = readPage(bytes(`- ${'w'.repeat(1_000_000)}\n`), 'long.md');
    expect(page.blocks[0].text).toHaveLength(1_000_000);
  });
});

function accountedLines(text: string): { missing: number[] } {
  return { missing: unaccountedLines(readPage(text, 'fuzz.md'), text) };
}

const logseqLine = fc.oneof(
  fc.constantFrom(
    '- a',
    '\t- b',
    '  - c',
    '    - d',
    '-',
    '',
    '  id:: x',
    'key:: v',
    '\t- term-id:: AI-0001',
    '## H',
    'prose text',
    '- ```js',
    '  ```',
    '```',
    '- $$x$$',
    '- | a | b |',
    '  | - | - |',
    '\t- definition:: ### Primary Definition',
    '- :: orphan',
    '\r',
  ),
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('', '\t', '  ', '    ', '\t  '), fc.constantFrom('- ', ''), fc.string({ maxLength: 20 })).map(([i, b, s]) => i + b + s),
);

describe('properties of the parser (fast-check)', () => {
  it('never throws and accounts for every input line', () => {
    fc.assert(
      fc.property(fc.array(logseqLine, { maxLength: 60 }), (lines) => {
        const text = lines.join('\n');
        expect(accountedLines(text).missing).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
        const page = readPage(data, 'bytes.md');
        expect(Array.isArray(page.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('links in text', () => {
  it('reads Obsidian’s [[Target|label]] and Logseq’s [label]([[Target]]) as links to Target', () => {
    const refs = findReferences('see [[Model Weights|the weights]], [more]([[Bias Term]]) and #[[Tag|shown]]');
    expect(refs.links.map((l) => l.target)).toEqual(['Model Weights', 'Bias Term']);
    expect(refs.tags.map((t) => t.tag)).toEqual(['Tag']);
    expect(linkTargetsInValue('[[A|first]], [[B]]')).toEqual(['A', 'B']);
    expect(splitWikilink('Target\\|label')).toEqual({ target: 'Target', label: 'label' });
  });
});
