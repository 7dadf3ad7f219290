// Check 4 — malformed pages: serious HTML parse errors (as reported by parse5), a missing
// `<!DOCTYPE html>`, a missing or empty <title>, and id attributes used more than once in a page.
// Cosmetic parse errors (character-reference nits, a stray solidus) are not reported.
import type { PageFacts } from './html.ts';
import type { Finding } from './types.ts';

/** parse5 error codes that mean the document structure is not what the author wrote. */
export const SERIOUS_PARSE_ERRORS: ReadonlySet<string> = new Set([
  'eof-in-tag',
  'eof-in-comment',
  'eof-in-doctype',
  'eof-in-cdata',
  'eof-before-tag-name',
  'eof-in-script-html-comment-like-text',
  'eof-in-element-that-can-contain-only-text',
  'end-tag-without-matching-open-element',
  'closing-of-element-with-open-child-elements',
  'open-elements-left-after-eof',
  'misplaced-doctype',
  'misplaced-start-tag-for-head-element',
  'abandoned-head-element-child',
  'disallowed-content-in-noscript-in-head',
  'nested-noscript-in-head',
  'duplicate-attribute',
  'missing-attribute-value',
  'missing-whitespace-between-attributes',
  'unexpected-character-in-attribute-name',
  'unexpected-equals-sign-before-attribute-name',
  'unexpected-null-character',
  'non-void-html-element-start-tag-with-trailing-solidus',
  'end-tag-with-attributes',
  'invalid-first-character-of-tag-name',
  'cdata-in-html-content',
  'incorrectly-opened-comment',
  'abrupt-closing-of-empty-comment',
  'incorrectly-closed-comment',
]);

export function checkMalformed(page: PageFacts): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number | undefined, message: string): void => {
    findings.push({ check: 'malformed', file: page.file, ...(line ? { line } : {}), message });
  };
  if (!page.hasHtmlDoctype) add(1, 'missing <!DOCTYPE html>');
  for (const e of page.parseErrors) if (SERIOUS_PARSE_ERRORS.has(e.code)) add(e.startLine, `HTML parse error: ${e.code} (column ${e.startCol})`);
  if (page.title === null) add(undefined, 'no <title> element');
  else if (page.title.trim() === '') add(undefined, 'empty <title>');
  for (const [id, lines] of page.ids) {
    if (lines.length > 1) add(lines[1], `duplicate id="${id}" (lines ${lines.join(', ')})`);
  }
  return findings;
}
