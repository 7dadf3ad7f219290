// Worker-thread entry: renders the concept pages it is sent. It receives the build's render
// environment (how every link, tag and term resolves: plain data, see render-page.ts), then reads,
// parses and extracts only the files it renders, one at a time, and posts the rendered pages back in
// the same order. It never reads the rest of the content folder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readPage } from '../logseq/read.ts';
import { makeDomainNormaliser } from '../ontology/domains.ts';
import { extractPage } from '../ontology/extract.ts';
import type { WorkerSetup } from './render-pool.ts';
import { renderConceptPage, renderContextOf, type RenderedPage } from './render-page.ts';

const setup = workerData as WorkerSetup;
const ctx = renderContextOf(setup.env);
const options = { publishAll: setup.config.publishAll, normaliseDomain: makeDomainNormaliser(setup.config.domains) };
parentPort?.once('message', (files: string[]) => {
  const pages: RenderedPage[] = files.map((file) => {
    const page = readPage(readFileSync(path.join(setup.contentDir, file)), file, { digest: false });
    return renderConceptPage(extractPage(page, options), ctx);
  });
  parentPort?.postMessage(pages);
});
