// `astro dev` for browser tests: started on a content folder with its own build cache and a free
// port, with the environment an editor's shell gives it (not Vitest's own variables), its output
// kept for error messages, and stopped (SIGTERM, then SIGKILL after 10 s).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

export interface DevServer {
  /** The server's root URL, with a trailing slash. */
  url: string;
  /** Polls `check` until it returns true, or throws after `ms` with the dev server's log. */
  until(check: () => Promise<boolean>, ms: number, what: string): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts `astro dev` on `content` (build cache in `cacheDir`) and waits until it answers. */
export async function startDevServer(content: string, cacheDir: string): Promise<DevServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  let log = '';
  const dev = spawn(path.join(BIN, 'astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      // Not Vitest's own variables (NODE_ENV=test, VITEST…): the dev server must run as it does for an editor.
      ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(k))),
      PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
      KB_CONTENT_DIR: content,
      KB_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  dev.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  dev.on('exit', (code, signal) => (log += `\n(dev server exited: ${code ?? signal})`));

  const until = async (check: () => Promise<boolean>, ms: number, what: string): Promise<void> => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check().catch(() => false)) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}; dev server log:\n${log.slice(-3000)}`);
  };
  const stop = async (): Promise<void> => {
    if (dev.exitCode !== null) return;
    const exited = new Promise((r) => dev.once('exit', r));
    dev.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (dev.exitCode === null) dev.kill('SIGKILL');
  };

  try {
    await until(async () => (await fetch(url)).ok, 180_000, 'the dev server');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, until, stop };
}
