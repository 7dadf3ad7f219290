// Shared by the search e2e test and the search benchmark: generates a corpus and builds the site from
// it. The build runs in a throw-away copy of the project (node_modules symlinked) with its own build
// cache, so that it cannot collide with other builds running in the working tree at the same time.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(PROJECT_ROOT, 'node_modules', '.bin');
const SKIP = new Set(['node_modules', '.git', '.astro', 'dist', '.ci']);

/** Environment whose PATH starts with the project's own binaries (its Node, tsx, astro). */
export function projectEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): string {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(command)} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}):\n${output.slice(-4000)}`,
    );
  }
  return output;
}

export interface ManifestConcept {
  file: string;
  termId: string;
  title: string;
  domain: string;
  parents: string[];
}

export interface CorpusManifest {
  pages: number;
  seed: number;
  concepts: ManifestConcept[];
  private: { file: string; title: string; marker: string }[];
}

/** `gen-corpus.ts --pages N --seed S --out DIR [--defects]`; returns the manifest. */
export function generateCorpus(out: string, pages: number, seed: number, defects: boolean, timeoutMs = 600_000): CorpusManifest {
  const args = [path.join(PROJECT_ROOT, 'scripts', 'gen-corpus.ts'), '--pages', String(pages), '--seed', String(seed), '--out', out];
  if (defects) args.push('--defects');
  run(path.join(BIN, 'tsx'), args, PROJECT_ROOT, projectEnv(), timeoutMs);
  return JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as CorpusManifest;
}

/**
 * A private copy of the project (its source, with node_modules linked) and its own build cache, so
 * that builds in it never collide with builds of the working tree, and so that a test may change
 * the copy's code between builds.
 */
export interface ProjectCopy {
  dir: string;
  /** Runs `npm run build`'s script in the copy for `contentDir` into `outDir`; returns its output. */
  build(contentDir: string, outDir: string, timeoutMs?: number, extraEnv?: Record<string, string>): string;
  remove(): void;
}

export function projectCopy(): ProjectCopy {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-project-'));
  cpSync(PROJECT_ROOT, dir, {
    recursive: true,
    filter: (source) => !SKIP.has(path.relative(PROJECT_ROOT, source).split(path.sep)[0]),
  });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return {
    dir,
    build(contentDir, outDir, timeoutMs = 1_800_000, extraEnv = {}) {
      // Its own build cache too: node_modules is shared with the working tree, and so would be the
      // default cache in node_modules/.astro (site data, incremental-build manifest).
      const env = projectEnv({ KB_CONTENT_DIR: contentDir, KB_CACHE_DIR: path.join(dir, '.kb-cache'), ...extraEnv });
      const output = run(path.join(BIN, 'tsx'), ['scripts/build.ts', '--outDir', outDir], dir, env, timeoutMs);
      if (!existsSync(path.join(outDir, 'pagefind', 'kb-search.json'))) throw new Error(`build wrote no Pagefind index:\n${output.slice(-4000)}`);
      return output;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the site for `contentDir` into `outDir` (Astro, then Pagefind) from a private copy of the project. */
export function buildSite(contentDir: string, outDir: string, timeoutMs = 1_800_000, extraEnv: Record<string, string> = {}): string {
  const copy = projectCopy();
  try {
    return copy.build(contentDir, outDir, timeoutMs, extraEnv);
  } finally {
    copy.remove();
  }
}
