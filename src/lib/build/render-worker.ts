// Worker-thread entry: renders the concept pages it is sent. It receives the build's render
// environment (how every link, tag and term resolves: plain data, see render-page.ts), then reads,
// parses and extracts only the files it renders, one at a time, and posts the rendered pages back in
// order, a small batch at a time. It never reads the rest of the content folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../logseq/read.ts';
import { makeDomainNormaliser } from '../ontology/domains.ts';
import { extractPage } from '../ontology/extract.ts';
import { type RenderedPage, renderConceptPage, renderContextOf } from './render-page.ts';
import type { WorkerMessage, WorkerSetup } from './render-pool.ts';

const setup = workerData as WorkerSetup;
const ctx = renderContextOf(setup.env);
const options = { publishAll: setup.config.publishAll, normaliseDomain: makeDomainNormaliser(setup.config.domains) };
const BATCH = 50;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.once('message', (files: string[]) => {
  let batch: RenderedPage[] = [];
  files.forEach((file, k) => {
    const page = readPage(readFileSync(path.join(setup.contentDir, file)), file, { digest: false });
    batch.push(renderConceptPage(extractPage(page, options), ctx));
    if (batch.length === BATCH || k === files.length - 1) {
      post({ from: k + 1 - batch.length, pages: batch });
      batch = [];
    }
  });
  post({ done: true });
});
