// Where a Logseq page keeps its ontology data: the `- ### OntologyBlock` bullet (or `- OntologyBlock`)
// plus the property bullets editors write as its siblings (same indentation, right after it: a lone
// `- term-id:: …`, a `- **Identification**` group). Also the test for bullets that carry nothing but
// properties, which the readable body leaves out.
import type { Block } from '../logseq/types.ts';

export function isOntologyHeading(text: string): boolean {
  return /^#{0,6}\s*ontologyblock\s*$/i.test(text.split('\n', 1)[0].trim());
}

/** A group label: `**Identification**`, `#### Relationships`: one short line of bold or heading. */
function isGroupLabel(text: string): boolean {
  if (text.includes('\n') || text.length > 80) return false;
  return /^\*\*[^*]+\*\*:?$/.test(text) || /^#{1,6}\s+\S.*$/.test(text);
}

function subtreeHasProperty(b: Block): boolean {
  if (b.properties.length > 0) return true;
  return b.children.some(subtreeHasProperty);
}

/** A bullet without any text in its subtree (property bullets, property groups without labels, dangling bullets). */
export function isPropertyOnly(b: Block): boolean {
  return b.kind === 'bullet' && b.text === '' && b.children.every(isPropertyOnly);
}

/** A sibling after the ontology block that belongs to it: a property bullet, or a labelled property group. */
function carriesOntologyData(b: Block): boolean {
  if (b.kind !== 'bullet') return false;
  if (b.text === '') return b.properties.length > 0 || b.children.length > 0 ? subtreeHasProperty(b) : true;
  return (
    isGroupLabel(b.text) &&
    !isOntologyHeading(b.text) &&
    subtreeHasProperty(b) &&
    b.children.every((c) => c.kind === 'bullet' && (c.text === '' || isGroupLabel(c.text)))
  );
}

export interface OntologyRegion {
  /** The `OntologyBlock` bullet, or null when the page has none. */
  block: Block | null;
  /** The blocks holding the ontology data: the block and the siblings that belong to it. */
  blocks: Block[];
}

/** Finds the ontology block among a page's top-level blocks, with the property siblings after it. */
export function findOntologyRegion(blocks: readonly Block[]): OntologyRegion {
  const at = blocks.findIndex((b) => b.kind === 'bullet' && isOntologyHeading(b.text));
  if (at < 0) return { block: null, blocks: [] };
  const region = [blocks[at]];
  for (let k = at + 1; k < blocks.length && carriesOntologyData(blocks[k]); k++) region.push(blocks[k]);
  // Trailing dangling bullets are not part of it.
  while (region.length > 1 && !subtreeHasProperty(region[region.length - 1])) region.pop();
  return { block: blocks[at], blocks: region };
}
