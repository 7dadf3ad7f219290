// Link resolution: `[[text]]` → the one page it names, by page name, preferred term, alias or term
// id; case-, space- and punctuation-insensitive, so `[[ModelParameters]]` finds "Model Parameters".
// Names beat aliases, aliases beat term ids; two pages matching equally well is ambiguity, reported
// rather than guessed.
import type { Concept } from './schema.ts';

export type Resolution =
  | { state: 'found'; index: number }
  | { state: 'ambiguous'; indices: number[] }
  | { state: 'missing' };

/** The comparison key: letters and digits only, lower-cased, accents removed. */
export function linkKey(text: string): string {
  // Fast path for plain ASCII (nearly every link): no Unicode normalisation needed.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const RANKS = 3;

export class LinkIndex {
  private readonly byRank: Map<string, number[]>[] = Array.from({ length: RANKS }, () => new Map());

  constructor(concepts: readonly Concept[]) {
    concepts.forEach((c, i) => {
      this.add(0, c.title, i);
      this.add(0, c.name, i);
      for (const a of c.aliases) this.add(1, a, i);
      if (c.termId) this.add(2, c.termId, i);
    });
  }

  private add(rank: number, text: string, index: number): void {
    const key = linkKey(text);
    if (key === '') return;
    const list = this.byRank[rank].get(key);
    if (!list) this.byRank[rank].set(key, [index]);
    else if (!list.includes(index)) list.push(index);
  }

  private readonly memo = new Map<string, Resolution>();

  resolve(text: string): Resolution {
    let r = this.memo.get(text);
    if (!r) this.memo.set(text, (r = this.lookup(text)));
    return r;
  }

  private lookup(text: string): Resolution {
    const key = linkKey(text);
    if (key === '') return { state: 'missing' };
    for (const map of this.byRank) {
      const hits = map.get(key);
      if (!hits) continue;
      if (hits.length === 1) return { state: 'found', index: hits[0] };
      return { state: 'ambiguous', indices: [...hits] };
    }
    return { state: 'missing' };
  }
}
