// `npm run check -- --watch`: after the first check, watches the content folder (fs.watch, recursive)
// and checks again after every change, printing only what changed: `+ file:line: …` for each new
// problem, `- file:line: …` for each fixed one, then the totals. Editors save in several steps
// (a temporary file, a rename, a second write), so events are gathered until the folder has been
// quiet for a moment (DEBOUNCE_MS) and handled as one change. Only the changed files are read and
// parsed again (src/lib/build/check-session.ts); the graph is rebuilt from the pages in memory.
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { countBySeverity, formatDiagnostic, type Diagnostic } from '../../src/lib/diagnostics.ts';
import type { CheckSession } from '../../src/lib/build/check-session.ts';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';

/** How long the folder must be quiet before a change is checked. */
export const DEBOUNCE_MS = 80;

export interface CheckWatch {
  close(): void;
}

export interface WatchOptions {
  session: CheckSession;
  /** The diagnostics of the check the watch starts from. */
  initial: readonly Diagnostic[];
  print: (text: string) => void;
  /** Called when the folder can no longer be watched (it was deleted, say), with the reason. */
  onFailure: (message: string) => void;
  debounceMs?: number;
}

export function totals(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${c.error} errors, ${c.warning} warnings, ${c.info} info`;
}

/** The report of one re-check: which files changed, the new and fixed problems, the totals. */
export function changeReport(files: readonly string[], before: readonly Diagnostic[], after: readonly Diagnostic[], seconds: number): string {
  const { added, fixed } = diffDiagnostics(before, after);
  const time = new Date().toTimeString().slice(0, 8);
  const named = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  const lines = [`[${time}] ${named} changed; checked in ${seconds.toFixed(2)} s`];
  for (const d of added) lines.push(`+ ${formatDiagnostic(d)}`);
  for (const d of fixed) lines.push(`- ${formatDiagnostic(d)}`);
  if (added.length === 0 && fixed.length === 0) lines.push('no new or fixed problems');
  lines.push(totals(after));
  return lines.join('\n');
}

export function watchCheck(options: WatchOptions): CheckWatch {
  const { session, print } = options;
  let current = [...options.initial];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;

  let closing = false;
  const fail = (message: string) => {
    if (closing) return;
    close();
    options.onFailure(message);
  };

  const recheck = () => {
    timer = null;
    if (!existsSync(session.dir)) {
      fail(`the content folder ${session.dir} is gone (deleted or moved); stopped watching`);
      return;
    }
    const names = [...pending];
    pending.clear();
    const started = performance.now();
    let changed: string[];
    if (names.includes('')) {
      // The watcher did not say which file: read the folder again.
      session.loadAll();
      changed = [`the folder (read again: ${session.size} page files)`];
    } else changed = session.update(names);
    if (changed.length === 0) return;
    const after = session.check().diagnostics;
    print(changeReport(changed, current, after, (performance.now() - started) / 1000));
    current = after;
  };

  watcher = watch(session.dir, { recursive: true }, (_event, name) => {
    pending.add(name === null ? '' : String(name));
    if (timer) clearTimeout(timer);
    timer = setTimeout(recheck, options.debounceMs ?? DEBOUNCE_MS);
  });
  watcher.on('error', (error: Error) => fail(`cannot watch ${session.dir} any longer: ${error.message}`));
  // The watcher closes by itself when its folder goes away.
  watcher.on('close', () => {
    if (!closing) setTimeout(() => fail(`the content folder ${session.dir} can no longer be watched (deleted or moved?); stopped watching`), options.debounceMs ?? DEBOUNCE_MS);
  });

  const close = () => {
    closing = true;
    if (timer) clearTimeout(timer);
    timer = null;
    watcher?.close();
    watcher = null;
  };
  return { close };
}
