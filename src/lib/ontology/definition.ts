// Finding a concept's definition wherever editors put it (GUIDE §2): a `definition::` property
// (its value, or, when the value is only a heading such as `### Primary Definition`, the text of the
// bullet under it), or a `Definition` section of the page (`- ### Definition` with the text in a
// child bullet, on the lines under the heading, or in the bullets after it). A section's text that
// becomes the lead is taken out of the body, so the page does not say it twice; the same goes for an
// `In Plain Terms` section that repeats the plain-language gloss.
import type { Block, Property } from '../logseq/types.ts';
import { isPropertyOnly } from './ontology-block.ts';

export interface FoundText {
  text: string;
  line: number;
}

const HEADING_ONLY = /^#{1,6}\s+\S/;

/** Whether a property value is only a heading (`### Primary Definition`): a label, not the text. */
export function isHeadingValue(value: string): boolean {
  return HEADING_ONLY.test(value.trim()) && !value.trim().includes('\n');
}

/** The first child of `b` holding text (not a property bullet), with the line it starts on. */
function firstTextChild(b: Block): { child: Block; index: number } | null {
  for (let k = 0; k < b.children.length; k++) {
    const c = b.children[k];
    if (c.text.trim() !== '' && !isHeadingValue(c.text)) return { child: c, index: k };
    if (!isPropertyOnly(c)) return null;
  }
  return null;
}

/**
 * The definition a `definition::` property gives: its value, or for a heading value the text of the
 * first child bullet of the block that holds the property. Null when there is no text.
 */
export function definitionFromProperty(p: Property, holder: () => Block | undefined): FoundText | null {
  const value = p.value.trim();
  if (value === '') return null;
  if (!isHeadingValue(value)) return { text: value, line: p.line };
  const block = holder();
  const found = block ? firstTextChild(block) : null;
  return found ? { text: found.child.text.trim(), line: found.child.line } : null;
}

const DEFINITION_SECTION = /^(?:#{1,6}\s+|\*\*)\s*(?:primary\s+)?definition\s*:?\s*(?:\*\*)?\s*:?$/i;
const GLOSS_SECTION = /^(?:#{1,6}\s+|\*\*)\s*(?:in\s+plain\s+(?:terms|words|language)|plain[-\s]language(?:\s+gloss)?)\s*:?\s*(?:\*\*)?\s*:?$/i;

const startsHeading = (b: Block) => /^#{1,6}\s/.test(b.text) || b.text.trim() === '';

/**
 * A `Definition` section among the top-level blocks: its first text becomes the definition, and the
 * returned body has that text taken out (the rest of the section stays where it was).
 */
export function definitionSection(blocks: readonly Block[]): { found: FoundText; body: Block[] } | null {
  return sectionText(blocks, DEFINITION_SECTION);
}

/** An `In Plain Terms` section: its first text, and the body without it (see definitionSection). */
export function glossSection(blocks: readonly Block[]): { found: FoundText; body: Block[] } | null {
  return sectionText(blocks, GLOSS_SECTION);
}

/** The first text of the first top-level section whose heading line matches `heading`. */
function sectionText(blocks: readonly Block[], heading: RegExp): { found: FoundText; body: Block[] } | null {
  for (let at = 0; at < blocks.length; at++) {
    const b = blocks[at];
    const [first, ...rest] = b.text.split('\n');
    if (!heading.test(first.trim())) continue;
    const body = [...blocks];
    // 1. Text on the lines under the heading, in the same block (a paragraph, up to a blank line).
    const restText = rest.join('\n').trim();
    if (restText !== '') {
      const paragraph = restText.split(/\n\s*\n/)[0];
      const remaining = restText.slice(paragraph.length).trim();
      body[at] = { ...b, text: remaining === '' ? first : `${first}\n\n${remaining}` };
      return { found: { text: paragraph.trim(), line: b.line + 1 }, body };
    }
    // 2. The first child bullet holding text.
    const child = firstTextChild(b);
    if (child) {
      const children = [...b.children.slice(0, child.index), ...child.child.children, ...b.children.slice(child.index + 1)];
      body[at] = { ...b, children };
      return { found: { text: child.child.text.trim(), line: child.child.line }, body };
    }
    if (b.children.some((c) => !isPropertyOnly(c))) return null;
    // 3. The next top-level bullet, when the section's text follows the heading bullet as a sibling.
    const next = blocks[at + 1];
    if (b.kind === 'bullet' && next && next.kind === 'bullet' && !startsHeading(next)) {
      body.splice(at + 1, 1, ...next.children);
      return { found: { text: next.text.trim(), line: next.line }, body };
    }
    return null;
  }
  return null;
}
