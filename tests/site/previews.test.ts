// Preview files: the previews are served in shards (/previews/<k>.json, k = hash of the slug), written
// from the site data's previews; slugs must be plain; a rebuild rewrites only the shards whose bytes
// change and removes shards no longer used.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewShards, writePreviewFiles } from '../../src/lib/astro/previews.ts';
import type { Preview } from '../../src/lib/build/site-data.ts';
import { PREVIEWS_PER_SHARD, previewShardCount, previewShardOf } from '../../src/lib/site/preview-shards.ts';
import { builtPreview, builtPreviews } from '../helpers/previews.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-previews-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function many(n: number, summary = (k: number) => `Summary ${k}.`): Record<string, Preview> {
  return Object.fromEntries(Array.from({ length: n }, (_, k) => [`term-${k}`, { title: `Term ${k}`, termId: null, summary: summary(k) }]));
}

describe('preview shards', () => {
  it('has a power-of-two count that grows with the glossary, about PREVIEWS_PER_SHARD previews per shard', () => {
    expect(previewShardCount(0)).toBe(1);
    expect(previewShardCount(PREVIEWS_PER_SHARD)).toBe(1);
    expect(previewShardCount(PREVIEWS_PER_SHARD + 1)).toBe(2);
    expect(previewShardCount(100_000)).toBe(2048);
    const shards = previewShards(many(10_000));
    expect(shards.size).toBe(previewShardCount(10_000));
    const sizes = [...shards.values()].map((body) => Object.keys(JSON.parse(body) as object).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...sizes)).toBeLessThan(PREVIEWS_PER_SHARD * 2);
  });

  it('puts each slug in the shard the browser computes for it', () => {
    const previews = many(500);
    const count = previewShardCount(500);
    for (const [k, body] of previewShards(previews)) {
      for (const slug of Object.keys(JSON.parse(body) as object)) expect(previewShardOf(slug, count)).toBe(k);
    }
  });
});

describe('preview files', () => {
  it('writes title, term id, summary and URL for each concept, and nothing for odd slugs', () => {
    const out = mkdtempSync(path.join(tmp, 'first-'));
    writePreviewFiles(out, {
      'model-weights': { title: 'Model Weights', termId: 'AI-0052', summary: 'Learned coefficients “of” a model.' },
      bias: { title: 'Bias', termId: null, summary: '' },
      '../escape': { title: 'x', termId: null, summary: '' },
      'Upper Case': { title: 'x', termId: null, summary: '' },
    });
    expect(Object.keys(builtPreviews(out)).sort()).toEqual(['bias', 'model-weights']);
    expect(builtPreview(out, 'model-weights')).toEqual({
      title: 'Model Weights',
      termId: 'AI-0052',
      summary: 'Learned coefficients “of” a model.',
      url: '/concepts/model-weights/',
    });
  });

  it('rewrites only the shards that changed, and removes shards no longer used', () => {
    const out = mkdtempSync(path.join(tmp, 'again-'));
    const previews = many(1000);
    const count = previewShardCount(1000);
    const first = writePreviewFiles(out, previews);
    expect(first).toEqual({ written: count, kept: 0, removed: 0 });
    const shardOfChanged = previewShardOf('term-7', count);
    const untouched = path.join(out, 'previews', `${(shardOfChanged + 1) % count}.json`);
    utimesSync(untouched, new Date(1_000_000), new Date(1_000_000));
    expect(writePreviewFiles(out, { ...previews, 'term-7': { title: 'Term 7', termId: null, summary: 'Changed.' } })).toEqual({
      written: 1,
      kept: count - 1,
      removed: 0,
    });
    expect(statSync(untouched).mtimeMs).toBe(1_000_000);
    expect(builtPreview(out, 'term-7')?.summary).toBe('Changed.');
    // Down to a handful of concepts: one shard, the others deleted.
    expect(writePreviewFiles(out, many(3))).toEqual({ written: 1, kept: 0, removed: count - 1 });
    expect(readdirSync(path.join(out, 'previews'))).toEqual(['0.json']);
    expect(Object.keys(JSON.parse(readFileSync(path.join(out, 'previews', '0.json'), 'utf8')) as object).sort()).toEqual(['term-0', 'term-1', 'term-2']);
  });
});
