// Should the Markdown parser (Sätteri) ever fail on a block, the page still renders: that block is
// shown as plain text, the blocks around it as usual, and the failure is a `parse-error` diagnostic
// on the block's line. (The failure is simulated: Sätteri is replaced by a wrapper that throws on a
// marker and calls the real parser otherwise.)
import { describe, expect, it, vi } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { makeRenderContext } from '../../src/lib/build/render-page.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { renderBlocks } from '../../src/lib/render/pipeline.ts';

vi.mock('satteri', async (importOriginal) => {
  const real = await importOriginal<typeof import('satteri')>();
  return {
    ...real,
    markdownToMdast: (text: string, options: Parameters<typeof real.markdownToMdast>[1]) => {
      if (text.includes('PARSER-BREAKS-HERE')) throw new Error('simulated parser fault');
      return real.markdownToMdast(text, options);
    },
  };
});

describe('a block the Markdown parser fails on', () => {
  it('is shown as text and reported, and the rest of the page renders', () => {
    const source =
      '- ### OntologyBlock\n\t- term-id:: AI-0100\n\t- preferred-term:: Page\n\t- public-access:: true\n- First **bold** block.\n- PARSER-BREAKS-HERE with *stars*\n- Third block.\n';
    const build = graphFromPages([readPage(source, 'page.md')], { publishAll: false, domains: defaultDomains });
    const record = build.records[0];
    const r = renderBlocks(record.body, 'page.md', makeRenderContext(build), 'Page');
    expect(r.html).toContain('<strong>bold</strong>');
    expect(r.html).toContain('PARSER-BREAKS-HERE with *stars*');
    expect(r.html).toContain('Third block.');
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', file: 'page.md', line: 6 })]);
    expect(r.diagnostics[0].message).toContain('simulated parser fault');
  });
});
