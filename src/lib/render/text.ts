// Plain-text helpers for rendered output: the first sentence of a definition (link titles, meta
// descriptions, previews).
import { plainText } from '../ontology/extract.ts';

export function firstSentence(markdown: string, max = 240): string {
  const plain = plainText(markdown.split('\n').find((l) => l.trim() !== '') ?? '').replace(/\$+/g, '');
  const m = /^(.+?[.!?])(\s|$)/.exec(plain);
  const s = m ? m[1] : plain;
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}
