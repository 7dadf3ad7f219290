// Global set-up of the e2e project: builds tests/fixtures/site once, with `npm run build`'s script
// (search index included), into a temporary folder that the reader-facing tests share read-only
// (`inject('fixtureSite')`). One build instead of one per test file; removed when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built fixture site's output folder. */
    fixtureSite: string;
  }
}

export const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site');

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(path.join(tmpdir(), 'kb-fixture-site-'));
  const outDir = path.join(work, 'dist');
  buildSite(FIXTURE, outDir, path.join(work, 'cache'));
  project.provide('fixtureSite', outDir);
  return () => rmSync(work, { recursive: true, force: true });
}
