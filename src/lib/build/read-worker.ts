// Worker-thread entry: reads, parses and extracts the page files it is sent and posts their records
// back (without parsed bodies, with their term text: see page-records.ts), a batch at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { PageRecord } from '../ontology/extract.ts';
import type { GraphOptions } from '../ontology/load.ts';
import { freshRecord, type ReadMessage } from './page-records.ts';

const { contentDir, options } = workerData as { contentDir: string; options: GraphOptions };
const BATCH = 200;
const post = (message: ReadMessage) => parentPort?.postMessage(message);
parentPort?.once('message', (files: string[]) => {
  let batch: PageRecord[] = [];
  for (const file of files) {
    batch.push(freshRecord(contentDir, file, options));
    if (batch.length === BATCH) {
      post({ records: batch });
      batch = [];
    }
  }
  if (batch.length > 0) post({ records: batch });
  post({ done: true });
});
