// Test helper: the parser's "every line accounted for" property. A non-blank input line is accounted
// for when it is a page property, lies in some block's line range or a json-ld block, or carries a
// diagnostic.
import type { Block, ParsedPage } from '../../src/lib/logseq/types.ts';

export function unaccountedLines(page: ParsedPage, text: string): number[] {
  const covered = new Set<number>([...page.pageProperties.map((p) => p.line), ...page.diagnostics.map((d) => d.line)]);
  for (const j of page.jsonLd) for (let l = j.line; l <= j.endLine; l++) covered.add(l);
  const visit = (bs: Block[]) => {
    for (const b of bs) {
      for (let l = b.line; l <= b.endLine; l++) covered.add(l);
      for (const p of b.properties) covered.add(p.line);
      visit(b.children);
    }
  };
  visit(page.blocks);
  const missing: number[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() !== '' && !covered.has(k + 1)) missing.push(k + 1);
  });
  return missing;
}
