// Rendering in worker threads: each worker (src/lib/build/render-worker.ts, TypeScript loaded through
// tsx) gets the build's render environment, renders the files it is sent and posts the pages back in
// small batches as it goes, so that neither side ever holds every rendered page at once.
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../../config.ts';
import type { RenderEnvironment, RenderedPage } from './render-page.ts';

export interface WorkerSetup {
  contentDir: string;
  config: SiteConfig;
  env: RenderEnvironment;
}

/** A batch of rendered pages: the index (in the files sent) of the first, then the pages in order. */
export interface RenderedBatch {
  from: number;
  pages: RenderedPage[];
}

/** What a worker posts: a batch, or that it is done. */
export type WorkerMessage = RenderedBatch | { done: true };

/** A started worker: `render` sends it files once (and lets it exit afterwards); `stop` ends it unused. */
export interface RenderWorker {
  /** Renders `files`, handing each batch to `onBatch` as it arrives; resolves when all are rendered. */
  render(files: string[], onBatch: (batch: RenderedBatch) => void): Promise<void>;
  stop(): void;
}

export function startRenderWorker(setup: WorkerSetup): RenderWorker {
  const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: setup });
  let failed: Error | null = null;
  let job: { onBatch: (batch: RenderedBatch) => void; resolve: () => void; reject: (e: Error) => void } | null = null;
  const fail = (err: Error) => {
    failed = err;
    job?.reject(err);
  };
  worker.on('error', fail);
  // A worker that stops before it has answered fails its render, even one asked for later.
  worker.on('exit', (code) => {
    if (code !== 0) fail(new Error(`render worker stopped with exit code ${code}`));
  });
  worker.on('message', (message: WorkerMessage) => {
    if (!job) return;
    if ('pages' in message) {
      try {
        job.onBatch(message);
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
      return;
    }
    const done = job;
    job = null;
    done.resolve();
    void worker.terminate();
  });
  return {
    render(files, onBatch) {
      return new Promise<void>((resolve, reject) => {
        if (failed) return reject(failed);
        job = { onBatch, resolve, reject };
        worker.postMessage(files);
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
