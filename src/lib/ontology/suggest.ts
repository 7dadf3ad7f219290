// "Did you mean …?" for links and parents that resolve to no page: the published concepts whose title,
// page name or alternative term is closest to what was written, by edit distance (optimal string
// alignment, as the search box's did-you-mean: src/search/suggest.ts) on link keys (letters and
// digits, lower-cased, accents removed, the form loose link resolution compares). Only published
// pages are ever suggested, so a suggestion never names a withheld page.
//
// Fast on 10k pages: names are indexed by their letter trigrams, and a name is compared with the
// written text only when it shares enough trigrams to be within the allowed distance (each edit
// changes at most three trigrams), and its length differs by no more than that distance.
import { allowedEdits, editDistance } from '../../search/suggest.ts';
import { linkKey } from './resolve.ts';

export interface SuggestionSource {
  /** The title a suggestion shows. */
  title: string;
  /** Other names the page is linked by (page name, alternative terms). */
  names: readonly string[];
  /** What kind of page it is: a missing parent is only ever a concept. */
  kind: 'concept' | 'guide';
}

export interface Suggestion {
  /** The name to link with (the title, or the alternative term that came closest). */
  name: string;
  /** The page's title (equal to `name` unless an alternative term matched). */
  title: string;
}

/** Shortest written text (as a link key) that gets suggestions: two letters say too little. */
const MIN_KEY = 3;
/** The distinct trigrams of a key as numbers (three UTF-16 units), padded so its first and last letters count as much as the rest. */
function trigrams(key: string): number[] {
  const codes = [0, 0];
  for (let k = 0; k < key.length; k++) codes.push(key.charCodeAt(k) + 1);
  codes.push(0, 0);
  const out: number[] = [];
  for (let k = 0; k + 3 <= codes.length; k++) {
    const gram = (codes[k] * 65_537 + codes[k + 1]) * 65_537 + codes[k + 2];
    if (!out.includes(gram)) out.push(gram);
  }
  return out;
}

export class TitleSuggester {
  private readonly keys: string[] = [];
  private readonly names: string[] = [];
  private readonly pages: number[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly counts: Uint16Array;
  private readonly sources: readonly SuggestionSource[];

  constructor(sources: readonly SuggestionSource[]) {
    this.sources = sources;
    sources.forEach((source, page) => {
      const seen = new Set<string>();
      for (const name of [source.title, ...source.names]) {
        const key = linkKey(name);
        if (key.length < MIN_KEY || seen.has(key)) continue;
        seen.add(key);
        const id = this.keys.length;
        this.keys.push(key);
        this.names.push(name);
        this.pages.push(page);
        for (const gram of trigrams(key)) {
          const list = this.postings.get(gram);
          if (list) list.push(id);
          else this.postings.set(gram, [id]);
        }
      }
    });
    this.counts = new Uint16Array(this.keys.length);
  }

  /**
   * The pages closest to `text`, best first, at most `limit` (one name per page: its closest, the
   * title on a tie), within the distance the search box allows for a word of that length. `kinds`
   * limits the kinds of page; `exclude` (an index into the sources) is never suggested.
   */
  suggest(text: string, options: { limit?: number; kinds?: readonly SuggestionSource['kind'][]; exclude?: number } = {}): Suggestion[] {
    const limit = options.limit ?? 3;
    const query = linkKey(text);
    if (query.length < MIN_KEY) return [];
    const max = allowedEdits(query.length);
    const grams = trigrams(query);
    const needed = grams.length - 3 * max;
    const touched: number[] = [];
    for (const gram of grams) {
      const list = this.postings.get(gram);
      if (!list) continue;
      for (const id of list) if (this.counts[id]++ === 0) touched.push(id);
    }
    const best = new Map<number, { distance: number; id: number }>();
    for (const id of touched) {
      const shared = this.counts[id];
      this.counts[id] = 0;
      if (shared < needed) continue;
      const key = this.keys[id];
      if (Math.abs(key.length - query.length) > max) continue;
      const page = this.pages[id];
      if (page === options.exclude) continue;
      if (options.kinds && !options.kinds.includes(this.sources[page].kind)) continue;
      const distance = editDistance(query, key, max);
      if (distance > max) continue;
      const seen = best.get(page);
      if (!seen || distance < seen.distance || (distance === seen.distance && id < seen.id)) best.set(page, { distance, id });
    }
    return [...best.values()]
      .sort((a, b) => a.distance - b.distance || compare(this.names[a.id], this.names[b.id]))
      .slice(0, limit)
      .map(({ id }) => ({ name: this.names[id], title: this.sources[this.pages[id]].title }));
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ` did you mean "A", "B" or "C"?` for a message, or '' when there is nothing to suggest. */
export function didYouMean(suggestions: readonly Suggestion[]): string {
  if (suggestions.length === 0) return '';
  const shown = suggestions.map((s) => (s.name === s.title ? `"${s.name}"` : `"${s.name}" (${s.title})`));
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
  return `; did you mean ${list}?`;
}
