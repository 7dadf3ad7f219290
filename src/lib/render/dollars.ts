// Dollar signs that are money, not math. remark-math pairs any two `$`; Pandoc's rule is stricter and
// is what readers expect: an opening `$` is followed by a non-space, a closing `$` is preceded by a
// non-space and not followed by a digit. Dollars that cannot open a valid pair on their line are
// escaped (`\$`) in the Markdown source before parsing, so `$500-$2K` stays text. Code is untouched.
import { maskCode } from '../logseq/references.ts';

const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export function escapeStrayDollars(text: string): string {
  if (!text.includes('$')) return text;
  const masked = maskCode(text);
  const escapeAt: number[] = [];
  let lineStart = 0;
  while (lineStart <= masked.length) {
    let lineEnd = masked.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = masked.length;
    const candidates: number[] = [];
    for (let k = lineStart; k < lineEnd; k++) {
      if (masked[k] !== '$') continue;
      if (k > 0 && masked[k - 1] === '\\') continue;
      if (masked[k + 1] === '$') {
        // `$$`: display math or inline double-dollar math; leave to remark-math.
        k++;
        while (masked[k + 1] === '$') k++;
        continue;
      }
      candidates.push(k);
    }
    let i = 0;
    while (i < candidates.length) {
      const open = candidates[i];
      if (isSpace(masked[open + 1])) {
        escapeAt.push(open);
        i++;
        continue;
      }
      let closeIdx = -1;
      for (let j = i + 1; j < candidates.length; j++) {
        const c = candidates[j];
        if (!isSpace(masked[c - 1]) && !isDigit(masked[c + 1])) {
          closeIdx = j;
          break;
        }
      }
      // No closer, or other dollars in between (`$500-$2K and $x$`): this one is money.
      if (closeIdx < 0 || closeIdx > i + 1) {
        escapeAt.push(open);
        i++;
        continue;
      }
      i = closeIdx + 1;
    }
    lineStart = lineEnd + 1;
  }
  if (escapeAt.length === 0) return text;
  let out = '';
  let last = 0;
  for (const at of escapeAt) {
    out += `${text.slice(last, at)}\\$`;
    last = at + 1;
  }
  return out + text.slice(last);
}
