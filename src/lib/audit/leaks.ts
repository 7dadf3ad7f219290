// Check 1 — leaks of withheld content. Builds an index once (private markers from a corpus manifest,
// and word sequences of withheld pages' sentences), then scans each output in one pass: markers by
// substring search on the lower-cased raw text, sentences by sliding over the output's words and
// looking up two-word keys. Titles are not searched: a public page may legitimately write a withheld
// page's title as link text.
import type { Finding } from './types.ts';
import type { WithheldPage } from './withheld.ts';
import { wordsOf } from './withheld.ts';

const MIN_WORDS = 6;

interface Probe {
  words: string[];
  page: WithheldPage;
  sentence: string;
}

export interface MarkerSource {
  marker: string;
  title: string;
}

export interface LeakIndex {
  markers: MarkerSource[];
  /** Markers grouped by their first four characters, for one indexOf scan per group. */
  markerGroups: Map<string, MarkerSource[]>;
  /** `word1 word2` → probes starting with those words. */
  probes: Map<string, Probe[]>;
  probeCount: number;
}

/** Pieces of a sentence that survive rendering unchanged: math and code spans are cut out. */
function probePieces(sentence: string): string[][] {
  return sentence
    .split(/\$\$[^$]*\$\$|\$[^$]+\$|`[^`]*`/)
    .map(wordsOf)
    .filter((w) => w.length >= MIN_WORDS);
}

export function buildLeakIndex(withheld: readonly WithheldPage[], markers: readonly MarkerSource[]): LeakIndex {
  const index: LeakIndex = { markers: [], markerGroups: new Map(), probes: new Map(), probeCount: 0 };
  for (const m of markers) {
    if (m.marker.length < 4) continue;
    const entry = { marker: m.marker.toLowerCase(), title: m.title };
    index.markers.push(entry);
    const key = entry.marker.slice(0, 4);
    const group = index.markerGroups.get(key);
    if (group) group.push(entry);
    else index.markerGroups.set(key, [entry]);
  }
  for (const page of withheld) {
    for (const sentence of page.sentences) {
      for (const words of probePieces(sentence)) {
        const key = `${words[0]} ${words[1]}`;
        const list = index.probes.get(key);
        const probe = { words, page, sentence };
        if (list) list.push(probe);
        else index.probes.set(key, [probe]);
        index.probeCount++;
      }
    }
  }
  return index;
}

const lineAt = (text: string, offset: number): number => {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
};

/**
 * A match counts only where a sentence can start: at the beginning of the text or after punctuation,
 * not in the middle of a longer sentence (`Adaptive Few-Shot Dropout …` does not leak `Few-Shot
 * Dropout …`).
 */
function startsSentence(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0') continue;
    return ch !== ',' && !/[\p{L}\p{N}]/u.test(ch);
  }
  return true;
}

const clip = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Private markers in `raw` (any case). One finding per marker per file. */
export function findMarkers(index: LeakIndex, file: string, raw: string, withLines = true): Finding[] {
  if (index.markers.length === 0) return [];
  const lower = raw.toLowerCase();
  const found: Finding[] = [];
  const seen = new Set<string>();
  for (const [prefix, group] of index.markerGroups) {
    for (let at = lower.indexOf(prefix); at !== -1; at = lower.indexOf(prefix, at + 1)) {
      for (const m of group) {
        if (seen.has(m.marker) || !lower.startsWith(m.marker, at)) continue;
        seen.add(m.marker);
        found.push({ check: 'leak', file, ...(withLines ? { line: lineAt(raw, at) } : {}), message: `private marker "${m.marker}" of withheld page "${m.title}"` });
      }
    }
  }
  return found;
}

/** Withheld sentences in `prose`. One finding per withheld page per file (the first sentence found). */
export function findSentences(index: LeakIndex, file: string, prose: string, lineOf?: (offset: number) => number): Finding[] {
  if (index.probeCount === 0) return [];
  const words: string[] = [];
  const offsets: number[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  const lower = prose.toLowerCase();
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    words.push(m[0]);
    offsets.push(m.index);
  }
  const found: Finding[] = [];
  const reported = new Set<WithheldPage>();
  for (let i = 0; i + MIN_WORDS <= words.length; i++) {
    const candidates = index.probes.get(`${words[i]} ${words[i + 1]}`);
    if (!candidates || !startsSentence(prose, offsets[i])) continue;
    for (const probe of candidates) {
      if (reported.has(probe.page) || i + probe.words.length > words.length) continue;
      let k = 2;
      while (k < probe.words.length && probe.words[k] === words[i + k]) k++;
      if (k < probe.words.length) continue;
      reported.add(probe.page);
      found.push({
        check: 'leak', file, ...(lineOf ? { line: lineOf(offsets[i]) } : {}),
        message: `text of withheld page "${probe.page.title}" (${probe.page.file}): "${clip(probe.sentence)}"`,
      });
    }
  }
  return found;
}
