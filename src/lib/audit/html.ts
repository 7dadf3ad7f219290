// One parse5 pass over one HTML page, collecting the facts every check needs: doctype, title, parse
// errors, ids and anchor names (with lines), URL-bearing attributes, script elements, event-handler
// attributes, embedding elements, and the page's visible and attribute text for the leak scan.
// Checks interpret these facts; they never re-parse the page.
import { type ParserError, parse, type DefaultTreeAdapterTypes as T } from 'parse5';

export interface AttrFact {
  tag: string;
  /** Attribute name with its namespace prefix, e.g. `href`, `xlink:href`, `onclick`. */
  name: string;
  value: string;
  line: number;
}

export interface ScriptFact {
  line: number;
  attrs: Record<string, string>;
}

export interface TextPart {
  /** Offset of this part in `PageFacts.text`. */
  offset: number;
  line: number;
}

export interface PageFacts {
  file: string;
  hasHtmlDoctype: boolean;
  /** Text of the first <title>, or null when the page has none. */
  title: string | null;
  parseErrors: ParserError[];
  /** id → lines of every element carrying it. */
  ids: Map<string, number[]>;
  /** `name` attributes of <a> elements (legacy fragment targets). */
  anchorNames: Set<string>;
  /** Every href/src/action/formaction attribute (any namespace prefix). */
  urls: AttrFact[];
  /** Attributes whose name starts with `on`. */
  eventHandlers: AttrFact[];
  scripts: ScriptFact[];
  /** <iframe>, <object> and <embed> elements. */
  embeds: { tag: string; line: number }[];
  /** Text nodes and attribute values in document order, separated by PART_SEPARATOR. */
  text: string;
  textParts: TextPart[];
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction']);
const EMBED_TAGS = new Set(['iframe', 'object', 'embed']);
/** Attributes whose values are markup plumbing rather than readable text. */
const NON_TEXT_ATTRS = new Set(['class', 'id', 'style', 'href', 'src', 'srcset', 'rel', 'type', 'lang', 'dir', 'width', 'height', 'viewbox', 'd', 'xmlns']);

/** Between text nodes: a space for word splitting plus a non-word character, so the leak scan sees
 *  the start of an element's text as a place where a sentence may begin. */
const PART_SEPARATOR = ' \u0001 ';

const isElement = (n: T.Node): n is T.Element => 'tagName' in n;

export function parsePage(file: string, html: string): PageFacts {
  const facts: PageFacts = {
    file,
    hasHtmlDoctype: false,
    title: null,
    parseErrors: [],
    ids: new Map(),
    anchorNames: new Set(),
    urls: [],
    eventHandlers: [],
    scripts: [],
    embeds: [],
    text: '',
    textParts: [],
  };
  const doc = parse(html, { sourceCodeLocationInfo: true, onParseError: (e) => facts.parseErrors.push(e) });
  const chunks: string[] = [];
  let length = 0;
  const addText = (value: string, line: number): void => {
    if (!/\S/.test(value)) return;
    facts.textParts.push({ offset: length, line });
    chunks.push(value, PART_SEPARATOR);
    length += value.length + PART_SEPARATOR.length;
  };

  for (const child of doc.childNodes) {
    if (child.nodeName === '#documentType' && (child as T.DocumentType).name.toLowerCase() === 'html') facts.hasHtmlDoctype = true;
  }

  // Iterative depth-first walk (pages can nest deeply; recursion could overflow the stack).
  const stack: T.Node[] = [...doc.childNodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') {
      const t = node as T.TextNode;
      addText(t.value, t.sourceCodeLocation?.startLine ?? 0);
      continue;
    }
    if (!isElement(node)) continue;
    const loc = node.sourceCodeLocation;
    const line = loc?.startLine ?? 0;
    const tag = node.tagName;
    for (const attr of node.attrs) {
      const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
      const attrLine = loc?.attrs?.[name]?.startLine ?? loc?.attrs?.[attr.name]?.startLine ?? line;
      if (attr.name === 'id') {
        const lines = facts.ids.get(attr.value);
        if (lines) lines.push(attrLine);
        else facts.ids.set(attr.value, [attrLine]);
      } else if (attr.name === 'name' && tag === 'a') {
        facts.anchorNames.add(attr.value);
      }
      if (URL_ATTRS.has(attr.name)) facts.urls.push({ tag, name, value: attr.value, line: attrLine });
      if (attr.name.length > 2 && attr.name.startsWith('on')) facts.eventHandlers.push({ tag, name, value: attr.value, line: attrLine });
      if (!NON_TEXT_ATTRS.has(attr.name)) addText(attr.value, attrLine);
    }
    if (tag === 'script') facts.scripts.push({ line, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) });
    else if (EMBED_TAGS.has(tag)) facts.embeds.push({ tag, line });
    else if (tag === 'title' && facts.title === null && node.namespaceURI === HTML_NS) {
      facts.title = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join('');
    }
    const children = tag === 'template' ? (node as T.Template).content.childNodes : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  facts.text = chunks.join('');
  return facts;
}

/** Line of a character offset in `PageFacts.text`. */
export function lineAtTextOffset(facts: PageFacts, offset: number): number {
  const parts = facts.textParts;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return parts[lo]?.line ?? 0;
}
