// Types of a parsed page: what the Logseq outline parser and the front-matter reader produce.
// Plain data (no classes) so that pages can be cached, serialised and compared in tests.
import type { Diagnostic } from '../diagnostics.ts';

/** A property written as `key:: value`; keys are lower-cased, values trimmed. */
export interface Property {
  key: string;
  value: string;
  line: number;
}

export interface Block {
  /**
   * `bullet`: a `- ` outline item; `prose`: text that is not a bullet: column-0 text between bullets
   * (headings, paragraphs), or text written under a bullet after its child bullets (a child of that
   * bullet, in source order).
   */
  kind: 'bullet' | 'prose';
  /** The block's content without the bullet marker, its property lines, or its indentation. */
  text: string;
  properties: Property[];
  children: Block[];
  /** 1-based line of the bullet (or first prose line) and of the block's last line, children excluded. */
  line: number;
  endLine: number;
}

/** A fenced `json-ld` block: ontology data in the JSON-LD dialect (GUIDE §2), never shown as text. */
export interface JsonLdBlock {
  /** 1-based lines of the opening and closing fence. */
  line: number;
  endLine: number;
  /** The parsed JSON value. */
  value: unknown;
  /** The JSON text between the fences (its first line is `line + 1`), for locating properties. */
  source: string;
}

export type PageFormat = 'logseq' | 'markdown' | 'mdx';

export interface ParsedPage {
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** The page name decoded from the file name (`A___B.md` → `A/B`). */
  name: string;
  format: PageFormat;
  /** Page-level properties: Logseq `key:: value` lines at the top, or YAML front matter. */
  pageProperties: Property[];
  /** Raw front matter values, when the page has front matter (lists stay lists). */
  frontMatter: Record<string, unknown> | null;
  /** Outline blocks. A Markdown page has one prose block holding its body. */
  blocks: Block[];
  /** Valid fenced `json-ld` blocks, taken out of the blocks' text. */
  jsonLd: JsonLdBlock[];
  /** Number of lines in the file. */
  lineCount: number;
  /** Content hash of the file's bytes (for caching rendered output). */
  digest: string;
  /** True when the file holds nothing but whitespace. */
  empty: boolean;
  /** Problems found while reading; a page with a `parse-error` has no blocks. */
  diagnostics: Diagnostic[];
}
