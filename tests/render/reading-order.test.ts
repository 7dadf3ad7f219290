// Specification: a page reads in the order it was written. Block text, child bullets, headings and
// prose written between or after child bullets appear in the HTML in source order, whatever the
// indentation (the outline parser turns text after children into prose children; the renderer keeps
// sibling order). Checked on the example and, as a property, on random outlines.
import fc from 'fast-check';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { renderBlocks } from '../../src/lib/render/pipeline.ts';

const HEAD = '- ### OntologyBlock\n\t- term-id:: AI-0100\n\t- preferred-term:: Page\n\t- public-access:: true\n\t- definition:: A page.\n';

function renderBody(body: string): string {
  const build = graphFromPages([readPage(HEAD + body, 'page.md')], { publishAll: false, domains: defaultDomains });
  const record = build.records[0];
  return renderBlocks(record.body, 'page.md', makeRenderContext(build), 'Page').html;
}

/** The words of the HTML's text, in document order. */
function words(html: string): string[] {
  const out: string[] = [];
  const visit = (n: DefaultTreeAdapterMap['node']) => {
    if (n.nodeName === '#text' && 'value' in n) out.push(...n.value.split(/\s+/).filter((w) => w !== ''));
    if ('childNodes' in n) n.childNodes.forEach(visit);
  };
  visit(parseFragment(html));
  return out;
}
const tokens = (text: string) => text.match(/\bw\d+\b/g) ?? [];

describe('reading order', () => {
  it('renders the issue’s example in source order', () => {
    const html = renderBody('- ### Content\n  - one\n  ## two\n  three:\n  - four\n  - five\n  six\n');
    expect(words(html).filter((w) => /^(Content|one|two|three:|four|five|six)$/.test(w))).toEqual(['Content', 'one', 'two', 'three:', 'four', 'five', 'six']);
  });

  type Line = { kind: 'bullet' | 'text'; level: number; heading: boolean };
  const lineArb: fc.Arbitrary<Line> = fc.record({ kind: fc.constantFrom('bullet' as const, 'text' as const), level: fc.nat(4), heading: fc.boolean() });
  const outlineArb = fc
    .record({ unit: fc.constantFrom('\t', '  ', '    '), lines: fc.array(lineArb, { minLength: 1, maxLength: 30 }) })
    .map(({ unit, lines }) => {
      let n = 0;
      let depth = -1; // depth of the last bullet; -1 before any
      const out: string[] = [];
      for (const l of lines) {
        const word = () => `w${++n}`;
        if (l.kind === 'bullet') {
          depth = Math.min(l.level, depth + 1);
          const indent = unit.repeat(depth);
          if (l.heading) out.push(`${indent}- ## ${word()}`, `${indent}  ${word()}`);
          else out.push(`${indent}- ${word()}`);
        } else {
          // Text under the bullet at depth `level - 1` (its content column), or at column 0.
          const level = depth < 0 ? 0 : Math.min(l.level, depth + 1);
          const indent = level === 0 ? '' : `${unit.repeat(level - 1)}  `;
          if (level === 0) depth = -1;
          if (l.heading) out.push(`${indent}## ${word()}`, `${indent}${word()}`);
          else out.push(`${indent}${word()}`);
        }
      }
      return `${out.join('\n')}\n`;
    });

  it('keeps every word of a random outline, in source order', () => {
    fc.assert(
      fc.property(outlineArb, (body) => {
        const html = renderBody(body);
        expect(words(html).filter((w) => /^w\d+$/.test(w))).toEqual(tokens(body));
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
