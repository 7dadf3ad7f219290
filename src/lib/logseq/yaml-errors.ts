// Front matter errors in an editor's words: turns the error js-yaml throws (a reason such as
// "missed comma between flow collection entries" and a 0-based mark where the parser gave up) into
// the file line where the mistake was made and a sentence that says what to change. js-yaml often
// notices a mistake lines after it: an unclosed quote at the end of the front matter, an unclosed
// bracket on the next key, a line that is not `key: value` on the line after it. Those are traced back
// to the line that opened the quote or bracket; anything unrecognised keeps js-yaml's own reason.

export interface YamlProblem {
  /** 1-based line in the file. */
  line: number;
  message: string;
}

/** What js-yaml puts on the errors it throws (YAMLException). */
interface YamlException {
  reason?: unknown;
  message?: unknown;
  mark?: { line?: unknown; column?: unknown };
}

interface Opening {
  char: string;
  /** Index into the front matter's lines. */
  index: number;
}

const KEY_LINE = /^(\s*)(?:-\s+)?([^\s#'"[\]{}:][^:]*?|"[^"]*"|'[^']*'):(?:\s+(.*?))?\s*$/;
const LEADING = /^[ \t]*/;

/** A character that may start a quoted scalar or a flow collection when it follows `prev` (and `space` said whether whitespace came between). */
function atTokenStart(prev: string | undefined, space: boolean): boolean {
  if (prev === undefined) return true;
  if (prev === '[' || prev === '{' || prev === ',') return true;
  return (prev === ':' || prev === '-' || prev === '?') && space;
}

/**
 * Scans the front matter's lines as a YAML lexer would for quotes and brackets only, up to line
 * `stop` (exclusive; all lines when omitted): the quoted scalar still open at that point, and the
 * flow collections (`[`, `{`) not yet closed, innermost last.
 */
function scanOpenings(lines: readonly string[], stop = lines.length): { quote: Opening | null; brackets: Opening[] } {
  let quote: Opening | null = null;
  const brackets: Opening[] = [];
  for (let index = 0; index < Math.min(stop, lines.length); index++) {
    const line = lines[index];
    let prev: string | undefined;
    let space = false;
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (quote) {
        if (quote.char === '"' && c === '\\') k++;
        else if (quote.char === "'" && c === "'" && line[k + 1] === "'") k++;
        else if (c === quote.char) {
          quote = null;
          prev = c;
          space = false;
        }
        continue;
      }
      if (c === ' ' || c === '\t') {
        space = true;
        continue;
      }
      if (c === '#' && (prev === undefined || space)) break;
      if ((c === '"' || c === "'") && atTokenStart(prev, space)) quote = { char: c, index };
      else if ((c === '[' || c === '{') && atTokenStart(prev, space)) brackets.push({ char: c, index });
      else if ((c === ']' || c === '}') && brackets.length > 0) brackets.pop();
      prev = c;
      space = false;
    }
  }
  return { quote, brackets };
}

/** The index of the nearest line at or above `from` that is not blank or a comment. */
function contentLineAtOrAbove(lines: readonly string[], from: number): number {
  for (let k = Math.min(from, lines.length - 1); k >= 0; k--) if (!/^\s*(?:#.*)?$/.test(lines[k])) return k;
  return Math.max(0, Math.min(from, lines.length - 1));
}

const indentedWithTab = (line: string) => (LEADING.exec(line)?.[0] ?? '').includes('\t');
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/** The key a duplicated-key error is about: the first line at or above `at` whose key, at its indentation, was already given. */
function duplicateKey(lines: readonly string[], at: number): { index: number; first: number; key: string } | null {
  const seen = new Map<string, number>();
  const found: { index: number; first: number; key: string }[] = [];
  lines.forEach((line, index) => {
    const m = KEY_LINE.exec(line);
    if (!m || line.trimStart().startsWith('-')) return;
    const indent = m[1].length;
    // A key less indented than those seen closes their map: forget keys deeper than it.
    for (const k of [...seen.keys()]) if (Number(k.slice(0, k.indexOf(' '))) > indent) seen.delete(k);
    const key = `${indent} ${m[2].replace(/^["']|["']$/g, '')}`;
    const first = seen.get(key);
    if (first !== undefined) found.push({ index, first, key: key.slice(key.indexOf(' ') + 1) });
    else seen.set(key, index);
  });
  return found.filter((f) => f.index <= at).pop() ?? found[0] ?? null;
}

/** How to write `value` quoted: double quotes unless it holds a double quote and no single one. */
function quoted(value: string): string {
  return value.includes('"') && !value.includes("'") ? `'${value}'` : JSON.stringify(value);
}

/**
 * Explains a js-yaml error in front matter. `lines` are the front matter's lines between the two
 * `---` lines; `firstLine` is the file line of `lines[0]` (2 when the front matter starts the file).
 * js-yaml's mark counts lines from the text after the opening `---`, so its line 1 is `lines[0]`.
 */
export function explainYamlError(error: unknown, lines: readonly string[], firstLine: number): YamlProblem {
  const e = (error ?? {}) as YamlException;
  const reason = String(e.reason ?? e.message ?? 'invalid YAML').split('\n')[0];
  const markLine = typeof e.mark?.line === 'number' ? e.mark.line : 1;
  const last = Math.max(0, lines.length - 1);
  const clamp = (index: number) => Math.max(0, Math.min(index, last));
  const at = (index: number, message: string): YamlProblem => ({ line: firstLine + clamp(index), message });
  // js-yaml's line 0 is the rest of the opening `---` line, so its line n is lines[n - 1]; a mark past
  // the last line means "at the end".
  const reported = clamp(markLine - 1);
  const markColumn = typeof e.mark?.column === 'number' ? e.mark.column : 0;
  // The line before the mark: where a parser that stopped at the start of a line (or at the end) was.
  const before = contentLineAtOrAbove(lines, markLine - 2);
  const atLineStart = markColumn === 0 || markLine - 1 > last;

  if (/quoted scalar/.test(reason)) {
    const { quote } = scanOpenings(lines);
    if (quote) {
      const q = quote.char;
      const tail = q === "'" ? ` (an apostrophe inside '…' is written '')` : '';
      return at(quote.index, `the quoted value that starts with ${q} on this line is never closed; end it with ${q}, or remove the quote${tail}`);
    }
  }
  if (/flow collection|flow mapping|missed comma/.test(reason)) {
    const { brackets } = scanOpenings(lines);
    const open = brackets.at(-1);
    if (open) {
      const [what, close, hint] = open.char === '[' ? ['list', ']', ' (or write one item per line: "- item")'] : ['map', '}', ''];
      return at(open.index, `the ${what} opened with ${open.char} on this line is never closed; end it with ${close}${hint}`);
    }
    if (/missed comma/.test(reason)) return at(reported, 'the items of a [ … ] list (or { … } map) must be separated by commas');
  }
  if (/duplicated mapping key/.test(reason)) {
    const dup = duplicateKey(lines, reported);
    if (dup) return at(dup.index, `"${dup.key}" is given twice (also on line ${firstLine + dup.first}); keep one of them`);
    return at(reported, 'a key is given twice in this map; keep one of them');
  }
  const tabbed = [reported, ...(atLineStart ? [before] : [])].find((index) => indentedWithTab(lines[index] ?? ''));
  if (tabbed !== undefined) return at(tabbed, 'this line is indented with a tab; YAML allows only spaces for indentation');
  if (/incomplete explicit mapping pair|mapping values are not allowed/.test(reason)) {
    const m = KEY_LINE.exec(lines[reported] ?? '') ?? /^(\s*)(?:-\s+)?([^:]+):\s+(.*?)\s*$/.exec(lines[reported] ?? '');
    if (m?.[3]?.includes(': ')) {
      return at(
        reported,
        `the value of "${m[2]}" contains ": ", which YAML reads as the start of another key; put the whole value in quotes: ${m[2]}: ${short(quoted(m[3]))}`,
      );
    }
    return at(reported, 'a ": " in this line is read as the start of a key; put the value in quotes');
  }
  if (/multiline key may not be an implicit key/.test(reason)) {
    // js-yaml read the line before the mark as the start of a key that never got its colon.
    const index = before;
    const line = lines[index] ?? '';
    const m = /^\s*(?:-\s+)?([^\s:#][^:]*?):\s+(["'])(.*)$/.exec(line);
    if (m) {
      const value = `${m[2]}${m[3]}`.trim();
      return at(
        index,
        `the value of "${m[1]}" starts with a quote, so YAML ends it at the next ${m[2]} and cannot read the text after it; quote the whole value (${m[1]}: ${short(quoted(value.replace(/^["']|["']$/g, '')))}) or remove the quotes`,
      );
    }
    return at(index, 'this line is not a "key: value" pair; write it as key: value, or indent it under the key whose value it continues');
  }
  if (/bad indentation of a sequence entry/.test(reason)) {
    return at(reported, 'this list item ("- …") is indented differently from the items before it; start every item of one list in the same column');
  }
  if (/bad indentation/.test(reason)) {
    return at(
      reported,
      'this line is indented differently from the lines before it; keys of one map must start in the same column (indent only what belongs to the key above)',
    );
  }
  if (/end of the stream or a document separator is expected/.test(reason)) {
    const line = lines[reported] ?? '';
    const m = /^\s*(?:-\s+)?[^\s:#][^:]*:\s+([@`])/.exec(line);
    if (m) return at(reported, `a value cannot start with ${m[1]}; put it in quotes`);
    if (/^\s*-(\s|$)/.test(line))
      return at(reported, 'a list item ("- …") cannot stand here; put it under its key, indented (key:, then "  - item" on the next lines)');
    return at(
      reported,
      'YAML cannot fit this line into the structure above it; check its indentation against the lines above, and put a value with special characters in quotes',
    );
  }
  if (/unknown escape sequence/.test(reason)) {
    return at(reported, `a backslash inside "…" starts an escape such as \\n; write \\\\ for a backslash, or use single quotes '…'`);
  }
  if (/unidentified alias/.test(reason)) {
    return at(reported, 'a value that starts with * is read as a YAML alias; put it in quotes');
  }
  return at(reported, `the front matter is not valid YAML: ${reason}`);
}
