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
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files modified this long before the build started still count as older than it. Nothing of this
 * build is written before it starts; the margin only covers file systems with coarse timestamps.
 */
const CLOCK_MARGIN_MS = 2000;

/** Deletes files under `root` that are neither in `keep` nor modified since `since`; returns how many. */
export function pruneStale(root: string, keep: ReadonlySet<string>, since: number): number {
  let removed = 0;
  const visit = (dir: string): boolean => {
    let empty = true;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (visit(file)) rmdirSync(file);
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
 * Empties `dir` at once and deletes its old contents in the background: they are moved into a trash
 * folder in the cache (a rename, when both are on one file system) and removed while the build goes
 * on; the process only exits once that is done. Where a rename is not possible they are deleted now.
 * Trash left by a build that was stopped is removed first.
 */
function emptyFolder(dir: string, cacheDir: string): void {
  mkdirSync(cacheDir, { recursive: true });
  for (const name of readdirSync(cacheDir)) if (name.startsWith(TRASH)) void rm(path.join(cacheDir, name), { recursive: true, force: true }).catch(() => undefined);
  const trash = path.join(cacheDir, `${TRASH}${process.pid}-${Date.now()}`);
  mkdirSync(trash);
  for (const name of readdirSync(dir)) {
    try {
      renameSync(path.join(dir, name), path.join(trash, name));
    } catch {
      rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }
  // Another build sharing the cache may be removing the same trash: a failure here loses nothing.
  void rm(trash, { recursive: true, force: true }).catch(() => undefined);
}

const TRASH = 'kb-old-output-';

interface OutputRecord {
  outDir: string;
  builtAt: number;
}

/** The search index is written after Astro's build (scripts/build.ts), so its files are newer. */
const WRITTEN_AFTER_BUILD = ['pagefind'];

export function pruneStaleOutput(): AstroIntegration {
  let started = Date.now();
  let outDir = '';
  let recordFile = '';
  return {
    name: 'kb-prune-stale',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        recordFile = path.join(fileURLToPath(config.cacheDir), 'kb-output.json');
      },
      'astro:build:start': ({ logger }) => {
        started = Date.now();
        let record: OutputRecord | null = null;
        try {
          record = JSON.parse(readFileSync(recordFile, 'utf8')) as OutputRecord;
        } catch {
          record = null;
        }
        const ours = record !== null && record.outDir === outDir && !modifiedSince(outDir, record.builtAt, WRITTEN_AFTER_BUILD);
        if (!ours && existsSync(outDir) && readdirSync(outDir).length > 0) {
          logger.info('the output folder is not from the last build with this cache: emptying it');
          emptyFolder(outDir, path.dirname(recordFile));
        }
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const keep = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) keep.add(fileURLToPath(url));
        const removed = pruneStale(fileURLToPath(dir), keep, started);
        if (removed > 0) logger.info(`removed ${removed} files an earlier build left in the output folder`);
        mkdirSync(path.dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify({ outDir, builtAt: Date.now() } satisfies OutputRecord));
      },
    },
  };
}
