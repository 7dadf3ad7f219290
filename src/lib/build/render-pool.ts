// Rendering in worker threads: each worker (src/lib/build/render-worker.ts, TypeScript loaded through
// tsx) gets the build's render environment, renders the files it is sent and posts the pages back.
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../../config.ts';
import type { RenderedPage, RenderEnvironment } from './render-page.ts';

export interface WorkerSetup {
  contentDir: string;
  config: SiteConfig;
  env: RenderEnvironment;
}

/** A started worker: `render` sends it files once (and lets it exit afterwards); `stop` ends it unused. */
export interface RenderWorker {
  render(files: string[]): Promise<RenderedPage[]>;
  stop(): void;
}

export function startRenderWorker(setup: WorkerSetup): RenderWorker {
  const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: setup });
  let failed: Error | null = null;
  let settle: { resolve: (b: RenderedPage[]) => void; reject: (e: Error) => void } | null = null;
  const fail = (err: Error) => {
    failed = err;
    settle?.reject(err);
  };
  worker.on('error', fail);
  // A worker that stops before it has answered fails its render, even one asked for later.
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`render worker stopped with exit code ${code}`));
  });
  worker.on('message', (bodies: RenderedPage[]) => {
    const s = settle;
    settle = null;
    s?.resolve(bodies);
    void worker.terminate();
  });
  return {
    render(files) {
      return new Promise<RenderedPage[]>((resolve, reject) => {
        if (failed) return reject(failed);
        settle = { resolve, reject };
        worker.postMessage(files);
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
