// References inside block text: [[wikilinks]] (also Obsidian's `[[Target|label]]` and Logseq's
// `[label]([[Target]])`), #tags / #[[tags]] and {{demo NAME key=value}} macros, each with its line
// offset. Text in code fences and inline code is ignored, so a `[[x]]` in a code sample is neither a
// link nor a broken link.

export interface WikiLinkRef {
  /** The page the link names (for `[[Target|label]]`, `Target`). */
  target: string;
  /** 0-based line offset within the text. */
  lineOffset: number;
}

export interface TagRef {
  tag: string;
  lineOffset: number;
}

export interface DemoRef {
  name: string;
  params: Record<string, string>;
  lineOffset: number;
  /** The macro exactly as written. */
  source: string;
}

export interface References {
  links: WikiLinkRef[];
  tags: TagRef[];
  demos: DemoRef[];
}

/** Replaces fenced blocks and inline code spans by spaces, keeping line breaks (so offsets hold). */
export function maskCode(text: string): string {
  if (!text.includes('`') && !text.includes('~~~')) return text;
  const lines = text.split('\n');
  let fence: { char: string; length: number } | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const m = /^\s*(?:-\s+)?(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
      lines[k] = ' '.repeat(line.length);
      continue;
    }
    if (m && !(m[1][0] === '`' && line.indexOf('`', line.indexOf(m[1]) + m[1].length) >= 0)) {
      fence = { char: m[1][0], length: m[1].length };
      lines[k] = ' '.repeat(line.length);
      continue;
    }
    if (line.includes('`')) lines[k] = line.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (s) => ' '.repeat(s.length));
  }
  return lines.join('\n');
}

const WIKILINK = /(#?)\[\[([^[\]\n]+?)\]\]/g;

/**
 * The target and label of a wikilink's inner text: `Target|label` (Obsidian's alias form) names
 * Target and shows label; a plain `Target` shows itself. `\|` (the form escaped for tables) counts too.
 */
export function splitWikilink(inner: string): { target: string; label: string } {
  const bar = inner.indexOf('|');
  if (bar < 0) return { target: inner.trim(), label: inner.trim() };
  const target = inner.slice(0, bar).replace(/\\$/, '').trim();
  const label = inner.slice(bar + 1).trim();
  return { target, label: label === '' ? target : label };
}
const TAG = /(^|[\s(])#([\p{L}\p{N}_][\p{L}\p{N}_\-/.]*)/gu;
const DEMO = /\{\{\s*demo\s+([^\s}]+)([^}]*)\}\}/g;
const PARAM = /([A-Za-z][\w-]*)\s*=\s*("([^"]*)"|'([^']*)'|[^\s"']+)/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return starts;
}

function lineIndex(starts: number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function parseDemoParams(raw: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of raw.matchAll(PARAM)) params[m[1]] = m[3] ?? m[4] ?? m[2];
  return params;
}

export function findReferences(text: string): References {
  const out: References = { links: [], tags: [], demos: [] };
  const hasLink = text.includes('[[');
  const hasTag = text.includes('#');
  const hasMacro = text.includes('{{');
  if (!hasLink && !hasTag && !hasMacro) return out;
  const masked = maskCode(text);
  let starts: number[] | null = null;
  const lineOf = (index: number) => lineIndex((starts ??= lineStarts(masked)), index);
  if (hasLink)
    for (const m of masked.matchAll(WIKILINK)) {
      const target = splitWikilink(m[2]).target;
      if (target === '') continue;
      if (m[1] === '#') out.tags.push({ tag: target, lineOffset: lineOf(m.index) });
      else out.links.push({ target, lineOffset: lineOf(m.index) });
    }
  if (hasTag)
    for (const m of masked.matchAll(TAG)) {
      const tag = m[2].replace(/[.]+$/, '');
      if (/^\d+$/.test(tag)) continue;
      out.tags.push({ tag, lineOffset: lineOf(m.index + m[1].length) });
    }
  if (hasMacro)
    for (const m of masked.matchAll(DEMO)) {
      out.demos.push({ name: m[1], params: parseDemoParams(m[2]), lineOffset: lineOf(m.index), source: m[0] });
    }
  return out;
}

/** Link targets in a property value: `[[A]], [[B]]`, or plain comma-separated names. */
export function linkTargetsInValue(value: string): string[] {
  const bracketed = [...value.matchAll(/\[\[([^[\]\n]+?)\]\]/g)].map((m) => splitWikilink(m[1]).target).filter((t) => t !== '');
  if (bracketed.length > 0) return bracketed;
  return value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}
