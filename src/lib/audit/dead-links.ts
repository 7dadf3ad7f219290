// Check 3 — dead internal links. Every root-relative or relative href/src must resolve to a file of
// the built site (`/x/` → x/index.html; `/x` → x, x.html or x/index.html), after removing the site
// base; every #fragment must name an id (or an <a name>) in the target page. External URLs (any
// scheme, protocol-relative `//host`) are out of scope; javascript:/data: URLs belong to check 2.
import { posix } from 'node:path';
import type { LinkFacts } from './scan.ts';
import type { Finding } from './types.ts';

/** What dead-link resolution needs to know about the whole site, built once. */
export interface SiteIndex {
  files: ReadonlySet<string>;
  /** Fragment targets (ids and <a name>s) per HTML file. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** Normalised base path: starts and ends with `/`. */
  base: string;
}

export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

export function buildSiteIndex(files: Iterable<string>, pages: Iterable<LinkFacts>, base?: string): SiteIndex {
  const anchors = new Map<string, Set<string>>();
  for (const p of pages) anchors.set(p.file, new Set(p.anchors));
  return { files: new Set(files), anchors, base: normaliseBase(base) };
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** Fragments every browser understands without a matching id. */
const BUILTIN_FRAGMENTS = new Set(['', 'top']);

/** The site-relative directory a page's relative links resolve against. */
function pageDir(file: string): string {
  const dir = posix.dirname(file);
  return dir === '.' ? '' : `${dir}/`;
}

type Resolution = { ok: true; file: string } | { ok: false; reason: string };

/** Resolve a link's path part (no query or fragment) from page `from` to a file in the site. */
export function resolvePath(site: SiteIndex, from: string, path: string): Resolution {
  // Root-relative paths resolve the same from every page: memoise them (navigation repeats them).
  if (path.startsWith('/')) {
    let cache = rootCache.get(site);
    if (!cache) rootCache.set(site, (cache = new Map()));
    let r = cache.get(path);
    if (!r) cache.set(path, (r = resolveUncached(site, from, path)));
    return r;
  }
  return resolveUncached(site, from, path);
}

const rootCache = new WeakMap<SiteIndex, Map<string, Resolution>>();

function resolveUncached(site: SiteIndex, from: string, path: string): Resolution {
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
  const candidates = trailingSlash || clean === ''
    ? [clean === '' ? 'index.html' : `${clean}/index.html`]
    : [clean, `${clean}.html`, `${clean}/index.html`];
  for (const c of candidates) if (site.files.has(c)) return { ok: true, file: c };
  return { ok: false, reason: 'no such file' };
}

export function checkDeadLinks(page: LinkFacts, site: SiteIndex): Finding[] {
  const findings: Finding[] = [];
  for (const url of page.urls) {
    if (url.name !== 'href' && url.name !== 'src') continue;
    const value = url.value.trim();
    if (value === '' || SCHEME.test(value) || value.startsWith('//')) continue;
    const hashAt = value.indexOf('#');
    const beforeHash = hashAt === -1 ? value : value.slice(0, hashAt);
    const fragment = hashAt === -1 ? null : value.slice(hashAt + 1);
    const path = beforeHash.split('?')[0];
    let target = page.file;
    if (path !== '') {
      const r = resolvePath(site, page.file, path);
      if (!r.ok) {
        findings.push({ check: 'dead-link', file: page.file, line: url.line, message: `${url.name}="${value}" on <${url.tag}>: ${r.reason}` });
        continue;
      }
      target = r.file;
    }
    if (fragment === null || BUILTIN_FRAGMENTS.has(fragment)) continue;
    const anchors = site.anchors.get(target);
    if (!anchors) continue; // not an HTML page: fragments are not ids
    let decoded = fragment;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      // compare the raw fragment
    }
    if (!anchors.has(decoded) && !anchors.has(fragment)) {
      const where = target === page.file ? 'this page' : target;
      findings.push({ check: 'dead-link', file: page.file, line: url.line, message: `${url.name}="${value}" on <${url.tag}>: no id "${decoded}" in ${where}` });
    }
  }
  return findings;
}
