// Logseq outline parser: the text of a page → page properties plus a tree of blocks, each with its
// text, `key:: value` properties, children and 1-based source lines. It takes every dialect real
// graphs use (GUIDE §2): tabs, 2/4 spaces or mixed indentation (depth is relative to the parent
// bullet), continuation lines, property groups, dangling bullets, blank lines, code fences (nested,
// unterminated), prose and headings at column 0. Text written under a bullet after its child bullets
// becomes a prose child in source order, so nothing is read out of order. Fenced `json-ld` blocks are
// data: they are taken out of the text and returned on their own. It never throws; problems become
// diagnostics.
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { type FenceMap, fenceOpening, scanFences } from './fences.ts';
import { isJsonLdInfo, readJsonLd } from './json-ld.ts';
import type { Block, JsonLdBlock, Property } from './types.ts';

export interface OutlineResult {
  pageProperties: Property[];
  blocks: Block[];
  jsonLd: JsonLdBlock[];
  diagnostics: Diagnostic[];
}

const TAB_WIDTH = 4;
const PROPERTY_KEY = /^[A-Za-z0-9_][A-Za-z0-9_\-:./]*$/;
const HEADING_VALUE = /^#{1,6}\s/;

/** Visual indentation of a line (tabs to the next multiple of 4) and where its content starts. */
export function measureIndent(line: string): { width: number; offset: number } {
  let width = 0;
  let offset = 0;
  while (offset < line.length) {
    const ch = line.charCodeAt(offset);
    if (ch === 32) width += 1;
    else if (ch === 9) width += TAB_WIDTH - (width % TAB_WIDTH);
    else break;
    offset++;
  }
  return { width, offset };
}

/** Removes up to `columns` visual columns of leading whitespace. */
function dedent(line: string, columns: number): string {
  let width = 0;
  let offset = 0;
  while (offset < line.length && width < columns) {
    const ch = line.charCodeAt(offset);
    if (ch === 32) width += 1;
    else if (ch === 9) width += TAB_WIDTH - (width % TAB_WIDTH);
    else break;
    offset++;
  }
  return line.slice(offset);
}

export type PropertyMatch = { kind: 'property'; key: string; value: string } | { kind: 'malformed' } | null;

/** Recognises `key:: value` (also `key::` with an empty value and namespaced keys like `owl:class::`). */
export function matchProperty(content: string): PropertyMatch {
  const idx = content.indexOf('::');
  if (idx < 0) return null;
  const after = content.charCodeAt(idx + 2);
  if (!(Number.isNaN(after) || after === 32 || after === 9)) return null;
  const key = content.slice(0, idx);
  if (key.trim() === '') return { kind: 'malformed' };
  if (!PROPERTY_KEY.test(key)) return null;
  return { kind: 'property', key: key.toLowerCase(), value: content.slice(idx + 2).trim() };
}

function isBullet(content: string): boolean {
  return content.charCodeAt(0) === 45 /* - */ && (content.length === 1 || content.charCodeAt(1) === 32 || content.charCodeAt(1) === 9);
}

interface OpenBlock {
  block: Block;
  indent: number;
  contentIndent: number;
  lines: string[];
  pendingBlank: number;
}

export function parseOutline(text: string, file: string, firstLine = 1): OutlineResult {
  const lines = text.split(/\r?\n/);
  const diagnostics: Diagnostic[] = [];
  const fences: FenceMap = scanFences(lines);
  for (const opener of fences.unclosed) {
    diagnostics.push(
      diagnostic('unclosed-fence', file, opener + firstLine, 'this ``` code fence is never closed; the lines after it are read as ordinary text'),
    );
  }

  const pageProperties: Property[] = [];
  const jsonLd: JsonLdBlock[] = [];
  const roots: Block[] = [];
  const stack: OpenBlock[] = [];
  const textOf = new Map<Block, OpenBlock>();
  let prose: OpenBlock | null = null;
  /** The block receiving continuation lines and fence content. */
  let current: OpenBlock | null = null;
  /** A property whose value was a Markdown heading: the next text line is its real value. */
  let awaiting = null as { property: Property; open: OpenBlock } | null;
  let inHeader = true;

  const open = (kind: Block['kind'], lineNo: number, indent: number, contentIndent: number): OpenBlock => {
    const block: Block = { kind, text: '', properties: [], children: [], line: lineNo, endLine: lineNo };
    const entry: OpenBlock = { block, indent, contentIndent, lines: [], pendingBlank: 0 };
    textOf.set(block, entry);
    return entry;
  };
  const appendText = (entry: OpenBlock, line: string, lineNo: number) => {
    if (entry.lines.length > 0) for (; entry.pendingBlank > 0; entry.pendingBlank--) entry.lines.push('');
    entry.pendingBlank = 0;
    entry.lines.push(line);
    entry.block.endLine = lineNo;
  };
  const addProperty = (entry: OpenBlock, key: string, value: string, lineNo: number) => {
    const property: Property = { key, value, line: lineNo };
    entry.block.properties.push(property);
    entry.block.endLine = lineNo;
    awaiting = HEADING_VALUE.test(value) ? { property, open: entry } : null;
  };
  const malformed = (lineNo: number) =>
    diagnostics.push(diagnostic('malformed-property', file, lineNo, 'this `:: value` line has no property name before the `::`'));
  /** Opens a bullet at visual indentation `width`, under the nearest open bullet that is less indented. */
  const openBullet = (lineNo: number, width: number): OpenBlock => {
    awaiting = null;
    prose = null;
    while (stack.length > 0 && stack[stack.length - 1].indent >= width) stack.pop();
    const entry = open('bullet', lineNo, width, width + 2);
    const parent = stack.length > 0 ? stack[stack.length - 1].block : null;
    (parent ? parent.children : roots).push(entry.block);
    stack.push(entry);
    current = entry;
    return entry;
  };
  /**
   * Where a continuation line of `owner` goes: its own text while it has no children; after child
   * bullets, a prose child (kept while no other bullet intervenes), so the text stays in source order.
   */
  const textTarget = (owner: OpenBlock, lineNo: number): OpenBlock => {
    const kids = owner.block.children;
    if (kids.length === 0) return owner;
    const last = kids[kids.length - 1];
    if (last.kind === 'prose' && current !== null && current.block === last) return current;
    const entry = open('prose', lineNo, owner.indent, owner.contentIndent);
    kids.push(entry.block);
    return entry;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + firstLine;

    // Inside a fenced code block: the line belongs, verbatim, to the block that opened the fence.
    if (fences.inside[i] && current) {
      appendText(current, dedent(raw, current.contentIndent), lineNo);
      continue;
    }

    const { width, offset } = measureIndent(raw);
    if (offset === raw.length) {
      if (current) current.pendingBlank++;
      continue;
    }

    // A fenced json-ld block is data: read it, keep the outline structure, show none of its text.
    // Invalid JSON is reported and then read as an ordinary code fence, so the editor sees it.
    if (fences.opener[i] && isJsonLdInfo(fenceOpening(raw)?.info ?? '')) {
      const close = fences.closing[i];
      const read = readJsonLd(lines.slice(i + 1, close).join('\n'), lineNo, close + firstLine, file);
      if ('block' in read) {
        jsonLd.push(read.block);
        inHeader = false;
        awaiting = null;
        if (isBullet(raw.slice(offset))) openBullet(lineNo, width).block.endLine = close + firstLine;
        else if (width === 0) stack.length = 0; // like any column-0 text, it ends the outline above it
        i = close;
        continue;
      }
      diagnostics.push(read.error);
    }

    const content = raw.slice(offset).trimEnd();

    // Page properties: `key:: value` lines at column 0 before anything else.
    if (inHeader) {
      const m = width === 0 ? matchProperty(content) : null;
      if (m && m.kind === 'property') {
        pageProperties.push({ key: m.key, value: m.value, line: lineNo });
        continue;
      }
      inHeader = false;
    }

    if (isBullet(content)) {
      const entry = openBullet(lineNo, width);
      const body = content.slice(1).trimStart();
      const m = fences.opener[i] ? null : matchProperty(body);
      if (m && m.kind === 'property') addProperty(entry, m.key, m.value, lineNo);
      else if (m && m.kind === 'malformed') malformed(lineNo);
      else if (body !== '') appendText(entry, body, lineNo);
      continue;
    }

    const m = fences.opener[i] ? null : matchProperty(content);

    // A heading-valued property (`definition:: ### Primary Definition`) takes the next text line.
    if (awaiting && m?.kind !== 'property') {
      const { property, open: owner } = awaiting;
      property.value = content.trim();
      owner.block.endLine = lineNo;
      awaiting = null;
      continue;
    }

    if (width === 0) {
      // Column 0 text ends the outline above it: headings and paragraphs between bullets.
      stack.length = 0;
      const startsHeading = content.charCodeAt(0) === 35 /* # */;
      if (!prose || startsHeading || current !== prose) {
        prose = open('prose', lineNo, 0, 0);
        roots.push(prose.block);
      }
      current = prose;
      if (m && m.kind === 'property') addProperty(prose, m.key, m.value, lineNo);
      else if (m && m.kind === 'malformed') malformed(lineNo);
      else appendText(prose, raw.trimEnd(), lineNo);
      continue;
    }

    // An indented line that is not a bullet continues the nearest open block that is less indented;
    // the deeper bullets it passes are closed (a later bullet cannot nest under them).
    let owner: OpenBlock | null = null;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k].indent < width) {
        owner = stack[k];
        stack.length = k + 1;
        break;
      }
    }
    if (!owner) {
      if (!prose) {
        prose = open('prose', lineNo, 0, 0);
        roots.push(prose.block);
      }
      owner = prose;
    }
    if (m && m.kind === 'property') {
      current = owner;
      addProperty(owner, m.key, m.value, lineNo);
    } else if (m && m.kind === 'malformed') {
      current = owner;
      malformed(lineNo);
    } else if (owner.block.kind === 'prose') {
      current = owner;
      appendText(owner, raw.trimEnd(), lineNo);
    } else {
      const target = textTarget(owner, lineNo);
      current = target;
      appendText(target, dedent(raw, owner.contentIndent).trimEnd(), lineNo);
    }
  }

  for (const [block, entry] of textOf) block.text = entry.lines.join('\n');
  return { pageProperties, blocks: roots, jsonLd, diagnostics };
}
