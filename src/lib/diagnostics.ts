// Diagnostics: the one shape every stage uses to report a problem with an editor's page, plus the
// catalogue of codes (documented for editors in the README) and their default severities.

export type Severity = 'error' | 'warning' | 'info';

/** Every code the pipeline can emit, with its default severity and a one-line explanation. */
export const DIAGNOSTIC_CODES = {
  'parse-error': { severity: 'error', summary: 'the file cannot be read: bad UTF-8, binary data or broken front matter' },
  'unclosed-fence': { severity: 'warning', summary: 'a ``` code fence is never closed; the rest of the file is read as ordinary text' },
  'malformed-property': { severity: 'warning', summary: 'a `key:: value` line has no key or an unusable value' },
  'empty-page': { severity: 'info', summary: 'the file has no content, so there is nothing to publish' },
  'missing-term-id': { severity: 'error', summary: 'a public concept page has no `term-id`' },
  'invalid-term-id': { severity: 'error', summary: 'a `term-id` is not of the form PREFIX-0000 (e.g. AI-0052) or a bare number' },
  'duplicate-term-id': { severity: 'error', summary: 'two pages claim the same `term-id`' },
  'missing-preferred-term': { severity: 'warning', summary: 'a concept has no `preferred-term`; the file name is used as its title' },
  'duplicate-slug': { severity: 'warning', summary: 'two pages want the same URL; the later one gets a numbered URL' },
  'missing-parent': { severity: 'error', summary: 'an `is-subclass-of` target resolves to no page' },
  'subclass-cycle': { severity: 'error', summary: '`is-subclass-of` links form a cycle' },
  'broken-link': { severity: 'warning', summary: 'a [[link]] or relation target resolves to no page' },
  'ambiguous-link': { severity: 'warning', summary: 'a [[link]] matches several pages equally well; it is not linked' },
  'ambiguous-term': { severity: 'warning', summary: 'a page mentions a term of several concepts; the mention is not linked automatically' },
  'unrecognised-public-value': { severity: 'warning', summary: 'a `public` / `public-access` value is neither true nor false; the page is withheld' },
  'link-to-private': { severity: 'info', summary: 'a public page links to a withheld page; the link is shown as plain text' },
  'unknown-demo': { severity: 'warning', summary: 'a {{demo NAME}} macro names no known demo, or has bad parameters' },
  'invalid-math': { severity: 'warning', summary: 'a $…$ or $$…$$ formula is not valid KaTeX; its source is shown instead' },
  'missing-definition': { severity: 'info', summary: 'a concept has no definition anywhere on its page, so it has no lead, preview or search summary' },
  'invalid-json-ld': { severity: 'warning', summary: 'a ```json-ld block is not valid JSON; it is shown as code and its data is ignored' },
  'conflicting-data': {
    severity: 'warning',
    summary: "a page's JSON-LD and its `key:: value` properties disagree (term id, title, parents, domain or maturity)",
  },
  'todo-placeholder': { severity: 'warning', summary: "a published page still holds the new-term scaffold's TODO text" },
  'parent-is-private': { severity: 'info', summary: 'an `is-subclass-of` target is a withheld page, so the published taxonomy leaves it out' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** Path relative to the content folder, with forward slashes. */
  file: string;
  /** 1-based source line; 1 when the problem concerns the whole file. */
  line: number;
  message: string;
  /** For link and parent codes: the unresolved (or ambiguous, or private) link text. */
  target?: string;
  /** For `broken-link` and `missing-parent`: the closest published names, best first (at most 3). */
  suggestions?: string[];
}

export function diagnostic(code: DiagnosticCode, file: string, line: number, message: string, target?: string): Diagnostic {
  const d: Diagnostic = { severity: DIAGNOSTIC_CODES[code].severity, code, file, line: Math.max(1, line), message };
  if (target !== undefined) d.target = target;
  return d;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by file, then line, then severity, then code. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** The human form of GUIDE §4: `file:line: severity code: message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`;
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
