// Which files of a Pagefind index folder belong to the index last written there.
//
// Pagefind names its data files by content hash (fragment/…​.pf_fragment, index/…​.pf_index,
// filter/…​.pf_filter, pagefind.….pf_meta) and, writing into a folder that holds an earlier index,
// skips those already there and never deletes any. A rebuild can therefore write over the old index,
// which is far faster than writing a fresh one, and then delete the data files the new index does not
// name. They are named in its meta file (gzip, the marker `pagefind_dcd`, then CBOR), itself named in
// pagefind-entry.json. The other files (scripts, styles, WebAssembly, the entry file) are rewritten
// every time. If the folder is not what this expects, `liveDataFiles` says so (null), and the caller
// writes a fresh index instead.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listFiles } from '../audit/files.ts';

const DATA_FILE = /\.pf_(?:fragment|index|filter|meta)$/;
const MARKER = 'pagefind_dcd';

/** Every text string in a CBOR item (RFC 8949; definite lengths, as Pagefind writes them). */
export function cborStrings(bytes: Uint8Array): string[] {
  const strings: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0 || at + size > bytes.length) throw new Error(`unsupported CBOR length encoding ${info} at byte ${at}`);
    let n = 0;
    for (let k = 0; k < size; k++) n = n * 256 + bytes[at + k];
    at += size;
    return n;
  };
  const item = (depth: number): void => {
    if (depth > 64) throw new Error('CBOR nested too deeply');
    if (at >= bytes.length) throw new Error('CBOR ends early');
    const head = bytes[at++];
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) {
      if (info >= 25 && info <= 27) at += info === 25 ? 2 : info === 26 ? 4 : 8;
      else if (info === 24) at += 1;
      else if (info > 27) throw new Error(`unsupported CBOR simple value ${info}`);
      return;
    }
    const n = argument(info);
    if (major === 0 || major === 1) return;
    if (major === 2 || major === 3) {
      if (at + n > bytes.length) throw new Error('CBOR string runs past the end');
      if (major === 3) strings.push(decoder.decode(bytes.subarray(at, at + n)));
      at += n;
      return;
    }
    if (major === 4) for (let k = 0; k < n; k++) item(depth + 1);
    else if (major === 5) for (let k = 0; k < 2 * n; k++) item(depth + 1);
    else item(depth + 1); // a tag: its item follows
  };
  item(0);
  if (at !== bytes.length) throw new Error('trailing bytes after the CBOR item');
  return strings;
}

/**
 * The data files (relative paths) the index in `indexDir` names, or null if its entry or meta files
 * cannot be read as expected or name fewer existing fragments than the index has pages.
 */
export function liveDataFiles(indexDir: string): Set<string> | null {
  try {
    const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
    const live = new Set<string>();
    let pages = 0;
    let fragments = 0;
    for (const language of Object.values(entry.languages)) {
      const meta = `pagefind.${language.hash}.pf_meta`;
      const bytes = gunzipSync(readFileSync(path.join(indexDir, meta)));
      if (new TextDecoder().decode(bytes.subarray(0, MARKER.length)) !== MARKER) return null;
      live.add(meta);
      pages += language.page_count;
      for (const s of cborStrings(bytes.subarray(MARKER.length))) {
        if (!/^[\w-]+$/.test(s)) continue;
        for (const [folder, ext] of [['fragment', 'pf_fragment'], ['index', 'pf_index'], ['filter', 'pf_filter']] as const) {
          const file = `${folder}/${s}.${ext}`;
          if (live.has(file) || !existsSync(path.join(indexDir, file))) continue;
          live.add(file);
          if (folder === 'fragment') fragments++;
        }
      }
    }
    return fragments >= pages ? live : null;
  } catch {
    return null;
  }
}

/**
 * Deletes what an earlier index left in `indexDir` once a new one has been written over it (starting
 * at `writtenSince`): data files the new index does not name, and other files it did not rewrite.
 * Returns how many files went, or null (nothing deleted) if the new index's files cannot be told apart.
 */
export function removeStaleIndexFiles(indexDir: string, writtenSince: number): number | null {
  const live = liveDataFiles(indexDir);
  if (!live) return null;
  let removed = 0;
  for (const file of listFiles(indexDir)) {
    const full = path.join(indexDir, file);
    const stale = DATA_FILE.test(file) ? !live.has(file) : statSync(full).mtimeMs < writtenSince;
    if (stale) {
      rmSync(full, { force: true });
      removed++;
    }
  }
  return removed;
}
