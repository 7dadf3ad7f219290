// The content side of the leak audit: which pages of a content folder are withheld, and the prose
// sentences (>= 6 words, Markdown and Logseq syntax stripped) whose appearance in a built site would
// be a leak. Whether a page is withheld is the one publication rule's answer (src/lib/publication.ts,
// reached through the pipeline's page reader and extraction, with the same publish-all setting as
// the build), so the audit and the build never disagree about what is private. The text it looks
// for is read here, independently of the renderer, so the audit does not trust the code it audits.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import { readPage as parsePage } from '../logseq/read.ts';
import { extractPage } from '../ontology/extract.ts';
import { listPageFiles } from '../ontology/load.ts';
import type { PublicationOptions } from '../publication.ts';

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
const PROPERTY_LINE = /^([A-Za-z0-9_.:-]+)::[ \t]?(.*)$/;

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
  for (const raw of text.split(/(?<=[.!?]["'”)\]]?)\s+(?=["'“([]?[\p{Lu}\p{N}])/u)) {
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
  const name = basename(file).replace(/\.(mdx?|markdown)$/i, '');
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

/**
 * Reads one page; null when the pipeline publishes nothing from it and withholds nothing either
 * (empty, unreadable: bad UTF-8, binary, broken front matter).
 */
function readPage(root: string, file: string, options: PublicationOptions): ReadPage | null {
  const bytes = readFileSync(join(root, file));
  const record = extractPage(parsePage(bytes, file, { digest: false }), { publishAll: options.publishAll, normaliseDomain: (raw) => raw });
  if (record.status !== 'published' && record.status !== 'withheld') return null;
  const isPublic = record.status === 'published';
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (/^---\r?\n/.test(text)) {
    let parsed: { data: Record<string, unknown>; content: string };
    try {
      parsed = matter(text, {}) as unknown as { data: Record<string, unknown>; content: string };
    } catch {
      return null;
    }
    const d = parsed.data;
    const values: string[] = [];
    stringsIn(d, values);
    const lines = [...values.map(plainInline), ...proseLines(parsed.content)];
    const title = typeof d['preferred-term'] === 'string' ? d['preferred-term'] : typeof d.title === 'string' ? d.title : titleFromFile(file);
    return { file, title: record.concept?.title ?? title, isPublic, sentences: lines.flatMap(sentencesOf) };
  }
  return {
    file,
    title: record.concept?.title ?? propertyTitle(text) ?? titleFromFile(file),
    isPublic,
    sentences: proseLines(text).flatMap(sentencesOf),
  };
}

/**
 * Withheld pages of `contentDir` and their sentences. A sentence that also occurs in some public page
 * is dropped: finding it in the site proves nothing.
 */
export function readWithheldPages(contentDir: string, options: PublicationOptions = { publishAll: false }): WithheldPage[] {
  const pages = listPageFiles(contentDir).flatMap((file) => readPage(contentDir, file, options) ?? []);
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
