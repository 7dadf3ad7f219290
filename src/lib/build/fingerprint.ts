// Code fingerprints: a digest of the source of a module and of every module it imports, directly or
// not, by relative path, plus the dependency versions pinned in the lockfile. Cached output (the
// rendered page bodies) is keyed by the fingerprint of the code that produced it, so a change to a
// renderer plugin, a demo's fallback figure or a dependency invalidates exactly what it could have
// changed, with no version number to remember to bump. Import specifiers are found by a plain scan
// of the source text; counting a type-only import too only makes the key stricter.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;
const EXTENSIONS = ['', '.ts', '.js', '.mjs', '/index.ts', '/index.js'];

function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/** The files a module imports by relative path (type-only imports included), resolved. */
export function relativeImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
    const target = resolveRelative(file, m[2]);
    if (target) out.push(target);
  }
  return out;
}

/** Every file reachable from `entries` through relative imports, sorted, entries included. */
export function moduleClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = entries.map((e) => path.resolve(e));
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of relativeImports(file)) if (!seen.has(target)) stack.push(target);
  }
  return [...seen].sort();
}

/** The project root: the nearest folder above `from` holding a package.json. */
export function projectRoot(from: string): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(from);
    dir = up;
  }
  return dir;
}

/**
 * Digest of the code behind `entries`: each reachable module's path (relative to the project root)
 * and source, and the lockfile (every dependency's pinned version).
 */
export function codeFingerprint(entries: readonly string[], root = projectRoot(entries[0] ?? '.')): string {
  const hash = createHash('sha256');
  for (const file of moduleClosure(entries)) {
    hash.update(path.relative(root, file).split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  const lockfile = path.join(root, 'package-lock.json');
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : 'no lockfile');
  return hash.digest('base64url').slice(0, 22);
}
