// Check 1 — leaks of withheld content. Builds an index once (private markers from a corpus manifest,
// and word sequences of withheld pages' sentences), then scans each output in one pass: markers by
// substring search on the lower-cased raw text, sentences by walking a word trie from every word of
// the output that can start a sentence. Titles are not searched: a public page may legitimately write
// a withheld page's title as link text.
import type { Finding } from './types.ts';
import type { WithheldPage } from './withheld.ts';
import { wordsOf } from './withheld.ts';

const MIN_WORDS = 6;

interface Probe {
  words: string[];
  hashes: Int32Array;
  page: WithheldPage;
  sentence: string;
}

/** Probes hang at depth min(words, TRIE_DEPTH); deeper words are compared directly. */
const TRIE_DEPTH = 8;

interface TrieNode {
  children?: Map<number, TrieNode>;
  probes?: Probe[];
}

export interface MarkerSource {
  marker: string;
  title: string;
}

export interface LeakIndex {
  markers: MarkerSource[];
  /** Markers grouped by their first four characters, for one indexOf scan per group. */
  markerGroups: Map<string, MarkerSource[]>;
  /** Trie over the first TRIE_DEPTH words of every probe. */
  probes: TrieNode;
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
  const index: LeakIndex = { markers: [], markerGroups: new Map(), probes: {}, probeCount: 0 };
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
        const hashes = Int32Array.from(words, hashWord);
        let node = index.probes;
        for (let d = 0; d < Math.min(words.length, TRIE_DEPTH); d++) {
          node.children ??= new Map();
          let next = node.children.get(hashes[d]);
          if (!next) node.children.set(hashes[d], (next = {}));
          node = next;
        }
        (node.probes ??= []).push({ words, hashes, page, sentence });
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

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}]/u;

/** FNV-1a hash of a word (the trie is keyed by these numbers, so scanning allocates no strings). */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Reused buffers of the word scanner: hash, start and end offset of each word. */
let wordHash: Int32Array = new Int32Array(4096);
let wordStart: Int32Array = new Int32Array(4096);
let wordEnd: Int32Array = new Int32Array(4096);

function pushWord(n: number, h: number, start: number, end: number): void {
  if (n === wordHash.length) {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    wordHash = grow(wordHash);
    wordStart = grow(wordStart);
    wordEnd = grow(wordEnd);
  }
  wordHash[n] = h;
  wordStart[n] = start;
  wordEnd[n] = end;
}

/**
 * Scan already lower-cased text into words (maximal runs of letters and digits, the same words
 * `wordsOf` yields), hashing as it goes; returns the word count. ASCII takes a fast path.
 */
function scanWords(text: string): number {
  let n = 0;
  let start = -1;
  let h = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    let width = 1;
    let isWord: boolean;
    if (c < 128) isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      width = 2;
      isWord = NON_ASCII_WORD_CHAR.test(text.slice(i, i + 2));
    } else isWord = NON_ASCII_WORD_CHAR.test(text[i]);
    if (isWord) {
      if (start < 0) {
        start = i;
        h = 0x811c9dc5;
      }
      for (let k = 0; k < width; k++) h = Math.imul(h ^ text.charCodeAt(i + k), 0x01000193);
      i += width - 1;
    } else if (start >= 0) {
      pushWord(n++, h | 0, start, i);
      start = -1;
    }
  }
  return n;
}

const WORD_JOINERS = new Set(['/', '-', '_', '@', '&', '.']);

/**
 * A match counts only where a sentence can start: at the beginning of the text or after punctuation,
 * not in the middle of a longer sentence (`Adaptive Few-Shot Dropout …` does not leak `Few-Shot
 * Dropout …`).
 */
function startsSentence(text: string, offset: number): boolean {
  // Joined to the previous word (`Losses/Decoder`, `semi-Decoder`, `x_Decoder`): not a start.
  if (offset > 0 && WORD_JOINERS.has(text[offset - 1])) return false;
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
        found.push({
          check: 'leak',
          file,
          ...(withLines ? { line: lineAt(raw, at) } : {}),
          message: `private marker "${m.marker}" of withheld page "${m.title}"`,
        });
      }
    }
  }
  return found;
}

/** Withheld sentences in `prose`. One finding per withheld page per file (the first sentence found). */
export function findSentences(index: LeakIndex, file: string, prose: string, lineOf?: (offset: number) => number): Finding[] {
  if (index.probeCount === 0) return [];
  const text = prose.toLowerCase();
  const count = scanWords(text);
  const found: Finding[] = [];
  const reported = new Set<WithheldPage>();
  const root = index.probes.children!;
  for (let i = 0; i + MIN_WORDS <= count; i++) {
    let node = root.get(wordHash[i]);
    let sentenceStart: boolean | null = null;
    for (let d = 1; node !== undefined; d++) {
      if (node.probes) {
        sentenceStart ??= startsSentence(text, wordStart[i]);
        if (!sentenceStart) break;
        for (const probe of node.probes) {
          const len = probe.words.length;
          if (reported.has(probe.page) || i + len > count) continue;
          let k = d;
          while (k < len && probe.hashes[k] === wordHash[i + k]) k++;
          if (k < len) continue;
          // Hashes agree; confirm with the words themselves.
          let same = true;
          for (let w = 0; w < len && same; w++) same = text.slice(wordStart[i + w], wordEnd[i + w]) === probe.words[w];
          if (!same) continue;
          reported.add(probe.page);
          found.push({
            check: 'leak',
            file,
            ...(lineOf ? { line: lineOf(wordStart[i]) } : {}),
            message: `text of withheld page "${probe.page.title}" (${probe.page.file}): "${clip(probe.sentence)}"`,
          });
        }
      }
      if (d >= TRIE_DEPTH || i + d >= count) break;
      node = node.children?.get(wordHash[i + d]);
    }
  }
  return found;
}
