// Shared vocabulary of the site audit: what a finding is, which checks exist, the options the
// orchestrator takes and the report it returns. Each check module turns facts about the built site
// into Findings; nothing here touches the file system.

export type CheckName = 'leak' | 'injected-script' | 'dead-link' | 'malformed';
export const CHECKS: readonly CheckName[] = ['leak', 'injected-script', 'dead-link', 'malformed'];

export interface Finding {
  check: CheckName;
  /** Path relative to the audited dist folder, with `/` separators. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  message: string;
}

export interface AuditOptions {
  /** The built site. */
  dist: string;
  /** Folder of source pages, to learn the text of withheld pages (optional). */
  contentDir?: string;
  /** Whether the site was built with KB_PUBLISH_ALL (publish every page not marked private). */
  publishAll?: boolean;
  /** A corpus manifest (`scripts/gen-corpus.ts`) whose `private[].marker` strings must not appear. */
  manifestFile?: string;
  /** Site base path (`/` or e.g. `/kb/`); links under it map to DIST. */
  base?: string;
}

export interface AuditReport {
  dist: string;
  files: number;
  htmlPages: number;
  withheldPages: number;
  markers: number;
  findings: Finding[];
  counts: Record<CheckName, number>;
  /** Threads that scanned files (1 = in process). */
  threads: number;
  /** Why worker threads were not used, when they were wanted but failed. */
  parallelFallback?: string;
  durationMs: number;
}
