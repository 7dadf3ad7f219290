// Specification of front matter errors as an editor reads them (src/lib/logseq/yaml-errors.ts through
// readPage): each common mistake is reported on the line where it was made, in words that say what
// to change; a front matter that is never closed is an error on its opening line; anything else
// keeps js-yaml's own reason.
import { describe, expect, it } from 'vitest';
import { readPage } from '../../src/lib/logseq/read.ts';

/** The one parse-error of a page, as `line: message`. */
function problem(text: string): { line: number; message: string } {
  const page = readPage(text, 'page.md');
  const errors = page.diagnostics.filter((d) => d.code === 'parse-error');
  expect(errors, JSON.stringify(page.diagnostics)).toHaveLength(1);
  return { line: errors[0].line, message: errors[0].message };
}

const fm = (...lines: string[]) => `---\n${lines.join('\n')}\n---\n\nBody text.\n`;

describe('front matter errors', () => {
  it('names the line of a wrongly indented key (js-yaml counts from the opening ---)', () => {
    expect(problem(fm('term-id: AI-0001', 'preferred-term: Bad', '  public-access: true'))).toEqual({
      line: 4,
      message: expect.stringMatching(/indented differently from the lines before it/),
    });
  });

  it('traces an unclosed double or single quote back to the line that opened it', () => {
    const double = problem(fm('term-id: AI-0001', 'preferred-term: "Unclosed', 'public-access: true', 'status: draft'));
    expect(double.line).toBe(3);
    expect(double.message).toMatch(/the quoted value that starts with " on this line is never closed; end it with "/);
    const single = problem(fm('term-id: AI-0001', "definition: 'Weights", 'status: draft'));
    expect(single.line).toBe(3);
    expect(single.message).toMatch(/starts with ' on this line is never closed.*written ''/);
  });

  it('traces an unclosed [ or { back to the line that opened it', () => {
    expect(problem(fm('term-id: AI-0001', 'alt-terms: [Weights, Coefficients', 'public-access: true', 'status: draft'))).toEqual({
      line: 3,
      message: 'the list opened with [ on this line is never closed; end it with ] (or write one item per line: "- item")',
    });
    expect(problem(fm('term-id: AI-0001', 'alt-terms: [Weights, Coefficients'))).toMatchObject({ line: 3 });
    expect(problem(fm('x: {a: 1', 'public-access: true'))).toMatchObject({ line: 2, message: expect.stringMatching(/map opened with \{ .* end it with \}/) });
  });

  it('says a closed list needs commas between its items', () => {
    expect(problem(fm('alt-terms: ["Weights" "Coefficients"]'))).toMatchObject({ line: 2, message: expect.stringMatching(/separated by commas/) });
  });

  it('names a duplicated key and the line it was first given on', () => {
    expect(problem(fm('term-id: AI-0001', 'preferred-term: X', 'status: draft', 'preferred-term: Y'))).toEqual({
      line: 5,
      message: '"preferred-term" is given twice (also on line 3); keep one of them',
    });
    // Also after a value that spans several lines, and inside a nested map.
    expect(problem(fm('definition: >', '  long', '  text', 'definition: again'))).toMatchObject({
      line: 5,
      message: expect.stringMatching(/"definition" is given twice \(also on line 2\)/),
    });
    expect(problem(fm('x:', '  a: 1', '  a: 2'))).toMatchObject({ line: 4, message: expect.stringMatching(/"a" is given twice \(also on line 3\)/) });
  });

  it('says a colon in an unquoted value must be quoted, with the quoted value', () => {
    expect(problem(fm('term-id: AI-0001', 'preferred-term: Weights: the learned numbers', 'public-access: true'))).toEqual({
      line: 3,
      message:
        'the value of "preferred-term" contains ": ", which YAML reads as the start of another key; put the whole value in quotes: preferred-term: "Weights: the learned numbers"',
    });
  });

  it('says when text follows a closing quote, suggesting the other quote', () => {
    const p = problem(fm('term-id: AI-0001', "definition: 'it's here'", 'status: draft'));
    expect(p.line).toBe(3);
    expect(p.message).toMatch(/the value of "definition" starts with a quote.*definition: "it's here"/);
  });

  it('says a line that is not key: value must become one or be indented', () => {
    expect(problem(fm('term-id: AI-0001', 'just some words', 'public-access: true'))).toEqual({
      line: 3,
      message: 'this line is not a "key: value" pair; write it as key: value, or indent it under the key whose value it continues',
    });
    expect(problem(fm('definition: |', 'not indented'))).toMatchObject({ line: 3 });
  });

  it('reports tab indentation as such', () => {
    expect(problem(fm('alt-terms:', '  - a', '\t- b'))).toEqual({
      line: 4,
      message: 'this line is indented with a tab; YAML allows only spaces for indentation',
    });
  });

  it('explains values YAML reads as syntax', () => {
    expect(problem(fm('term-id: @AI-0001'))).toMatchObject({ line: 2, message: 'a value cannot start with @; put it in quotes' });
    expect(problem(fm('term-id: *AI'))).toMatchObject({ line: 2, message: expect.stringMatching(/starts with \* is read as a YAML alias/) });
    expect(problem(fm('definition: "a \\q b"'))).toMatchObject({ line: 2, message: expect.stringMatching(/backslash inside/) });
    expect(problem(fm('term-id: AI-0001', '- Weights'))).toMatchObject({ line: 3, message: expect.stringMatching(/a list item \("- …"\) cannot stand here/) });
  });

  it('keeps the line right with CRLF line endings and a byte-order mark', () => {
    expect(problem('\uFEFF---\r\nterm-id: AI-0001\r\npreferred-term: X\r\npreferred-term: Y\r\n---\r\n')).toMatchObject({ line: 4 });
  });

  it("keeps js-yaml's reason for anything else", () => {
    expect(problem(fm('%YAML x', 'term-id: a'))).toMatchObject({ message: expect.stringMatching(/^the front matter is not valid YAML: /) });
  });
});

describe('front matter that is never closed', () => {
  it('is a parse-error on the opening line, not a silently withheld page', () => {
    const page = readPage('---\nterm-id: AI-0001\npreferred-term: Unclosed\npublic-access: true\n\n## Body\n', 'open.md');
    expect(page.diagnostics).toEqual([
      expect.objectContaining({
        code: 'parse-error',
        severity: 'error',
        file: 'open.md',
        line: 1,
        message: expect.stringMatching(/never closed; add a line with three dashes \(---\)/),
      }),
    ]);
  });

  it('leaves a page that merely starts with a --- rule alone', () => {
    const page = readPage('---\n- a bullet\n- another\n', 'rule.md');
    expect(page.diagnostics).toEqual([]);
    const props = readPage('---\npublic:: true\n- a bullet\n', 'props.md');
    expect(props.diagnostics).toEqual([]);
  });
});
