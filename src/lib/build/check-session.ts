// What `npm run check` checks, once or again and again: a content folder's pages kept in memory as
// read and extracted, so that after an edit only the changed files are read and parsed again before
// the concept graph (and with it every diagnostic that depends on other pages) is rebuilt. The one
// definition of the check's diagnostics (checkDiagnostics) serves both `check` and `check --watch`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../../config.ts';
import { compareDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { readPage } from '../logseq/read.ts';
import { makeDomainNormaliser } from '../ontology/domains.ts';
import { extractPage, type PageRecord } from '../ontology/extract.ts';
import { buildGraph, type GraphBuild } from '../ontology/graph.ts';
import { listPageFiles } from '../ontology/load.ts';
import { demoDiagnostics } from './demo-embed.ts';

/** Everything the check reports about a graph build, sorted. */
export function checkDiagnostics(build: GraphBuild): Diagnostic[] {
  return [...build.diagnostics, ...demoDiagnostics(build.records)].sort(compareDiagnostics);
}

export interface CheckResult {
  build: GraphBuild;
  diagnostics: Diagnostic[];
}

interface LoadedFile {
  bytes: Buffer;
  record: PageRecord;
}

export class CheckSession {
  private readonly files = new Map<string, LoadedFile>();
  /** Page files in the order the graph reads them (sorted, as listPageFiles gives them). */
  private order: string[] = [];
  private readonly extract: (bytes: Buffer, file: string) => PageRecord;
  readonly dir: string;
  private readonly config: Pick<SiteConfig, 'publishAll' | 'domains'>;

  constructor(dir: string, config: Pick<SiteConfig, 'publishAll' | 'domains'>) {
    this.dir = dir;
    this.config = config;
    const normaliseDomain = makeDomainNormaliser(config.domains);
    this.extract = (bytes, file) => extractPage(readPage(bytes, file, { digest: false }), { publishAll: config.publishAll, normaliseDomain });
  }

  /** Reads every page file of the folder (again). */
  loadAll(): void {
    this.files.clear();
    this.order = listPageFiles(this.dir);
    for (const file of this.order) {
      const bytes = readFileSync(path.join(this.dir, file));
      this.files.set(file, { bytes, record: this.extract(bytes, file) });
    }
  }

  /**
   * Brings the pages up to date after changes to `names` (paths relative to the folder, as a file
   * watcher reports them; a folder name stands for everything under it): the folder's list of page
   * files is read again, and a named, new or vanished page file is read and parsed again if its
   * bytes changed. Returns the page files that were added, changed or removed.
   */
  update(names: Iterable<string>): string[] {
    const listed = listPageFiles(this.dir);
    const now = new Set(listed);
    const named = [...names].map((n) => n.split(path.sep).join('/').replace(/\/+$/, ''));
    const touched = (file: string) => named.some((n) => file === n || file.startsWith(`${n}/`));
    const changed: string[] = [];
    for (const file of this.order) {
      if (!now.has(file)) {
        this.files.delete(file);
        changed.push(file);
      }
    }
    for (const file of listed) {
      const known = this.files.get(file);
      if (known && !touched(file)) continue;
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(this.dir, file));
      } catch {
        // Gone between the listing and the read (an editor's save in several steps): the next event brings it back.
        this.files.delete(file);
        now.delete(file);
        if (known) changed.push(file);
        continue;
      }
      if (known && known.bytes.equals(bytes)) continue;
      this.files.set(file, { bytes, record: this.extract(bytes, file) });
      changed.push(file);
    }
    this.order = listed.filter((f) => now.has(f));
    return changed.sort();
  }

  /** The graph of the pages in memory and the check's diagnostics. */
  check(): CheckResult {
    // The graph assigns unique slugs on the concepts it is given: give it copies, keep the records as extracted.
    const records = this.order.map((file) => {
      const r = (this.files.get(file) as LoadedFile).record;
      return r.concept ? { ...r, concept: { ...r.concept } } : r;
    });
    const build = buildGraph(records, this.config.domains);
    return { build, diagnostics: checkDiagnostics(build) };
  }

  /** How many page files are in memory. */
  get size(): number {
    return this.order.length;
  }
}
