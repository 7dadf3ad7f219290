// Reads a concept's hover preview from a built site, from the shard that holds it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PreviewEntry } from '../../src/lib/site/preview-shards.ts';

/** Every preview of a built site, by slug. */
export function builtPreviews(outDir: string): Record<string, PreviewEntry> {
  const dir = path.join(outDir, 'previews');
  if (!existsSync(dir)) return {};
  return Object.assign({}, ...readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, PreviewEntry>));
}

export function builtPreview(outDir: string, slug: string): PreviewEntry | undefined {
  const all = builtPreviews(outDir);
  return Object.hasOwn(all, slug) ? all[slug] : undefined;
}
