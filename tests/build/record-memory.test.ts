// Page records kept in memory by `check --watch` (RecordMemory in src/lib/build/page-records.ts): the
// first run reads and writes the cache file as usual; later runs read only edited files, neither read
// nor write the file, and give the records a fresh read gives; each run gets its own copies, so the
// graph's slug assignment in one run never leaks into the next.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { defaultDomains } from '../../src/config.ts';
import { type RecordMemory, readRecords } from '../../src/lib/build/page-records.ts';
import { buildGraph } from '../../src/lib/ontology/graph.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-record-memory-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
generateCorpus({ pages: 60, seed: 4, out: tmp, defects: true });
const pages = path.join(tmp, 'pages');
const cache = path.join(tmp, 'records.bin');
const options = { publishAll: false, domains: defaultDomains };
const strip = <T extends { body: unknown; page: { blocks: unknown }; bodyDropped?: boolean; termText?: string }>(r: T) => ({
  ...r,
  body: null,
  page: { ...r.page, blocks: null },
  bodyDropped: null,
  termText: null,
});

describe('RecordMemory', () => {
  it('reads only edited files after the first run, without the cache file, and equals a fresh read', () => {
    const memory: RecordMemory = {};
    const first = readRecords(pages, options, cache, 'code-1', memory);
    expect(first.parsed).toBe(first.records.length);
    const written = statSync(cache).mtimeMs;

    const file = first.records.find((r) => r.status === 'published')?.page.file ?? '';
    writeFileSync(path.join(pages, file), `${readFileSync(path.join(pages, file), 'utf8')}\n- A line added by the test.\n`);
    const second = readRecords(pages, options, cache, 'code-1', memory);
    expect(second.parsed).toBe(1);
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(second.records.map(strip)).toEqual(readRecords(pages, options, null, 'code-1').records.map(strip));
    expect(readRecords(pages, options, cache, 'code-1', memory).parsed).toBe(0);
  });

  it('hands out copies: slugs the graph assigns in one run are not seen by the next', () => {
    writeFileSync(path.join(pages, 'zz-twin.md'), '- ### OntologyBlock\n\t- term-id:: ZZ-0001\n\t- preferred-term:: Twin Page\n\t- public-access:: true\n');
    writeFileSync(path.join(pages, 'zz-twin-b.md'), '- ### OntologyBlock\n\t- term-id:: ZZ-0002\n\t- preferred-term:: Twin Page\n\t- public-access:: true\n');
    const memory: RecordMemory = {};
    const slugs = () => {
      const build = buildGraph(readRecords(pages, options, null, 'code-1', memory).records, defaultDomains);
      return build.graph.nodes.filter((n) => n.title === 'Twin Page').map((n) => [n.file, n.slug]);
    };
    // The first file (by path) keeps the plain slug; a second run (records from memory) says the same.
    expect(slugs()).toEqual([
      ['zz-twin-b.md', 'twin-page'],
      ['zz-twin.md', 'twin-page-2'],
    ]);
    expect(slugs()).toEqual([
      ['zz-twin-b.md', 'twin-page'],
      ['zz-twin.md', 'twin-page-2'],
    ]);
    rmSync(path.join(pages, 'zz-twin-b.md'));
    expect(slugs()).toEqual([['zz-twin.md', 'twin-page']]);
  });
});
