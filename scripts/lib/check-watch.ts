// `npm run check -- --watch`: after the first check, watches the content folder (fs.watch, recursive)
// and checks again after every change, printing only what changed: `+ file:line: …` for each new
// problem, `- file:line: …` for each fixed one, then the totals. Editors save in several steps
// (a temporary file, a rename, a second write), so events are gathered until the folder has been
// quiet for a moment (DEBOUNCE_MS) and handled as one change; a change that arrives while a check
// runs is checked right after it. Each check is the whole check (the build's pipeline, as
// `npm run check` runs it); its caches make it read and parse only the files that changed and render
// only the pages whose output can have changed.
import { existsSync, type FSWatcher, watch } from 'node:fs';
import path from 'node:path';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';
import { countBySeverity, type Diagnostic, formatDiagnostic } from '../../src/lib/diagnostics.ts';
import { PAGE_FILE } from '../../src/lib/ontology/load.ts';

/** How long the folder must be quiet before a change is checked. */
export const DEBOUNCE_MS = 80;

/**
 * Folders no page is read from (as src/lib/ontology/load.ts lists pages): hidden ones, Logseq's own and
 * node_modules. Changes there are not the content's, and the build cache may well be one of them.
 */
const IGNORED = /(?:^|\/)(?:\.[^/]*|node_modules|logseq|bak)(?:\/|$)/;

export interface CheckWatch {
  close(): void;
}

export interface WatchOptions {
  /** The content folder. */
  dir: string;
  /** The diagnostics of the check the watch starts from. */
  initial: readonly Diagnostic[];
  /** Checks the folder as it is now. */
  check: () => Promise<Diagnostic[]>;
  print: (text: string) => void;
  /** Called when the folder can no longer be watched (it was deleted, say), with the reason. */
  onFailure: (message: string) => void;
  debounceMs?: number;
}

export function totals(diagnostics: readonly Diagnostic[]): string {
  const c = countBySeverity(diagnostics);
  return `${c.error} errors, ${c.warning} warnings, ${c.info} info`;
}

/** The report of one re-check: what changed, the new and fixed problems, the totals. */
export function changeReport(what: string, before: readonly Diagnostic[], after: readonly Diagnostic[], seconds: number): string {
  const { added, fixed } = diffDiagnostics(before, after);
  const time = new Date().toTimeString().slice(0, 8);
  const lines = [`[${time}] ${what} changed; checked in ${seconds.toFixed(2)} s`];
  for (const d of added) lines.push(`+ ${formatDiagnostic(d)}`);
  for (const d of fixed) lines.push(`- ${formatDiagnostic(d)}`);
  if (added.length === 0 && fixed.length === 0) lines.push('no new or fixed problems');
  lines.push(totals(after));
  return lines.join('\n');
}

/** The page files among a watcher's names (relative to the folder, forward slashes), or the folder. */
function described(names: readonly string[]): { pages: string[]; what: string } {
  const pages = [...new Set(names.filter((n) => n !== '' && PAGE_FILE.test(n)))].sort();
  if (pages.length === 0) return { pages, what: 'the content folder' };
  return { pages, what: pages.length <= 3 ? pages.join(', ') : `${pages.slice(0, 3).join(', ')} and ${pages.length - 3} more` };
}

export function watchCheck(options: WatchOptions): CheckWatch {
  const { dir, print } = options;
  const debounce = options.debounceMs ?? DEBOUNCE_MS;
  let current = [...options.initial];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let watcher: FSWatcher | null = null;
  let closing = false;

  const fail = (message: string) => {
    if (closing) return;
    close();
    options.onFailure(message);
  };

  const recheck = async () => {
    timer = null;
    if (running || closing) return;
    if (!existsSync(dir)) {
      fail(`the content folder ${dir} is gone (deleted or moved); stopped watching`);
      return;
    }
    const names = [...pending];
    pending.clear();
    running = true;
    const started = performance.now();
    let after: Diagnostic[];
    try {
      after = await options.check();
    } catch (error) {
      running = false;
      print(`check failed: ${error instanceof Error ? error.message : String(error)}; waiting for the next change`);
      return;
    }
    running = false;
    if (closing) return;
    const { pages, what } = described(names);
    const { added, fixed } = diffDiagnostics(current, after);
    // A temporary file of an editor, a folder touched: nothing to say unless a problem came or went.
    if (pages.length > 0 || added.length > 0 || fixed.length > 0) print(changeReport(what, current, after, (performance.now() - started) / 1000));
    current = after;
    if (pending.size > 0) schedule();
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void recheck(), debounce);
  };

  watcher = watch(dir, { recursive: true }, (_event, name) => {
    const relative = name === null ? '' : String(name).split(path.sep).join('/');
    if (relative !== '' && IGNORED.test(relative)) return;
    pending.add(relative);
    if (!running) schedule();
  });
  watcher.on('error', (error: Error) => fail(`cannot watch ${dir} any longer: ${error.message}`));
  // The watcher closes by itself when its folder goes away.
  watcher.on('close', () => {
    if (!closing) setTimeout(() => fail(`the content folder ${dir} can no longer be watched (deleted or moved?); stopped watching`), debounce);
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
