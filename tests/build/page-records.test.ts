// The page-record cache (src/lib/build/page-records.ts): a second read of an unchanged folder parses
// nothing and yields the same records; an edited file, and only it, is read again; a cached record's
// body, when needed, is the body a fresh read gives; other publication settings start afresh.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { defaultDomains } from '../../src/config.ts';
import { bodyOf, readRecord, readRecords, readRecordsParallel } from '../../src/lib/build/page-records.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-records-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
generateCorpus({ pages: 80, seed: 9, out: tmp, defects: true });
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

describe('the page-record cache', () => {
  it('parses nothing the second time and gives the same records, bodies read again on demand', () => {
    const first = readRecords(pages, options, cache, 'code-1');
    expect(first.parsed).toBe(first.records.length);
    const second = readRecords(pages, options, cache, 'code-1');
    expect(second.parsed).toBe(0);
    expect(second.records.map(strip)).toEqual(first.records.map(strip));
    for (const r of second.records) expect(bodyOf(pages, r, options), r.page.file).toEqual(readRecord(pages, r.page.file, options).body);
    // A fresh read keeps the text terms are scanned in, not the parsed body.
    expect(first.records.every((r) => r.bodyDropped && typeof r.termText === 'string')).toBe(true);
  });

  it('reads the same records in reader threads as on this one', async () => {
    const here = readRecords(pages, options, null, 'code-1');
    const threads = await readRecordsParallel(pages, options, null, 'code-1', 2, 1);
    expect(threads.parsed).toBe(here.parsed);
    expect(threads.records).toEqual(here.records);
  });

  it('reads an edited file again, and only it', () => {
    readRecords(pages, options, cache, 'code-1');
    const file = aPublishedFile(pages);
    writeFileSync(path.join(pages, file), `${readFileSync(path.join(pages, file), 'utf8')}\n- A line added by the test.\n`);
    const after = readRecords(pages, options, cache, 'code-1');
    expect(after.parsed).toBe(1);
    expect(after.records.find((r) => r.page.file === file)?.termText).toContain('A line added by the test.');
  });

  it('starts afresh when the reading code or the publication setting changes', () => {
    readRecords(pages, options, cache, 'code-1');
    expect(readRecords(pages, options, cache, 'code-2').parsed).toBeGreaterThan(70);
    expect(readRecords(pages, { ...options, publishAll: true }, cache, 'code-2').parsed).toBeGreaterThan(70);
  });
});

function aPublishedFile(dir: string): string {
  return readRecords(dir, options, null, 'x').records.find((r) => r.status === 'published')?.page.file ?? '';
}
