// Check 3 — dead internal links. Every root-relative or relative href/src must resolve to a file of
// the built site (`/x/` → x/index.html; `/x` → x, x.html or x/index.html), after removing the site
// base; every #fragment must name an id (or an <a name>) in the target page. External URLs (any
// scheme, protocol-relative `//host`) are out of scope; javascript:/data: URLs belong to check 2.
// Paths and same-page fragments are checked while a page is scanned; fragments into other pages are
// returned as pending and checked once every page's ids are known.
import { posix } from 'node:path';
import type { AttrFact } from './html.ts';
import type { Finding } from './types.ts';

/** The files of the built site and its base path, known before any page is scanned. */
export interface SiteFiles {
  files: ReadonlySet<string>;
  /** Normalised base path: starts and ends with `/`. */
  base: string;
  /** Memo of root-relative resolutions (navigation repeats the same links on every page). */
  rootCache: Map<string, Resolution>;
}

/** A link into another page whose fragment can only be checked when that page's ids are known. */
export interface PendingFragment {
  file: string;
  line: number;
  label: string;
  target: string;
  fragment: string;
}

export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

export function siteFiles(files: Iterable<string>, base?: string): SiteFiles {
  return { files: new Set(files), base: normaliseBase(base), rootCache: new Map() };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Fragments every browser understands without a matching id. */
const BUILTIN_FRAGMENTS = new Set(['', 'top']);

/** The site-relative directory a page's relative links resolve against. */
function pageDir(file: string): string {
  const dir = posix.dirname(file);
  return dir === '.' ? '' : `${dir}/`;
}

export type Resolution = { ok: true; file: string } | { ok: false; reason: string };

/** Resolve a link's path part (no query or fragment) from page `from` to a file in the site. */
export function resolvePath(site: SiteFiles, from: string, path: string): Resolution {
  if (!path.startsWith('/')) return resolveUncached(site, from, path);
  let r = site.rootCache.get(path);
  if (!r) site.rootCache.set(path, (r = resolveUncached(site, from, path)));
  return r;
}

function resolveUncached(site: SiteFiles, from: string, path: string): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' };
  }
  let siteRel: string;
  if (decoded.startsWith('/')) {
    if (!(decoded + (decoded.endsWith('/') ? '' : '/')).startsWith(site.base)) return { ok: false, reason: `outside the site base ${site.base}` };
    siteRel = decoded.slice(site.base.length);
  } else {
    siteRel = pageDir(from) + decoded;
  }
  const trailingSlash = siteRel === '' || siteRel.endsWith('/');
  const normal = posix.normalize(siteRel === '' ? '.' : siteRel);
  if (normal.startsWith('../') || normal === '..') return { ok: false, reason: 'points above the site root' };
  const clean = normal === '.' || normal === './' ? '' : normal.replace(/\/$/, '');
  const candidates = trailingSlash || clean === '' ? [clean === '' ? 'index.html' : `${clean}/index.html`] : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const c of candidates) if (site.files.has(c)) return { ok: true, file: c };
  return { ok: false, reason: 'no such file' };
}

const isHtmlFile = (file: string): boolean => /\.html?$/i.test(file);

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function missingFragment(file: string, line: number, label: string, fragment: string, where: string): Finding {
  return { check: 'dead-link', file, line, message: `${label}: no id "${decodeFragment(fragment)}" in ${where}` };
}

/**
 * Check one page's href/src URLs. `anchors` are the page's own ids and <a name>s. Returns findings
 * and the cross-page fragments still to check.
 */
export function checkPageLinks(
  file: string,
  urls: readonly AttrFact[],
  anchors: ReadonlySet<string>,
  site: SiteFiles,
): { findings: Finding[]; pending: PendingFragment[] } {
  const findings: Finding[] = [];
  const pending: PendingFragment[] = [];
  for (const url of urls) {
    if (url.name !== 'href' && url.name !== 'src') continue;
    const value = url.value.trim();
    if (value === '' || SCHEME.test(value) || value.startsWith('//')) continue;
    const label = `${url.name}="${value}" on <${url.tag}>`;
    const hashAt = value.indexOf('#');
    const path = (hashAt === -1 ? value : value.slice(0, hashAt)).split('?')[0];
    const fragment = hashAt === -1 ? null : value.slice(hashAt + 1);
    let target = file;
    if (path !== '') {
      const r = resolvePath(site, file, path);
      if (!r.ok) {
        findings.push({ check: 'dead-link', file, line: url.line, message: `${label}: ${r.reason}` });
        continue;
      }
      target = r.file;
    }
    if (fragment === null || BUILTIN_FRAGMENTS.has(fragment) || !isHtmlFile(target)) continue;
    if (target !== file) pending.push({ file, line: url.line, label, target, fragment });
    else if (!anchors.has(fragment) && !anchors.has(decodeFragment(fragment))) findings.push(missingFragment(file, url.line, label, fragment, 'this page'));
  }
  return { findings, pending };
}

/** Check cross-page fragments against every page's anchors (file → ids and <a name>s). */
export function checkPendingFragments(pending: readonly PendingFragment[], anchors: ReadonlyMap<string, ReadonlySet<string>>): Finding[] {
  const findings: Finding[] = [];
  for (const p of pending) {
    const ids = anchors.get(p.target);
    if (!ids) continue; // not a parsed page
    if (!ids.has(p.fragment) && !ids.has(decodeFragment(p.fragment))) findings.push(missingFragment(p.file, p.line, p.label, p.fragment, p.target));
  }
  return findings;
}
