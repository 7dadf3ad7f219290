// Fenced `json-ld` blocks: recognising their fences and reading their JSON. A valid block becomes a
// JsonLdBlock (the value and its source, so later diagnostics can point at the line of a property);
// invalid JSON becomes an `invalid-json-ld` diagnostic naming the line. What the objects mean is read
// in src/lib/ontology/json-ld.ts.
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import type { JsonLdBlock } from './types.ts';

const JSON_LD_INFO = /^(?:json-?ld|jsonld)(?:\s|$)/i;

/** Whether a fence's info string marks JSON-LD data (```` ```json-ld ````, ```` ```jsonld ````). */
export function isJsonLdInfo(info: string): boolean {
  return JSON_LD_INFO.test(info);
}

/** Offsets of the line breaks in each block's source, made on first use. */
const breaks = new WeakMap<JsonLdBlock, number[]>();

/**
 * The 1-based line of the first occurrence of a property name in a block (the block's opening line
 * when it is not found): where a diagnostic about that property points.
 */
export function keyLine(block: JsonLdBlock, key: string): number {
  const at = block.source.indexOf(JSON.stringify(key));
  if (at < 0) return block.line;
  let nl = breaks.get(block);
  if (!nl) {
    nl = [];
    for (let k = block.source.indexOf('\n'); k >= 0; k = block.source.indexOf('\n', k + 1)) nl.push(k);
    breaks.set(block, nl);
  }
  let lo = 0;
  let hi = nl.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nl[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return block.line + 1 + lo;
}

/** The line a JSON.parse error points at, when its message gives a position. */
function errorLine(message: string, text: string, firstLine: number): number {
  const line = /line (\d+)/.exec(message);
  if (line) return firstLine + Number(line[1]) - 1;
  const pos = /position (\d+)/.exec(message);
  if (!pos) return firstLine;
  let n = firstLine;
  const end = Math.min(Number(pos[1]), text.length);
  for (let k = text.indexOf('\n'); k >= 0 && k < end; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/**
 * Reads the JSON between a json-ld fence's opening line (`openLine`, 1-based) and its closing line.
 * `text` is the fence's content; its first line is `openLine + 1`.
 */
export function readJsonLd(text: string, openLine: number, closeLine: number, file: string): { block: JsonLdBlock } | { error: Diagnostic } {
  try {
    const value: unknown = JSON.parse(text);
    return { block: { line: openLine, endLine: closeLine, value, source: text } };
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    return {
      error: diagnostic(
        'invalid-json-ld',
        file,
        errorLine(message, text, openLine + 1),
        `this json-ld block is not valid JSON (${message}); its data is ignored`,
      ),
    };
  }
}
