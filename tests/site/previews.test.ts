// Preview files: one JSON per concept, written from the loader's preview data; slugs must be plain.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePreviewFiles } from '../../src/lib/astro/previews.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-previews-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('preview files', () => {
  it('writes title, term id, summary and URL for each concept, and nothing for odd slugs', () => {
    const { written } = writePreviewFiles(tmp, {
      'model-weights': { title: 'Model Weights', termId: 'AI-0052', summary: 'Learned coefficients “of” a model.' },
      bias: { title: 'Bias', termId: null, summary: '' },
      '../escape': { title: 'x', termId: null, summary: '' },
      'Upper Case': { title: 'x', termId: null, summary: '' },
    });
    expect(written).toBe(2);
    expect(readdirSync(path.join(tmp, 'previews')).sort()).toEqual(['bias.json', 'model-weights.json']);
    expect(JSON.parse(readFileSync(path.join(tmp, 'previews', 'model-weights.json'), 'utf8'))).toEqual({
      title: 'Model Weights',
      termId: 'AI-0052',
      summary: 'Learned coefficients “of” a model.',
      url: '/concepts/model-weights/',
    });
    expect(existsSync(path.join(tmp, 'escape.json'))).toBe(false);
  });

  it('rewrites only changed previews when given what the last build wrote, and removes previews of concepts that are gone', () => {
    const out = mkdtempSync(path.join(tmp, 'again-'));
    const first = writePreviewFiles(out, {
      a: { title: 'A', termId: null, summary: 'One.' },
      b: { title: 'B', termId: null, summary: 'Two.' },
      c: { title: 'C', termId: null, summary: 'Three.' },
    });
    expect(first).toMatchObject({ written: 3, kept: 0, removed: 0 });
    rmSync(path.join(out, 'previews', 'c.json'));
    const second = writePreviewFiles(out, { a: { title: 'A', termId: null, summary: 'One.' }, b: { title: 'B', termId: null, summary: 'Changed.' }, c: { title: 'C', termId: null, summary: 'Three.' } }, first.files);
    // a unchanged and present: kept; b changed: written; c unchanged but deleted meanwhile: written again.
    expect(second).toMatchObject({ written: 2, kept: 1, removed: 0 });
    expect(JSON.parse(readFileSync(path.join(out, 'previews', 'b.json'), 'utf8')).summary).toBe('Changed.');
    expect(existsSync(path.join(out, 'previews', 'c.json'))).toBe(true);
    const third = writePreviewFiles(out, { a: { title: 'A', termId: null, summary: 'One.' } }, second.files);
    expect(third).toMatchObject({ written: 0, kept: 1, removed: 2 });
    expect(readdirSync(path.join(out, 'previews'))).toEqual(['a.json']);
  });
});
