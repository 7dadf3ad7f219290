// Page reader: the bytes of one file → a ParsedPage. Decides the dialect (Logseq outline, Markdown
// with YAML front matter, MDX), validates the encoding, and turns every failure into a diagnostic:
// it never throws, whatever the input (bad UTF-8, binary data, broken front matter, huge lines).
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { pageNameFromFile } from './filename.ts';
import { parseOutline } from './outline.ts';
import type { Block, PageFormat, ParsedPage, Property } from './types.ts';
import { explainYamlError } from './yaml-errors.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** 1-based line of byte offset `at` in `bytes`. */
function lineAtByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let k = 0; k < at && k < bytes.length; k++) if (bytes[k] === 10) line++;
  return line;
}

/** Offset of the first byte that is not valid UTF-8, scanning a small window per sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let k = 0;
  while (k < bytes.length) {
    const b = bytes[k];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return k;
    for (let j = 1; j <= need; j++) if (k + j >= bytes.length || (bytes[k + j] & 0xc0) !== 0x80) return k;
    k += need + 1;
  }
  return 0;
}

function decode(bytes: Uint8Array, file: string): { text: string } | { error: Diagnostic } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { error: diagnostic('parse-error', file, lineAtByte(bytes, nul), 'the file contains binary data (a NUL byte); save it as UTF-8 text') };
  }
  // Fast path: Buffer's decoder replaces bad sequences with U+FFFD; only then is the strict one needed.
  const loose = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!loose.includes('\uFFFD')) return { text: loose };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { error: diagnostic('parse-error', file, lineAtByte(bytes, at), 'the file is not valid UTF-8; save it as UTF-8 text') };
  }
}

function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(stringifyValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Normalises front-matter values: dates become `YYYY-MM-DD`, nested values stay as they are. */
function normaliseFrontMatter(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k.toLowerCase()] = v instanceof Date ? stringifyValue(v) : Array.isArray(v) ? v.map((x) => (x instanceof Date ? stringifyValue(x) : x)) : v;
  }
  return out;
}

/** A `key: value` line of YAML (not a Logseq `key:: value` property). */
const YAML_KEY_LINE = /^[^\s:#-][^:]*:(?!:)(?:\s|$)/;

/**
 * Lines taken by a front matter block that starts the text (0 when there is none), or `unclosed`
 * when a `---` line opens one (the next line that says anything is a YAML `key: value`) and no
 * `---` line ever closes it.
 */
function frontMatterLines(text: string): number | 'unclosed' {
  if (!/^---[ \t]*\r?\n/.test(text)) return 0;
  const lines = text.split(/\r?\n/);
  for (let k = 1; k < lines.length; k++) if (/^(---|\.\.\.)[ \t]*$/.test(lines[k])) return k + 1;
  const first = lines.slice(1).find((l) => l.trim() !== '');
  return first !== undefined && YAML_KEY_LINE.test(first) ? 'unclosed' : 0;
}

export function readPage(bytes: Uint8Array | string, file: string, options: { digest?: boolean } = {}): ParsedPage {
  const base = file.split('/').pop() ?? file;
  const format: PageFormat = /\.mdx$/i.test(file) ? 'mdx' : 'logseq';
  const page: ParsedPage = {
    file,
    name: pageNameFromFile(base),
    format,
    pageProperties: [],
    frontMatter: null,
    blocks: [],
    jsonLd: [],
    lineCount: 0,
    digest: options.digest === false ? '' : createHash('sha1').update(bytes).digest('base64url'),
    empty: false,
    diagnostics: [],
  };
  let text: string;
  if (typeof bytes === 'string') text = bytes;
  else {
    const decoded = decode(bytes, file);
    if ('error' in decoded) {
      page.diagnostics.push(decoded.error);
      return page;
    }
    text = decoded.text;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  page.lineCount = text === '' ? 0 : countLines(text);
  if (text.trim() === '') {
    page.empty = true;
    return page;
  }

  const fmLines = frontMatterLines(text);
  if (fmLines === 'unclosed') {
    page.diagnostics.push(
      diagnostic('parse-error', file, 1, 'the front matter that starts here is never closed; add a line with three dashes (---) after its last key'),
    );
    return page;
  }
  if (fmLines > 0) {
    let parsed: { data: Record<string, unknown>; content: string };
    try {
      parsed = matter(text, {});
    } catch (err) {
      const { line, message } = explainYamlError(err, text.split(/\r?\n/, fmLines).slice(1, fmLines - 1), 2);
      page.diagnostics.push(diagnostic('parse-error', file, line, message));
      return page;
    }
    const data = normaliseFrontMatter(parsed.data ?? {});
    page.frontMatter = data;
    page.format = format === 'mdx' ? 'mdx' : 'markdown';
    const keyLines = frontMatterKeyLines(text, fmLines);
    page.pageProperties = Object.entries(data).map(([key, value]): Property => ({ key, value: stringifyValue(value), line: keyLines.get(key) ?? 1 }));
    const body = parsed.content.replace(/^\r?\n/, '');
    const bodyStart = page.lineCount - countLines(body) + 1;
    if (body.trim() !== '') page.blocks = [proseBlock(body, bodyStart)];
    return page;
  }
  if (format === 'mdx') {
    page.blocks = [proseBlock(text, 1)];
    return page;
  }

  const outline = parseOutline(text, file, 1);
  page.pageProperties = outline.pageProperties;
  page.blocks = outline.blocks;
  page.jsonLd = outline.jsonLd;
  page.diagnostics.push(...outline.diagnostics);
  return page;
}

/** 1-based line of each top-level front matter key (lower-cased). */
function frontMatterKeyLines(text: string, fmLines: number): Map<string, number> {
  const lines = text.split(/\r?\n/, fmLines);
  const out = new Map<string, number>();
  for (let k = 1; k < lines.length; k++) {
    const m = /^([^\s:#][^:]*):/.exec(lines[k]);
    if (m && !out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), k + 1);
  }
  return out;
}

function countLines(text: string): number {
  let n = 1;
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

function proseBlock(text: string, line: number): Block {
  const trimmed = text.replace(/\s+$/, '');
  return { kind: 'prose', text: trimmed, properties: [], children: [], line, endLine: line + trimmed.split('\n').length - 1 };
}
