// Link resolution: `[[text]]` → the one page it names, by page name, preferred term, alias, term id
// or JSON-LD class id. An exact match (ignoring only case, as Logseq does) wins over a loose one
// (also ignoring spaces and punctuation, so `[[ModelParameters]]` finds "Model Parameters"). Within
// each, names beat aliases and aliases beat ids. Ambiguity is reported only when several pages tie
// at the best level that matches at all, rather than guessed.
import type { Concept } from './schema.ts';

export type Resolution = { state: 'found'; index: number } | { state: 'ambiguous'; indices: number[] } | { state: 'missing' };

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function loose(text: string, ascii: boolean): string {
  // Fast path for plain ASCII (nearly every link): no Unicode normalisation needed.
  if (ascii) return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function exact(text: string, ascii: boolean): string {
  const t = (ascii ? text : text.normalize('NFC')).trim().toLowerCase();
  return (ascii ? t.includes('  ') : /\s{2,}|[^\S ]/.test(t)) ? t.replace(/\s+/g, ' ') : t;
}

/** The loose comparison key: letters and digits only, lower-cased, accents removed. */
export function linkKey(text: string): string {
  return loose(text, PRINTABLE_ASCII.test(text));
}

/** The exact comparison key: the name as written, ignoring case and surrounding or repeated spaces. */
export function exactKey(text: string): string {
  return exact(text, PRINTABLE_ASCII.test(text));
}

/** Levels, best first: exact name, alias, id; then loose name, alias, id. */
const KINDS = 3;

export class LinkIndex {
  private readonly exactMaps: Map<string, number[]>[] = Array.from({ length: KINDS }, () => new Map());
  private readonly looseMaps: Map<string, number[]>[] = Array.from({ length: KINDS }, () => new Map());

  constructor(concepts: readonly Pick<Concept, 'title' | 'name' | 'aliases' | 'termId' | 'classId'>[]) {
    concepts.forEach((c, i) => {
      this.add(0, c.title, i);
      this.add(0, c.name, i);
      for (const a of c.aliases) this.add(1, a, i);
      if (c.termId) this.add(2, c.termId, i);
      if (c.classId) this.add(2, c.classId, i);
    });
  }

  private add(kind: number, text: string, index: number): void {
    const ascii = PRINTABLE_ASCII.test(text);
    put(this.exactMaps[kind], exact(text, ascii), index);
    put(this.looseMaps[kind], loose(text, ascii), index);
  }

  private readonly memo = new Map<string, Resolution>();

  resolve(text: string): Resolution {
    let r = this.memo.get(text);
    if (!r) this.memo.set(text, (r = this.lookup(text)));
    return r;
  }

  private lookup(text: string): Resolution {
    const ascii = PRINTABLE_ASCII.test(text);
    const exactText = exact(text, ascii);
    if (exactText === '') return { state: 'missing' };
    for (const map of this.exactMaps) {
      const hits = map.get(exactText);
      if (hits) return hits.length === 1 ? { state: 'found', index: hits[0] } : { state: 'ambiguous', indices: [...hits] };
    }
    const key = loose(text, ascii);
    if (key === '') return { state: 'missing' };
    for (const map of this.looseMaps) {
      const hits = map.get(key);
      if (hits) return hits.length === 1 ? { state: 'found', index: hits[0] } : { state: 'ambiguous', indices: [...hits] };
    }
    return { state: 'missing' };
  }
}

function put(map: Map<string, number[]>, key: string, index: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (!list.includes(index)) list.push(index);
}
