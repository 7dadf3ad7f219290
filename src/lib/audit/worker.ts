// Worker-thread entry of the audit: scans its share of a site's files (see scan.ts) and posts the
// findings and link facts back. Started by auditSite() in index.ts; the leak index is rebuilt here
// from the withheld pages and markers passed in workerData (cheap, and avoids sharing state).
import { parentPort, workerData } from 'node:worker_threads';
import { siteFiles } from './dead-links.ts';
import { buildLeakIndex, type MarkerSource } from './leaks.ts';
import { scanFiles } from './scan.ts';
import type { WithheldPage } from './withheld.ts';

export interface WorkerInput {
  dist: string;
  /** Every file of the site (for link resolution). */
  allFiles: string[];
  /** This worker's share. */
  files: string[];
  withheld: WithheldPage[];
  markers: MarkerSource[];
  base: string;
}

const input = workerData as WorkerInput;
const index = buildLeakIndex(input.withheld, input.markers);
parentPort!.postMessage(scanFiles(input.dist, input.files, siteFiles(input.allFiles, input.base), index));
