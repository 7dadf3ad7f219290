// Entry point of the synthetic corpus generator: plans concepts, gives some the shapes real graphs
// drift into (scripts/lib/shapes.ts: the JSON-LD dialect, properties beside the ontology block, …),
// optionally plants defects, renders every page in its dialect and writes OUT/pages/*.md plus
// OUT/manifest.json. Deterministic: the same options always produce the same bytes. Separate random
// streams keep the base corpus (titles, taxonomy, privacy) identical with and without --defects.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeBody, composeDefinition, SentenceFactory } from './body.ts';
import { type MalformedFile, plantDefects } from './defects.ts';
import { renderPage } from './dialects.ts';
import { planConcepts, writtenTitle } from './plan.ts';
import { Rng } from './rng.ts';
import { assignShapes } from './shapes.ts';
import { emptyPlanted, type Manifest, type Planted } from './types.ts';

export type { Manifest } from './types.ts';

export interface CorpusOptions {
  pages: number;
  seed: number;
  out: string;
  defects?: boolean;
}

export interface RenderedCorpus {
  manifest: Manifest;
  /** File name (relative to OUT/pages) → contents, in writing order. */
  files: Map<string, string | Uint8Array>;
}

/** Build the corpus in memory (no file system access). */
export function renderCorpus({ pages, seed, defects = false }: Omit<CorpusOptions, 'out'>): RenderedCorpus {
  if (!Number.isInteger(pages) || pages < 10) throw new Error(`pages must be an integer >= 10 (got ${pages})`);
  if (!Number.isFinite(seed)) throw new Error(`seed must be a number (got ${seed})`);
  const plan = planConcepts(new Rng(seed), pages);
  assignShapes(new Rng((seed ^ 0x12a9e5) >>> 0), plan);
  let planted: Planted = emptyPlanted();
  let malformed: MalformedFile[] = [];
  if (defects) ({ planted, malformed } = plantDefects(new Rng(seed ^ 0x5eed_d3f7), plan));

  const text = new Rng((seed + 0x7e47) >>> 0);
  const sentences = new SentenceFactory(text, plan.concepts, plan.byDomain);
  const files = new Map<string, string | Uint8Array>();
  const manifest: Manifest = {
    seed,
    pages,
    defects,
    concepts: [],
    private: [],
    planted,
    totals: { files: 0, bytes: 0, public: 0, private: 0 },
  };
  let bytes = 0;
  for (const c of plan.concepts) {
    const definition = composeDefinition(sentences, c);
    const body = composeBody(text, sentences, c);
    const other = text.pick(plan.concepts);
    const page = renderPage(text, { concept: c, definition, body, requires: other === c ? null : other });
    files.set(c.file, page);
    bytes += Buffer.byteLength(page);
    if (c.isPublic) {
      manifest.concepts.push({
        file: c.file,
        termId: c.shapes.noTermId ? null : c.termId,
        title: writtenTitle(c),
        domain: c.domain.spellings[0],
        dialect: c.dialect,
        // Only parents that exist and are published belong to the published graph.
        parents: c.parents.flatMap((p) => (p.kind === 'concept' && p.concept.isPublic ? [writtenTitle(p.concept)] : [])),
      });
    } else {
      manifest.private.push({ file: c.file, title: writtenTitle(c), marker: c.marker! });
    }
  }
  for (const m of malformed) {
    files.set(m.file, m.content);
    bytes += typeof m.content === 'string' ? Buffer.byteLength(m.content) : m.content.byteLength;
  }
  manifest.totals = { files: files.size, bytes, public: manifest.concepts.length, private: manifest.private.length };
  return { manifest, files };
}

/** Generate the corpus and write it to `out` (replacing `out/pages`). Returns the manifest. */
export function generateCorpus(options: CorpusOptions): Manifest {
  const { manifest, files } = renderCorpus(options);
  const pagesDir = join(options.out, 'pages');
  rmSync(pagesDir, { recursive: true, force: true });
  mkdirSync(pagesDir, { recursive: true });
  for (const [file, content] of files) writeFileSync(join(pagesDir, file), content);
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}
