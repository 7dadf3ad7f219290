// Worker-thread entry: rebuilds the (deterministic) concept graph from the content folder, renders
// the pages it was given, and posts their bodies back in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import { loadContent } from '../ontology/load.ts';
import type { PageRecord } from '../ontology/extract.ts';
import { makeRenderContext, renderConceptBody } from './build-graph.ts';
import type { RenderJob, WorkerBody } from './render-pool.ts';

const job = workerData as RenderJob;
const build = loadContent(job.contentDir, job.config);
const ctx = makeRenderContext(build);
const byFile = new Map<string, PageRecord>(build.records.map((r) => [r.page.file, r]));
const bodies: WorkerBody[] = job.files.map((file) => renderConceptBody(byFile.get(file) as PageRecord, ctx));
parentPort?.postMessage(bodies);
