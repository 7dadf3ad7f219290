// Worker-thread entry: rebuilds the (deterministic) concept graph from the content folder as soon as
// it starts, then renders the pages it is sent and posts their bodies back in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../ontology/load.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { WorkerSetup } from './render-pool.ts';
import { makeRenderContext, renderConceptPage, type RenderedPage } from './render-page.ts';

const setup = workerData as WorkerSetup;
const build = loadContent(setup.contentDir, setup.config);
const ctx = makeRenderContext(build, { autolink: setup.config.autolink });
const byFile = new Map<string, PageRecord>(build.records.map((r) => [r.page.file, r]));
parentPort?.once('message', (files: string[]) => {
  const bodies: RenderedPage[] = files.map((file) => renderConceptPage(byFile.get(file) as PageRecord, ctx));
  parentPort?.postMessage(bodies);
});
