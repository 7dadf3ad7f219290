// Logseq outline → one Markdown syntax tree (mdast) that reads like a document: heading bullets become
// headings, runs of long single-level bullets become paragraphs, other bullets become nested lists,
// tables/code/display math stand on their own, `collapsed:: true` blocks become <details>. Block
// properties never appear (the parser already took them out of the text). Each block's text is parsed
// with GFM and math; node positions are shifted to the block's real line in the file.
import type { BlockContent, DefinitionContent, List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { Math as MathNode } from 'mdast-util-math';
import { markdownToMdast } from 'satteri';
import type { Block } from '../logseq/types.ts';
import { escapeStrayDollars } from './dollars.ts';

type Flow = BlockContent | DefinitionContent;

const SATTERI_FEATURES = { features: { gfm: true, math: true, frontmatter: false } } as const;

/** A text the parser failed on: where it starts and what the parser said. */
export interface ParseFailure {
  line: number;
  message: string;
}

declare module 'mdast' {
  interface RootData {
    /** Texts Sätteri failed on (each is shown as plain text); the renderer reports them. */
    kbParseFailures?: ParseFailure[];
  }
}

/**
 * Brings Sätteri's tree to the shape micromark gives: math nodes get mdast-util-math's hints for
 * remark-rehype (`$…$` → <code class="language-math math-inline">, `$$…$$` → <pre><code …>), and
 * adjacent text nodes are merged.
 */
function likeMicromark(node: Root | RootContent): void {
  const stack: (Root | RootContent)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Root | RootContent;
    if (n.type === 'inlineMath') {
      n.data = { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value: n.value }] };
    } else if (n.type === 'math') {
      n.data = {
        hName: 'pre',
        hChildren: [
          { type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: n.value }] },
        ],
      };
    } else if ('children' in n) {
      // Sätteri can leave a run of text in two adjacent text nodes where micromark makes one.
      const kids = n.children as RootContent[];
      for (let k = kids.length - 1; k > 0; k--) {
        const a = kids[k - 1];
        const b = kids[k];
        if (a.type === 'text' && b.type === 'text') {
          a.value += b.value;
          if (a.position && b.position) a.position.end = b.position.end;
          kids.splice(k, 1);
        }
      }
      for (const c of kids) stack.push(c);
    }
  }
}

/**
 * Markdown text → mdast with GFM (tables, footnotes, strikethrough, task lists, literal autolinks)
 * and math. Parsed by Sätteri, Astro 7's own Markdown parser (Rust, through N-API): on the shipped
 * content and on generated corpora its trees equal micromark's (what remark-gfm and remark-math run)
 * node for node, positions included (tests/render/parser-equivalence.test.ts), and it parses 40
 * times faster, which was most of the rendering time. NUL characters become U+FFFD first, as
 * CommonMark requires. Should Sätteri fail on a text, the text is shown as it is, as plain text,
 * and the failure is recorded on the tree (`data.kbParseFailures`) for the renderer to report.
 */
export function parseSource(text: string): Root {
  const source = text.includes('\0') ? text.replaceAll('\0', '\uFFFD') : text;
  let tree: Root;
  try {
    tree = markdownToMdast(source, SATTERI_FEATURES) as unknown as Root;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      type: 'root',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: source }], position: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }],
      data: { kbParseFailures: [{ line: 1, message }] },
    };
  }
  likeMicromark(tree);
  return tree;
}

interface Positioned {
  position?: { start: { line: number }; end: { line: number } };
  children?: unknown[];
}

function shiftLines(node: Positioned, by: number): void {
  const stack: Positioned[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Positioned;
    if (n.position) {
      n.position.start.line += by;
      n.position.end.line += by;
    }
    if (n.children) for (const c of n.children) stack.push(c as Positioned);
  }
}

/** A display math node, shaped as mdast-util-math makes them (so remark-rehype emits <pre><code>). */
function displayMath(value: string, position: Paragraph['position']): MathNode {
  return {
    type: 'math',
    value,
    position,
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
    },
  };
}

/**
 * A paragraph holding nothing but `$$…$$` on one line is display math, as editors mean it
 * (CommonMark math, as micromark and Sätteri read it, makes a one-line `$$x$$` inline math).
 */
function promoteDisplayMath(tree: Root): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop() as Parent;
    parent.children.forEach((child, k) => {
      if (child.type === 'paragraph') {
        const kids = child.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const only = kids.length === 1 ? kids[0] : null;
        if (only && only.type === 'inlineMath' && only.position && only.position.end.offset !== undefined && only.position.start.offset !== undefined) {
          const delimiters = only.position.end.offset - only.position.start.offset - only.value.length;
          if (delimiters >= 4) parent.children[k] = displayMath(only.value, child.position);
        }
      } else if ('children' in child) stack.push(child as Parent);
    });
  }
}

/** Plain text of phrasing nodes (a link label). */
function phrasingText(nodes: readonly RootContent[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? phrasingText(n.children as RootContent[]) : '')).join('');
}

const WIKILINK_URL = /^\[\[([^[\]\n]+)\]\]$/;

/**
 * Logseq's `[label]([[Target]])`: a Markdown link whose destination is a wikilink. It becomes the
 * text `[[Target|label]]`, which rehype-wikilinks links to Target (the destination is a page name,
 * not a URL). Without a space in Target the Markdown parser makes it a link; otherwise it stays text,
 * which rehype-wikilinks reads directly.
 */
function wikilinkDestinations(tree: Root): void {
  const stack: Parent[] = [tree];
  while (stack.length > 0) {
    const parent = stack.pop() as Parent;
    parent.children.forEach((child, k) => {
      if (child.type === 'link' && WIKILINK_URL.test(child.url)) {
        const target = (WIKILINK_URL.exec(child.url) as RegExpExecArray)[1];
        const label = phrasingText(child.children)
          .replace(/[[\]|]/g, ' ')
          .trim();
        parent.children[k] = { type: 'text', value: label === '' ? `[[${target}]]` : `[[${target}|${label}]]`, position: child.position };
      } else if ('children' in child) stack.push(child as Parent);
    });
  }
}

/** Parses Markdown text (money dollars escaped) into mdast, with lines counted from `line`. */
export function parseMarkdown(text: string, line = 1): Root {
  const tree = parseSource(escapeStrayDollars(text));
  if (text.includes('$$')) promoteDisplayMath(tree);
  if (text.includes('([[')) wikilinkDestinations(tree);
  if (line !== 1) {
    shiftLines(tree as Positioned, line - 1);
    for (const f of tree.data?.kbParseFailures ?? []) f.line += line - 1;
  }
  return tree;
}

/** A paragraph of its own between two blocks' texts when a page's blocks are parsed as one document. */
const SEPARATOR = '\uE000kb-block\uE000';
const isSeparator = (n: RootContent) => n.type === 'paragraph' && n.children.length === 1 && n.children[0].type === 'text' && n.children[0].value === SEPARATOR;

/**
 * Parses the texts of a page's blocks (each a Markdown document of its own, at its own line) in one
 * parser pass: the texts are joined with a separator paragraph between blank lines, which closes
 * every construct before it, and the tree is cut at the separators. Setting up the parser costs more
 * than parsing a short block, so this is several times faster than one parse per block. Link and
 * footnote definitions then work across the blocks of a page. If a text swallows a separator (an
 * unclosed fence, math block or HTML comment runs to the end of its document), each text is parsed
 * on its own instead, so the result never depends on the joining.
 */
export function parseBlockTexts(texts: readonly { text: string; line: number }[], failures: ParseFailure[] = []): RootContent[][] {
  if (texts.length === 0) return [];
  const eachOnItsOwn = () =>
    texts.map((t) => {
      const tree = parseMarkdown(t.text, t.line);
      failures.push(...(tree.data?.kbParseFailures ?? []));
      return tree.children;
    });
  if (texts.length === 1 || texts.some((t) => t.text.includes(SEPARATOR))) return eachOnItsOwn();
  const starts: number[] = [];
  const parts: string[] = [];
  let line = 1;
  for (const t of texts) {
    if (parts.length > 0) {
      parts.push(`\n\n${SEPARATOR}\n\n`);
      line += 4;
    }
    starts.push(line);
    const escaped = escapeStrayDollars(t.text);
    parts.push(escaped);
    for (let k = escaped.indexOf('\n'); k >= 0; k = escaped.indexOf('\n', k + 1)) line++;
  }
  const tree = parseSource(parts.join(''));
  // A failure on the joined text: parse each text on its own, so the failure is pinned to its block.
  if (tree.data?.kbParseFailures) return eachOnItsOwn();
  if (texts.some((t) => t.text.includes('$$'))) promoteDisplayMath(tree);
  if (texts.some((t) => t.text.includes('([['))) wikilinkDestinations(tree);
  const segments: RootContent[][] = [[]];
  for (const n of tree.children) {
    if (isSeparator(n)) segments.push([]);
    else segments[segments.length - 1].push(n);
  }
  if (segments.length !== texts.length) return eachOnItsOwn();
  segments.forEach((nodes, k) => {
    const by = texts[k].line - starts[k];
    if (by !== 0) for (const n of nodes) shiftLines(n as Positioned, by);
  });
  return segments;
}

const isCollapsed = (b: Block) => b.properties.some((p) => p.key === 'collapsed' && /^true$/i.test(p.value));

/** A bullet that reads as a paragraph: no children, and prose-length text. */
function isParagraphLike(b: Block, parsed: RootContent[]): boolean {
  return b.children.length === 0 && parsed.length === 1 && parsed[0].type === 'paragraph' && b.text.length >= 140;
}

const DEMO_ONLY = /^\s*\{\{\s*demo\s[^}]*\}\}\s*$/;
const isDemoMacro = (n: RootContent) =>
  n.type === 'paragraph' && n.children.length === 1 && n.children[0].type === 'text' && DEMO_ONLY.test(n.children[0].value);

/** Nodes that should stand on their own rather than sit in a list item. */
const standsAlone = (nodes: RootContent[]) =>
  nodes.length > 0 &&
  nodes.every(
    (n) =>
      n.type === 'table' || n.type === 'code' || n.type === 'math' || n.type === 'heading' || n.type === 'thematicBreak' || n.type === 'html' || isDemoMacro(n),
  );

/** Drops headings whose section is empty (e.g. a `### Relationships` whose bullets were all properties). */
export function dropEmptySections(tree: Root): Root {
  const kids = tree.children;
  const keep: RootContent[] = [];
  for (let k = 0; k < kids.length; k++) {
    const n = kids[k];
    if (n.type === 'heading') {
      const next = kids.slice(k + 1).find((x) => x.type !== 'definition');
      if (!next || (next.type === 'heading' && next.depth <= n.depth)) continue;
    }
    keep.push(n);
  }
  tree.children = keep;
  return tree;
}

function detailsNode(summary: PhrasingContent[], body: Flow[]): Flow {
  // remark-rehype honours hName: this becomes <details><summary>…</summary>…</details>.
  const summaryNode: Paragraph = { type: 'paragraph', children: summary, data: { hName: 'summary' } };
  return { type: 'blockquote', children: [summaryNode, ...body], data: { hName: 'details', hProperties: { className: ['kb-collapsed'] } } };
}

function phrasingOf(nodes: RootContent[]): PhrasingContent[] {
  if (nodes.length === 1 && nodes[0].type === 'paragraph') return nodes[0].children;
  if (nodes.length === 1 && nodes[0].type === 'heading') return nodes[0].children;
  return [{ type: 'text', value: '' }];
}

/** Renders sibling blocks into flow content. */
function siblings(blocks: readonly Block[], nested: boolean, parsedOf: ReadonlyMap<Block, RootContent[]>): Flow[] {
  const out: Flow[] = [];
  let list: List | null = null;
  const parsedCache = blocks.map((b) => parsedOf.get(b) ?? []);
  const paragraphRun =
    !nested &&
    blocks.length > 0 &&
    blocks.every(
      (b, k) =>
        b.kind === 'prose' || b.text === '' || isParagraphLike(b, parsedCache[k]) || parsedCache[k][0]?.type === 'heading' || standsAlone(parsedCache[k]),
    );
  const flush = () => {
    if (list) out.push(list);
    list = null;
  };
  blocks.forEach((b, k) => {
    const parsed = parsedCache[k];
    if (b.kind === 'prose') {
      flush();
      out.push(...(parsed as Flow[]));
      return;
    }
    if (b.text === '' && b.children.length === 0) return; // dangling bullet or property-only bullet
    const heading = parsed.length === 1 && parsed[0].type === 'heading' ? parsed[0] : null;
    if (heading) {
      flush();
      if (isCollapsed(b) && b.children.length > 0) out.push(detailsNode(heading.children, siblings(b.children, false, parsedOf)));
      else out.push(heading, ...siblings(b.children, false, parsedOf));
      return;
    }
    if (isCollapsed(b) && b.children.length > 0) {
      flush();
      out.push(detailsNode(phrasingOf(parsed), siblings(b.children, true, parsedOf)));
      return;
    }
    if ((paragraphRun || standsAlone(parsed)) && b.children.length === 0) {
      flush();
      out.push(...(parsed as Flow[]));
      return;
    }
    const item: ListItem = { type: 'listItem', spread: false, children: [...(parsed as Flow[])] };
    if (b.children.length > 0) item.children.push(...siblings(b.children, true, parsedOf));
    if (item.children.length === 0) return;
    if (!list) list = { type: 'list', ordered: false, spread: false, children: [] };
    list.children.push(item);
  });
  flush();
  return out;
}

/** Removes a leading `# Title` that repeats the page title (the page shows the title itself). */
export function dropTitleHeading(tree: Root, title: string): Root {
  const first = tree.children[0];
  if (first && first.type === 'heading' && first.depth === 1) {
    const text = first.children
      .map((c) => ('value' in c ? c.value : ''))
      .join('')
      .trim();
    if (text.toLowerCase() === title.trim().toLowerCase()) tree.children = tree.children.slice(1);
  }
  return tree;
}

/** The readable body of a page as one mdast tree. */
export function outlineToMdast(blocks: readonly Block[], title?: string): Root {
  const withText: Block[] = [];
  const collect = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.text !== '') withText.push(b);
      collect(b.children);
    }
  };
  collect(blocks);
  const failures: ParseFailure[] = [];
  const parsed = parseBlockTexts(withText, failures);
  const parsedOf = new Map<Block, RootContent[]>(withText.map((b, k) => [b, parsed[k]]));
  const tree = dropEmptySections({ type: 'root', children: siblings(blocks, false, parsedOf) });
  if (failures.length > 0) tree.data = { kbParseFailures: failures };
  return title === undefined ? tree : dropTitleHeading(tree, title);
}
