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
    const n = writePreviewFiles(tmp, {
      'model-weights': { title: 'Model Weights', termId: 'AI-0052', summary: 'Learned coefficients “of” a model.' },
      bias: { title: 'Bias', termId: null, summary: '' },
      '../escape': { title: 'x', termId: null, summary: '' },
      'Upper Case': { title: 'x', termId: null, summary: '' },
    });
    expect(n).toBe(2);
    expect(readdirSync(path.join(tmp, 'previews')).sort()).toEqual(['bias.json', 'model-weights.json']);
    expect(JSON.parse(readFileSync(path.join(tmp, 'previews', 'model-weights.json'), 'utf8'))).toEqual({
      title: 'Model Weights',
      termId: 'AI-0052',
      summary: 'Learned coefficients “of” a model.',
      url: '/concepts/model-weights/',
    });
    expect(existsSync(path.join(tmp, 'escape.json'))).toBe(false);
  });
});
