// Astro integration: the output folder holds exactly what this build produced. Builds keep the folder
// (vite.build.emptyOutDir is off) so that pages Astro's incremental build leaves unchanged stay where
// they are instead of being copied back from its cache. At the end of the build everything that is
// not an output of this build is deleted: a page withdrawn or made private since, an old script
// bundle. The outputs are known, not guessed from file times: the pages Astro reports (generated or
// kept), the bundles Vite reports writing, the public folder, and the folders other steps own
// (previews, KaTeX's files, the search index), which those steps keep exact themselves.
// Keeping a page in place is only right if the folder holds what this cache's last build left there.
// The cache records the folder's listing (path, size, modification time of each file); a folder that
// differs from it (another build, another cache, a hand edit) is emptied before the build starts.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Top-level folders of the output kept exact by other steps. */
export const OWNED_ELSEWHERE = ['previews', 'vendor', 'pagefind'] as const;

/** Every file under `root`, relative, with `/` separators, except in the named top-level folders. */
export function listOutput(root: string, skip: readonly string[] = []): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!skip.includes(rel.split('/')[0])) out.push(rel);
  }
  return out.sort();
}

type Listing = Record<string, [size: number, mtimeMs: number]>;

function listing(root: string): Listing {
  const out: Listing = {};
  for (const rel of listOutput(root, OWNED_ELSEWHERE)) {
    const st = statSync(path.join(root, rel));
    out[rel] = [st.size, st.mtimeMs];
  }
  return out;
}

const RECORD = 'kb-output.json';

interface OutputRecord {
  outDir: string;
  files: Listing;
}

/** Whether `outDir` is exactly as the last build with this cache left it. */
export function outputIsFromLastBuild(outDir: string, cacheDir: string): boolean {
  let record: OutputRecord;
  try {
    record = JSON.parse(readFileSync(path.join(cacheDir, RECORD), 'utf8')) as OutputRecord;
  } catch {
    return false;
  }
  if (path.resolve(record.outDir) !== path.resolve(outDir) || !existsSync(outDir)) return false;
  const now = listing(outDir);
  const keys = Object.keys(now);
  if (keys.length !== Object.keys(record.files).length) return false;
  return keys.every((k) => record.files[k] !== undefined && record.files[k][0] === now[k][0] && record.files[k][1] === now[k][1]);
}

/** Deletes every file under `root` not in `keep` (relative paths), except in `skip` folders, and empty folders. */
export function removeAllBut(root: string, keep: ReadonlySet<string>, skip: readonly string[] = OWNED_ELSEWHERE): number {
  let removed = 0;
  for (const rel of listOutput(root, skip)) {
    if (keep.has(rel)) continue;
    unlinkSync(path.join(root, rel));
    removed++;
  }
  const prune = (dir: string): boolean => {
    let empty = true;
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, d.name);
      if (d.isDirectory() && !(dir === root && skip.includes(d.name)) && prune(full)) rmdirSync(full);
      else empty = false;
    }
    return empty;
  };
  prune(root);
  return removed;
}

/**
 * A Vite plugin that records what each environment's bundle puts into the output folder: the client
 * build writes there directly; the prerender build writes elsewhere and Astro then moves its assets
 * (stylesheets) to the same relative path in the output folder (its `ssrMoveAssets`). Its JavaScript
 * chunks are deleted with its folder.
 */
function bundleRecorder(outDir: () => string, written: Set<string>): Plugin {
  return {
    name: 'kb-output-bundles',
    apply: 'build',
    writeBundle(options, bundle) {
      if (!options.dir) return;
      const dir = path.resolve(options.dir);
      const client = this.environment.name === 'client';
      for (const [name, item] of Object.entries(bundle)) {
        if (client) written.add(path.relative(path.resolve(outDir()), path.join(dir, name)).split(path.sep).join('/'));
        else if (item.type === 'asset') written.add(name.split(path.sep).join('/'));
      }
    },
  };
}

export function outputFolder(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let publicDir = '';
  const bundles = new Set<string>();
  return {
    name: 'kb-output-folder',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [bundleRecorder(() => outDir, bundles)] } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': ({ logger }) => {
        if (existsSync(outDir) && readdirSync(outDir).length > 0 && !outputIsFromLastBuild(outDir, cacheDir)) {
          logger.info('the output folder is not as the last build with this cache left it: emptying it');
          for (const name of readdirSync(outDir)) rmSync(path.join(outDir, name), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const keep = new Set<string>(bundles);
        for (const urls of assets.values()) for (const url of urls) keep.add(path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
        for (const rel of listOutput(publicDir)) keep.add(rel);
        const removed = removeAllBut(root, keep);
        if (removed > 0) logger.info(`removed ${removed} files an earlier build left in the output folder`);
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(path.join(cacheDir, RECORD), JSON.stringify({ outDir: root, files: listing(root) } satisfies OutputRecord));
      },
    },
  };
}
