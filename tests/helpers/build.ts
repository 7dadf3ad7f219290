// Runs `npm run build`'s script (scripts/build.ts) for an integration test: its own content folder,
// output folder and build cache; returns the build's output (the summary among it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

export function buildSite(content: string, outDir: string, cacheDir: string, extraEnv: Record<string, string> = {}): string {
  const r = spawnSync(path.join(BIN, 'tsx'), ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: {
      ...process.env,
      PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
      KB_CONTENT_DIR: content,
      KB_CACHE_DIR: cacheDir,
      KB_STRICT: '',
      KB_DIAGNOSTICS_PAGE: '',
      ASTRO_TELEMETRY_DISABLED: '1',
      ...extraEnv,
    },
  });
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return r.stdout;
}
