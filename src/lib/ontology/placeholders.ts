// The placeholder texts of the new-term scaffold (scripts/new-term.ts writes them) and the
// `todo-placeholder` warning for a published page that still holds one. Only these sentences are
// recognised, by their fixed words: a "TODO" an editor writes for any other reason is their business.
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { Block, ParsedPage } from '../logseq/types.ts';

/** The scaffold's placeholders, each a function of the new term's name. */
export const PLACEHOLDERS = {
  definition: (name: string) =>
    `TODO: replace this sentence with a precise one-to-three-sentence definition of ${name}, saying what kind of thing it is and what sets it apart.`,
  relationships: () => 'TODO: add `is-subclass-of:: [[Parent]]` lines (one per parent) and other typed relations.',
  overview: (name: string) => `TODO: explain ${name} in our own words, with its key formula and a worked example where it helps.`,
  references: () => 'TODO: cite real sources with a DOI or arXiv identifier.',
} as const;

type PlaceholderKind = keyof typeof PLACEHOLDERS;

/** How each placeholder is recognised: its fixed words (the term's name may be anything). */
const MARKERS: readonly { kind: PlaceholderKind; pattern: RegExp; says: string }[] = [
  {
    kind: 'definition',
    pattern: /TODO: replace this sentence with a precise one-to-three-sentence definition of /,
    says: 'the definition is still the TODO text of the new-term scaffold; write the definition (one to three sentences)',
  },
  {
    kind: 'relationships',
    pattern: /TODO: add `is-subclass-of:: \[\[Parent\]\]` lines/,
    says: 'this is still the TODO line of the new-term scaffold; replace it with the parents (is-subclass-of:: [[Parent]]) and relations',
  },
  {
    kind: 'overview',
    pattern: /TODO: explain .{1,300}? in our own words/,
    says: 'this is still the TODO text of the new-term scaffold; replace it with the explanation',
  },
  {
    kind: 'references',
    pattern: /TODO: cite real sources with a DOI or arXiv identifier/,
    says: 'this is still the TODO line of the new-term scaffold; cite real sources (a DOI or arXiv id)',
  },
];

function markerIn(text: string): (typeof MARKERS)[number] | undefined {
  if (!text.includes('TODO: ')) return undefined;
  return MARKERS.find((m) => m.pattern.test(text));
}

/**
 * A `todo-placeholder` warning for each placeholder of the scaffold still in the page (its
 * properties, front matter and text), on its line. For published pages: a withheld draft may keep them.
 */
export function placeholderDiagnostics(page: ParsedPage): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (text: string, line: number) => {
    const marker = markerIn(text);
    if (!marker) return;
    out.push(diagnostic('todo-placeholder', page.file, line, `${marker.says}, or mark the page public-access: false until it is ready`));
  };
  for (const p of page.pageProperties) report(p.value, p.line);
  const stack: Block[] = [...page.blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    for (const p of b.properties) report(p.value, p.line);
    if (b.text.includes('TODO: ')) b.text.split('\n').forEach((line, k) => report(line, b.line + k));
    for (let k = b.children.length - 1; k >= 0; k--) stack.push(b.children[k]);
  }
  return out.sort((a, b) => a.line - b.line);
}
