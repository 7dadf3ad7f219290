// Rendering in a worker thread: starts src/lib/site/render-worker.ts (TypeScript, loaded through
// tsx), hands it the content folder and the files to render, and returns their rendered bodies.
import { Worker } from 'node:worker_threads';
import type { SiteConfig } from '../../config.ts';
import type { RenderedBody } from './build-graph.ts';

export interface RenderJob {
  contentDir: string;
  config: SiteConfig;
  files: string[];
}

export type WorkerBody = Omit<RenderedBody, 'bodyDigest'>;

export function renderInWorker(job: RenderJob): Promise<WorkerBody[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { execArgv: ['--import', 'tsx'], workerData: job });
    worker.once('message', (bodies: WorkerBody[]) => {
      resolve(bodies);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`render worker stopped with exit code ${code}`));
    });
  });
}
