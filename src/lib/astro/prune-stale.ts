// Astro integration: removes what an earlier build left in the output folder. The build keeps the
// folder (vite.build.emptyOutDir: false) so pages Astro's incremental build skips are left in place
// instead of being copied back from the cache one by one. A file survives only if this build wrote
// it (modified after the build started) or Astro reports it as one of this build's pages or endpoint
// outputs (generated or kept); everything else — a page withdrawn or made private since, old script
// bundles, the previous search index — is deleted, and empty folders with it.
// Keeping a page in place is only right if the folder holds what this cache's last build wrote. The
// cache records the output folder and when that build ended; if the folder is another one, or
// something wrote to it since (a build with another cache or content folder), it is emptied first.
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files modified this long before the build started still count as older than it. Nothing of this
 * build is written before it starts; the margin only covers file systems with coarse timestamps.
 */
export const CLOCK_MARGIN_MS = 2000;

/**
 * Deletes files under `root` that are neither in `keep` nor modified since `since`, except in the
 * top-level folders named in `skip`; returns how many.
 */
export function pruneStale(root: string, keep: ReadonlySet<string>, since: number, skip: readonly string[] = []): number {
  let removed = 0;
  const visit = (dir: string): boolean => {
    let empty = true;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (dir === root && skip.includes(d.name)) empty = false;
        else if (visit(file)) rmdirSync(file);
        else empty = false;
      } else if (!keep.has(file) && statSync(file).mtimeMs < since - CLOCK_MARGIN_MS) {
        unlinkSync(file);
        removed++;
      } else empty = false;
    }
    return empty;
  };
  visit(root);
  return removed;
}

/** Whether any file under `root` (outside the folders named in `skip`) was modified after `time`. */
export function modifiedSince(root: string, time: number, skip: readonly string[] = []): boolean {
  const visit = (dir: string): boolean => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (!(dir === root && skip.includes(d.name)) && visit(file)) return true;
      } else if (statSync(file).mtimeMs > time) return true;
    }
    return false;
  };
  return existsSync(root) && visit(root);
}

/**
 * Deletes a folder in the background. On POSIX systems a detached `rm -rf` at the lowest CPU (and,
 * where `ionice` exists, disk) priority does it, so it takes only what the build leaves idle and may
 * outlive the build; elsewhere (or if neither can start) this process deletes it, and only exits
 * once that is done. Another build sharing the cache may be removing the same trash: a failure here
 * loses nothing.
 */
function deleteInBackground(folder: string): void {
  const commands = [
    ['ionice', '-c3', 'nice', '-n', '19', 'rm', '-rf', folder],
    ['nice', '-n', '19', 'rm', '-rf', folder],
  ];
  const attempt = (k: number): void => {
    if (k >= commands.length || process.platform === 'win32') {
      void rm(folder, { recursive: true, force: true }).catch(() => undefined);
      return;
    }
    try {
      const child = spawn(commands[k][0], commands[k].slice(1), { detached: true, stdio: 'ignore' });
      child.on('error', () => attempt(k + 1));
      child.unref();
    } catch {
      attempt(k + 1);
    }
  };
  attempt(0);
}

/**
 * Empties `dir` at once and deletes its old contents in the background: they are moved into a trash
 * folder in the cache (a rename, when both are on one file system) and removed while the build goes
 * on. Where a rename is not possible they are deleted now. Trash left by an earlier build that was
 * stopped is removed too.
 */
function emptyFolder(dir: string, cacheDir: string): void {
  moveToTrash(readdirSync(dir).map((name) => path.join(dir, name)), cacheDir);
}

/** Moves files and folders into a new trash folder in the cache and deletes it in the background. */
export function moveToTrash(items: readonly string[], cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (name.startsWith(TRASH)) deleteInBackground(path.join(cacheDir, name));
  const trash = path.join(cacheDir, `${TRASH}${process.pid}-${Date.now()}`);
  mkdirSync(trash);
  for (const item of items) {
    try {
      renameSync(item, path.join(trash, path.basename(item)));
    } catch {
      rmSync(item, { recursive: true, force: true });
    }
  }
  deleteInBackground(trash);
}

/** Trash folders in the cache start with this; a benchmark waits for them to go before it measures. */
export const TRASH = 'kb-old-output-';

interface OutputRecord {
  outDir: string;
  builtAt: number;
}

/** Kept up to date by another integration (src/lib/astro/previews.ts), which removes what is stale there. */
const KEPT_BY_OTHERS = ['previews'];

/** The search index is written after Astro's build (scripts/build.ts), so its files are newer. */
const WRITTEN_AFTER_BUILD = ['pagefind'];

/**
 * Whether `outDir` holds what the last build with the cache in `cacheDir` wrote, untouched since
 * (the search index aside). Only then may a build keep pages in it, or index them before it ends.
 */
export function outputIsFromLastBuild(outDir: string, cacheDir: string): boolean {
  let record: OutputRecord | null = null;
  try {
    record = JSON.parse(readFileSync(path.join(cacheDir, RECORD), 'utf8')) as OutputRecord;
  } catch {
    record = null;
  }
  return record !== null && path.resolve(record.outDir) === path.resolve(outDir) && existsSync(outDir) && !modifiedSince(outDir, record.builtAt, WRITTEN_AFTER_BUILD);
}

const RECORD = 'kb-output.json';

export function pruneStaleOutput(): AstroIntegration {
  let started = Date.now();
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'kb-prune-stale',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ logger }) => {
        started = Date.now();
        if (!outputIsFromLastBuild(outDir, cacheDir) && existsSync(outDir) && readdirSync(outDir).length > 0) {
          logger.info('the output folder is not from the last build with this cache: emptying it');
          emptyFolder(outDir, cacheDir);
        }
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        // The previous search index is out of date. When `npm run build` runs this build, its search
        // step replaces the index as a whole; otherwise it goes now (a rename; deleted in the background).
        const searchStep = process.env.KB_SEARCH_STEP === '1';
        if (!searchStep) for (const name of WRITTEN_AFTER_BUILD) if (existsSync(path.join(root, name))) moveToTrash([path.join(root, name)], cacheDir);
        const keep = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) keep.add(fileURLToPath(url));
        const removed = pruneStale(root, keep, started, searchStep ? [...WRITTEN_AFTER_BUILD, ...KEPT_BY_OTHERS] : KEPT_BY_OTHERS);
        if (removed > 0) logger.info(`removed ${removed} files an earlier build left in the output folder`);
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(path.join(cacheDir, RECORD), JSON.stringify({ outDir, builtAt: Date.now() } satisfies OutputRecord));
      },
    },
  };
}
