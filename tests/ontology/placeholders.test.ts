// Specification of `todo-placeholder` (src/lib/ontology/placeholders.ts): a published page that still
// holds one of the new-term scaffold's TODO sentences is warned about on the line of each; any other
// "TODO" an editor writes is left alone, and so is a withheld draft.
import { describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { readPage } from '../../src/lib/logseq/read.ts';
import { graphFromPages } from '../../src/lib/ontology/load.ts';
import { PLACEHOLDERS, placeholderDiagnostics } from '../../src/lib/ontology/placeholders.ts';

const graphOf = (files: Record<string, string>) =>
  graphFromPages(
    Object.entries(files).map(([f, t]) => readPage(t, f)),
    { publishAll: false, domains: defaultDomains },
  );
const page = (definition: string, body: string, isPublic = true) =>
  `- ### OntologyBlock\n\t- term-id:: AI-0001\n\t- preferred-term:: Weight Folding\n\t- public-access:: ${isPublic}\n\t- definition:: ${definition}\n${body}`;

describe('todo-placeholder', () => {
  it("warns on each of the scaffold's sentences still in a published page, on its line", () => {
    const text = page(
      PLACEHOLDERS.definition('Weight Folding'),
      `\n## Overview\n- ${PLACEHOLDERS.overview('Weight Folding')}\n\n## References\n- ${PLACEHOLDERS.references()}\n`,
    );
    const ds = graphOf({ 'Weight Folding.md': text }).diagnostics;
    expect(ds.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['todo-placeholder', 'warning', 5],
      ['todo-placeholder', 'warning', 8],
      ['todo-placeholder', 'warning', 11],
    ]);
    expect(ds[0].message).toBe(
      'the definition is still the TODO text of the new-term scaffold; write the definition (one to three sentences), or mark the page public-access: false until it is ready',
    );
  });

  it('finds them in front matter and in a Markdown body too', () => {
    const text = `---\nterm-id: AI-0002\npreferred-term: Jacobian\npublic-access: true\ndefinition: ${JSON.stringify(PLACEHOLDERS.definition('Jacobian'))}\n---\n\n## References\n\n- ${PLACEHOLDERS.references()}\n`;
    expect(graphOf({ 'Jacobian.md': text }).diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['todo-placeholder', 5],
      ['todo-placeholder', 10],
    ]);
  });

  it('leaves any other TODO alone', () => {
    const text = page(
      'A fold merges two weight matrices into one.',
      '- TODO: add a figure.\n- TODO explain this in our own words\n- The word TODO: cite real sources is quoted here without the rest.\n',
    );
    expect(graphOf({ 'Weight Folding.md': text }).diagnostics).toEqual([]);
  });

  it('leaves a withheld draft alone', () => {
    const text = page(PLACEHOLDERS.definition('Weight Folding'), `- ${PLACEHOLDERS.references()}\n`, false);
    expect(graphOf({ 'Weight Folding.md': text }).diagnostics).toEqual([]);
    // The detector itself does not know about publication: extraction asks it for published pages only.
    expect(placeholderDiagnostics(readPage(text, 'Weight Folding.md'))).toHaveLength(2);
  });
});
