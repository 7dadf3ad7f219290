// Specification of what a re-check reports (src/lib/build/diagnostic-diff.ts): the new and the fixed
// problems; a problem whose line merely moved is neither.
import { describe, expect, it } from 'vitest';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';

describe('diffDiagnostics', () => {
  const broken = (line: number, target = 'X') => diagnostic('broken-link', 'a.md', line, `link "${target}" resolves to no page`, target);

  it('lists new and fixed problems, ignoring a problem whose line moved', () => {
    const before = [broken(3), broken(5, 'Y')];
    const after = [broken(4), broken(9, 'Z')];
    expect(diffDiagnostics(before, after)).toEqual({ added: [broken(9, 'Z')], fixed: [broken(5, 'Y')] });
  });

  it('counts repeated problems one by one', () => {
    expect(diffDiagnostics([broken(3)], [broken(3), broken(7)])).toEqual({ added: [broken(7)], fixed: [] });
    expect(diffDiagnostics([broken(3), broken(7)], [broken(7)]).fixed).toHaveLength(1);
  });

  it('tells problems of other files, codes and severities apart', () => {
    const other = diagnostic('broken-link', 'b.md', 3, 'link "X" resolves to no page', 'X');
    const parent = diagnostic('missing-parent', 'a.md', 3, 'link "X" resolves to no page', 'X');
    expect(diffDiagnostics([broken(3)], [other, parent])).toEqual({ added: [parent, other], fixed: [broken(3)] });
  });
});
