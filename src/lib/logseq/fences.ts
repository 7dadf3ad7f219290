// Code-fence scanner: finds which lines of a page are inside ``` / ~~~ fences before the outline is
// parsed, following CommonMark (a fence closes only on the same character, at least as long; shorter
// inner fences are content, so fences nest). A fence that never closes is reported and its opening
// line is then read as ordinary text, so the rest of the file is still parsed.

export interface FenceMap {
  /** `inside[i]`: line i lies after a fence opener, up to and including its closing line. */
  inside: boolean[];
  /** `opener[i]`: line i opens a fence. */
  opener: boolean[];
  /** `closing[i]`: for an opening line i, the index of the line that closes its fence; else -1. */
  closing: Int32Array;
  /** 0-based indices of opening lines that are never closed. */
  unclosed: number[];
}

/** The fence a line opens, if any: its character, length and info string (`clojure`, `json-ld`, …). */
export function fenceOpening(line: string): { char: string; length: number; info: string } | null {
  let k = 0;
  while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  if (line[k] === '-' && (line[k + 1] === ' ' || line[k + 1] === '\t')) {
    k += 2;
    while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  }
  const char = line[k];
  if (char !== '`' && char !== '~') return null;
  let n = 0;
  while (line[k + n] === char) n++;
  if (n < 3) return null;
  if (char === '`' && line.indexOf('`', k + n) >= 0) return null;
  return { char, length: n, info: line.slice(k + n).trim() };
}

function closesFence(line: string, char: string, length: number): boolean {
  const t = line.trim();
  if (t.length < length) return false;
  for (let k = 0; k < t.length; k++) if (t[k] !== char) return false;
  return true;
}

export function scanFences(lines: readonly string[]): FenceMap {
  const inside = new Array<boolean>(lines.length).fill(false);
  const opener = new Array<boolean>(lines.length).fill(false);
  const closing = new Int32Array(lines.length).fill(-1);
  const unclosed: number[] = [];
  const notAnOpener = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    const open = notAnOpener.has(i) ? null : fenceOpening(lines[i]);
    if (!open) {
      i++;
      continue;
    }
    let close = -1;
    for (let j = i + 1; j < lines.length; j++) {
      if (closesFence(lines[j], open.char, open.length)) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      unclosed.push(i);
      notAnOpener.add(i);
      i++;
      continue;
    }
    opener[i] = true;
    closing[i] = close;
    for (let j = i + 1; j <= close; j++) inside[j] = true;
    i = close + 1;
  }
  return { inside, opener, closing, unclosed };
}
