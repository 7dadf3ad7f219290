// What changed between two checks of the same content: the problems that are new and the ones that
// are fixed. A problem is the same problem when its file, severity, code, message and target are
// the same, wherever its line moved (a line added above it is no news to the editor).
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';

export interface DiagnosticDiff {
  added: Diagnostic[];
  fixed: Diagnostic[];
}

const identity = (d: Diagnostic) => `${d.file}\u0000${d.severity}\u0000${d.code}\u0000${d.message}\u0000${d.target ?? ''}`;

export function diffDiagnostics(before: readonly Diagnostic[], after: readonly Diagnostic[]): DiagnosticDiff {
  const left = new Map<string, Diagnostic[]>();
  for (const d of before) {
    const list = left.get(identity(d));
    if (list) list.push(d);
    else left.set(identity(d), [d]);
  }
  const added: Diagnostic[] = [];
  for (const d of after) {
    const list = left.get(identity(d));
    if (list && list.length > 0) list.shift();
    else added.push(d);
  }
  const fixed = [...left.values()].flat();
  return { added: added.sort(compareDiagnostics), fixed: fixed.sort(compareDiagnostics) };
}
