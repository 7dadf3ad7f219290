// A small, self-contained reader of the content folder for the leak audit: decides which pages are
// withheld (no `public:: true` / `public-access:: true`, in outline or front-matter form, nor the
// JSON-LD dialect's `"vc:public": true` in a ```json-ld fence) and collects
// their prose sentences (>= 6 words) with Markdown and Logseq syntax stripped. Independent of the
// real pipeline on purpose, so the audit does not trust the code it audits.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import matter from 'gray-matter';

export interface WithheldPage {
  /** Path relative to the content folder. */
  file: string;
  title: string;
  sentences: string[];
}

interface ReadPage {
  file: string;
  title: string;
  isPublic: boolean;
  sentences: string[];
}

const MIN_WORDS = 6;
const PUBLIC_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:public|public-access)::[ \t]*true[ \t]*$/im;
const PROPERTY_LINE = /^([A-Za-z0-9_.:-]+)::[ \t]?(.*)$/;
const JSON_LD_FENCE = /^[ \t]*(?:[-*+][ \t]+)?```json-?ld[^\n]*\n([\s\S]*?)^[ \t]*```/gim;

/** The JSON-LD dialect says a page is public in its data: `"vc:public": true` inside a ```json-ld fence. */
function jsonLdSaysPublic(text: string): boolean {
  if (!text.includes('vc:public')) return false;
  for (const m of text.matchAll(JSON_LD_FENCE)) if (/"vc:public"\s*:\s*true\b/.test(m[1])) return true;
  return false;
}

/** Word count as the leak matcher counts words. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Markdown / Logseq inline syntax → plain text. */
function plainInline(s: string): string {
  return s
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*(?:\([^)]*\)[^)]*)*\)/g, '$1') // [text](url), ![alt](src)
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/#\[\[([^\]]*)\]\]/g, '$1')
    .replace(/\*\*|__|~~|`/g, '')
    .replace(/(^|[^\p{L}\p{N}])[*_]+|[*_]+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Split prose into sentences and keep those of at least MIN_WORDS words. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/(?<=[.!?]["'”)\]]?)\s+(?=["'“(\[]?[\p{Lu}\p{N}])/u)) {
    const s = raw.trim();
    if (wordsOf(s).length >= MIN_WORDS) out.push(s);
  }
  return out;
}

/** Prose lines of a page body: bullets, heading marks and property keys removed; code and tables skipped. */
function proseLines(body: string): string[] {
  const out: string[] = [];
  let fence: string | null = null;
  for (const rawLine of body.split(/\r?\n/)) {
    let line = rawLine.trim();
    const fenceMatch = /^(?:[-*+]\s+)?(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    line = line.replace(/^(?:[-*+]|\d+[.)])(?:\s+|$)/, '').replace(/^#{1,6}\s+/, '');
    const prop = PROPERTY_LINE.exec(line);
    if (prop) line = prop[2];
    line = line.replace(/^#{1,6}\s+/, '');
    if (line === '' || line.startsWith('|')) continue;
    out.push(plainInline(line));
  }
  return out;
}

function titleFromFile(file: string): string {
  const name = basename(file).replace(/\.mdx?$/i, '');
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep the raw name
  }
  return decoded.replace(/___/g, '/');
}

function propertyTitle(text: string): string | null {
  const m = /^[ \t]*(?:[-*+][ \t]+)?(?:preferred-term|title)::[ \t]*(.+?)[ \t]*$/im.exec(text);
  return m ? m[1] : null;
}

function stringsIn(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
}

/** Read one page; null when it is empty or cannot be parsed (bad UTF-8, broken front matter). */
function readPage(root: string, path: string): ReadPage | null {
  const file = relative(root, path).split(sep).join('/');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  if (text.trim() === '') return null;
  if (/^---\r?\n/.test(text)) {
    let parsed: { data: Record<string, unknown>; content: string };
    try {
      parsed = matter(text, {}) as unknown as { data: Record<string, unknown>; content: string };
    } catch {
      return null;
    }
    const d = parsed.data;
    const isTrue = (v: unknown): boolean => v === true || v === 'true';
    const values: string[] = [];
    stringsIn(d, values);
    const lines = [...values.map(plainInline), ...proseLines(parsed.content)];
    const title = typeof d['preferred-term'] === 'string' ? d['preferred-term'] : typeof d.title === 'string' ? d.title : titleFromFile(file);
    return {
      file, title,
      isPublic: isTrue(d.public) || isTrue(d['public-access']) || PUBLIC_LINE.test(parsed.content),
      sentences: lines.flatMap(sentencesOf),
    };
  }
  return {
    file,
    title: propertyTitle(text) ?? titleFromFile(file),
    isPublic: PUBLIC_LINE.test(text) || jsonLdSaysPublic(text),
    sentences: proseLines(text).flatMap(sentencesOf),
  };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Withheld pages of `contentDir` and their sentences. A sentence that also occurs in some public page
 * is dropped: finding it in the site proves nothing.
 */
export function readWithheldPages(contentDir: string): WithheldPage[] {
  const pages = markdownFiles(contentDir).flatMap((p) => readPage(contentDir, p) ?? []);
  const publicKeys = new Set<string>();
  for (const p of pages) if (p.isPublic) for (const s of p.sentences) publicKeys.add(wordsOf(s).join(' '));
  return pages
    .filter((p) => !p.isPublic)
    .map((p) => ({
      file: p.file,
      title: p.title,
      sentences: [...new Set(p.sentences)].filter((s) => !publicKeys.has(wordsOf(s).join(' '))),
    }));
}
