// Preview files: one JSON per concept, written from the site data's previews; slugs must be plain; a
// rebuild rewrites only the files whose bytes change and removes previews of concepts that are gone.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
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

  it('rewrites only changed previews, and removes previews of concepts that are gone', () => {
    const out = mkdtempSync(path.join(tmp, 'again-'));
    const previews = { a: { title: 'A', termId: null, summary: 'One.' }, b: { title: 'B', termId: null, summary: 'Two.' }, c: { title: 'C', termId: null, summary: 'Three.' } };
    expect(writePreviewFiles(out, previews)).toEqual({ written: 3, kept: 0, removed: 0 });
    const a = path.join(out, 'previews', 'a.json');
    utimesSync(a, new Date(1_000_000), new Date(1_000_000));
    rmSync(path.join(out, 'previews', 'c.json'));
    // a unchanged: kept (not even touched); b changed: written; c unchanged but deleted meanwhile: written again.
    expect(writePreviewFiles(out, { ...previews, b: { title: 'B', termId: null, summary: 'Changed.' } })).toEqual({ written: 2, kept: 1, removed: 0 });
    expect(statSync(a).mtimeMs).toBe(1_000_000);
    expect(JSON.parse(readFileSync(path.join(out, 'previews', 'b.json'), 'utf8')).summary).toBe('Changed.');
    expect(writePreviewFiles(out, { a: previews.a })).toEqual({ written: 0, kept: 1, removed: 2 });
    expect(readdirSync(path.join(out, 'previews'))).toEqual(['a.json']);
  });
});
