// The site data folder: everything the pipeline hands to the page templates, the search index and the
// exports, written once per build and read by whoever needs a part of it. It is the contract between
// the pipeline (which may run in `npm run build`'s own process, or in Astro's content loader) and the
// Astro pages, and it keeps page data out of Astro's content store, whose single serialised string
// cannot hold a large glossary.
//
//   site.json               the index: shell, concept slugs and routes with the digest of each file
//   concepts/<slug>.json    a concept page's data (ConceptEntryData)
//   bodies/<digest>.json    a rendered body (HTML, headings, text), stored by the digest of what it depends on
//   links/<digest>.json     the sentences of that page that link to other pages (quoted by their "Referenced by")
//   routes/<id digest>.json every other page's data (home, A–Z, taxonomy, each domain and tag, …)
//   exports/<name>          ontology.ttl, ontology.jsonld, graph.json, sitemap.xml
//   previews.json           hover-preview data by slug
//   search.json             search records
//   render-cache.json       what the next build needs to reuse rendered bodies
//   report.json             statistics and diagnostics of the run
//
// A file's digest is the digest of its bytes, so a page's key for incremental builds is derived from
// exactly the data the page shows. Files are rewritten only when their bytes change; concept and body
// files no longer referenced are deleted.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countBySeverity, type Diagnostic } from '../diagnostics.ts';
import { graphJson } from '../export/graph-json.ts';
import { ontologyQuads, toJsonLd, toTurtle } from '../export/rdf.ts';
import { type SitemapUrl, sitemapFiles } from '../export/sitemap.ts';
import type { HeadingInfo } from '../render/rehype-headings.ts';
import type { LinkContext } from '../render/sentences.ts';
import { type GuideListing, guideListings, routeData, SEARCH_BODIES_AUTO_LIMIT, shellOf } from '../site/pages.ts';
import type { ConceptEntryData, Shell } from '../site/types.ts';
import { conceptHref, guideHref } from '../site/view.ts';
import type { CachedRender, SiteBuild } from './pipeline.ts';
import type { RenderedPage } from './render-page.ts';
import { branchLabels, type SearchRecord, searchRecord } from './search-records.ts';

export type { SearchRecord } from './search-records.ts';

export const SITE_DATA_FORMAT = 3;

export interface RouteEntry {
  id: string;
  digest: string;
}

export interface SiteIndex {
  format: typeof SITE_DATA_FORMAT;
  /** Digest of this index's content: changes whenever any file the site is built from changes. */
  digest: string;
  shell: Shell;
  shellDigest: string;
  /** Published concepts, in slug order, with the digest of their page data file. */
  concepts: { slug: string; digest: string }[];
  /** Every other page's data: `home`, `a-z`, `taxonomy`, `guides`, `tags`, `feed`, `diagnostics`, `domain/<key>`, `tag/<slug>`. */
  routes: RouteEntry[];
  guides: GuideListing[];
  /** Whether concept bodies go into the search index (SiteConfig.searchBodies). */
  searchBodies: boolean;
  /** Parts of a sitemap too large for one file (`/sitemaps/<n>.xml`; 0 when sitemap.xml holds every URL). */
  sitemapParts: number;
}

export interface BodyFile {
  html: string;
  headings: HeadingInfo[];
  text: string;
}

export interface RenderCacheFile {
  pages: Record<string, CachedRender>;
}

export interface BuildReport {
  stats: SiteBuild['stats'];
  counts: { error: number; warning: number; info: number };
  diagnostics: Diagnostic[];
}

export interface Preview {
  title: string;
  termId: string | null;
  summary: string;
}

export const EXPORT_NAMES = ['ontology.ttl', 'ontology.jsonld', 'graph.json', 'sitemap.xml'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 27);

/** The folder for one content folder's site data inside a build cache. */
export function siteDataDir(cacheDir: string, contentDir: string): string {
  return path.join(cacheDir, 'kb-site', sha(path.resolve(contentDir)).slice(0, 16));
}

const routeFile = (dir: string, id: string) => path.join(dir, 'routes', `${sha(id).slice(0, 22)}.json`);
const conceptFile = (dir: string, slug: string) => path.join(dir, 'concepts', `${slug}.json`);
const bodyFile = (dir: string, digest: string) => path.join(dir, 'bodies', `${digest}.json`);
const linksFile = (dir: string, digest: string) => path.join(dir, 'links', `${digest}.json`);

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** Writes a file whole or not at all (a reader never sees half of it). */
function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/**
 * Writes `text` to `file` unless the file already holds exactly it (known from its digest in the
 * last index, or else by reading it); returns whether it wrote.
 */
function writeIfChanged(file: string, text: string, knownDigest?: string): boolean {
  if (knownDigest !== undefined ? knownDigest === sha(text) && existsSync(file) : existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeAtomic(file, text);
  return true;
}

export function readSiteIndex(dir: string): SiteIndex | null {
  const index = readJson<SiteIndex>(path.join(dir, 'site.json'));
  return index && index.format === SITE_DATA_FORMAT ? index : null;
}

export function readConceptPage(dir: string, slug: string): ConceptEntryData {
  const data = readJson<ConceptEntryData>(conceptFile(dir, slug));
  if (!data) throw new Error(`site data: no page data for concept "${slug}" in ${dir}; run the build again`);
  return data;
}

export function readBody(dir: string, digest: string): BodyFile {
  const body = readJson<BodyFile>(bodyFile(dir, digest));
  if (!body) throw new Error(`site data: no rendered body ${digest} in ${dir}; run the build again`);
  return body;
}

/** The sentences of a rendered page that link to other pages (stored with its body). */
export function readLinks(dir: string, digest: string): LinkContext[] {
  const links = readJson<LinkContext[]>(linksFile(dir, digest));
  if (!links) throw new Error(`site data: no link sentences ${digest} in ${dir}; run the build again`);
  return links;
}

export function readRoute<T>(dir: string, id: string): T {
  const data = readJson<T>(routeFile(dir, id));
  if (data === null) throw new Error(`site data: no data for page "${id}" in ${dir}; run the build again`);
  return data;
}

export function readExport(dir: string, name: ExportName): string {
  return readFileSync(path.join(dir, 'exports', name), 'utf8');
}

/** Part `n` (from 1) of a sitemap split into parts. */
export function readSitemapPart(dir: string, n: number): string {
  return readFileSync(path.join(dir, 'exports', `sitemap-${n}.xml`), 'utf8');
}

export function readPreviews(dir: string): Record<string, Preview> {
  return readJson<Record<string, Preview>>(path.join(dir, 'previews.json')) ?? {};
}

export function readSearchRecords(dir: string): SearchRecord[] {
  return readJson<SearchRecord[]>(path.join(dir, 'search.json')) ?? [];
}

export function readBuildReport(dir: string): BuildReport | null {
  return readJson<BuildReport>(path.join(dir, 'report.json'));
}

/** The render cache of the last run into `dir` (empty when there is none or the format changed). */
export function readRenderCache(dir: string): Map<string, CachedRender> {
  const file = readJson<RenderCacheFile>(path.join(dir, 'render-cache.json'));
  if (!file) return new Map();
  return new Map(Object.entries(file.pages).filter(([, r]) => existsSync(bodyFile(dir, r.bodyDigest)) && existsSync(linksFile(dir, r.bodyDigest))));
}

export interface SiteDataWrite {
  index: SiteIndex;
  /** Files written (others were unchanged). */
  written: number;
}

/** Writes a rendered page's body and linking sentences (unless there already); returns the files written. */
export function writeRenderedPage(dir: string, bodyDigest: string, page: RenderedPage): number {
  let written = 0;
  if (!existsSync(bodyFile(dir, bodyDigest))) {
    const body: BodyFile = { html: page.html, headings: page.headings, text: page.text };
    writeAtomic(bodyFile(dir, bodyDigest), JSON.stringify(body));
    written++;
  }
  if (!existsSync(linksFile(dir, bodyDigest))) {
    writeAtomic(linksFile(dir, bodyDigest), JSON.stringify(page.links));
    written++;
  }
  return written;
}

/**
 * Writes what a run rendered — each new body and its linking sentences, and the render cache — so
 * the next run (a build, or `check`) reuses them. Returns the files written and the bodies in use.
 */
export function writeRenderResults(dir: string, site: SiteBuild): { written: number; bodies: Set<string> } {
  let written = 0;
  const bodies = new Set<string>();
  for (const page of site.pages) {
    bodies.add(page.render.bodyDigest);
    if (page.rendered) written += writeRenderedPage(dir, page.render.bodyDigest, page.rendered);
  }
  const cache: RenderCacheFile = { pages: Object.fromEntries(site.pages.map((p) => [p.node.slug, p.render])) };
  writeIfChanged(path.join(dir, 'render-cache.json'), JSON.stringify(cache));
  return { written, bodies };
}

/** Writes the site data of a pipeline run into `dir`. */
export function writeSiteData(dir: string, site: SiteBuild): SiteDataWrite {
  const previous = readSiteIndex(dir);
  const known = new Map<string, string>(previous?.concepts.map((c) => [c.slug, c.digest]) ?? []);
  const knownRoutes = new Map<string, string>(previous?.routes.map((r) => [r.id, r.digest]) ?? []);
  let written = 0;
  const { graph } = site.build;

  // Concept pages and their bodies.
  const entries: ConceptEntryData[] = [];
  const concepts: SiteIndex['concepts'] = [];
  const results = writeRenderResults(dir, site);
  written += results.written;
  const { bodies } = results;
  // The sentences each page links with: fresh from this run's renders, or stored with a reused body.
  const pageBySlug = new Map(site.pages.map((p) => [p.node.slug, p]));
  const linkMemo = new Map<string, readonly LinkContext[]>();
  const linksOf = (slug: string): readonly LinkContext[] => {
    let links = linkMemo.get(slug);
    if (!links) {
      const page = pageBySlug.get(slug);
      links = page ? (page.rendered?.links ?? readLinks(dir, page.render.bodyDigest)) : [];
      linkMemo.set(slug, links);
    }
    return links;
  };
  for (const page of site.pages) {
    const entry = site.view.entry(page.node, page.render, linksOf);
    entries.push(entry);
    const text = JSON.stringify(entry);
    const digest = sha(text);
    written += Number(writeIfChanged(conceptFile(dir, entry.slug), text, known.get(entry.slug)));
    concepts.push({ slug: entry.slug, digest });
  }

  // Every other page.
  const guides = guideListings(graph);
  const shell = shellOf(site.config, guides, site.pages.length);
  const data = routeData(graph, site.view, guides, site.config.diagnosticsPage ? site.diagnostics : null);
  const routeObjects: [string, unknown][] = [
    ['home', data.home],
    ['a-z', data.az],
    ['taxonomy', data.taxonomy],
    ['guides', data.guides],
    ['tags', data.tagIndex],
    ['feed', data.feed],
    ...data.azPages,
    ...data.domains,
    ...data.tags,
    ...(data.diagnostics ? [['diagnostics', data.diagnostics] as [string, unknown]] : []),
  ];
  const routes: RouteEntry[] = routeObjects.map(([id, value]) => {
    const text = JSON.stringify(value);
    written += Number(writeIfChanged(routeFile(dir, id), text, knownRoutes.get(id)));
    return { id, digest: sha(text) };
  });

  // Exports, previews, search records, render cache, report.
  const exportSite = { siteUrl: site.config.siteUrl, title: site.config.title, description: site.config.description };
  const quads = ontologyQuads(exportSite, entries);
  const urls: SitemapUrl[] = [
    { path: '/' },
    { path: '/a-z/' },
    { path: '/taxonomy/' },
    ...entries.map((c) => ({ path: conceptHref(c.slug), lastmod: c.lastUpdated })),
    ...data.azPages.map(([id]) => ({ path: `/${id}/` })),
    ...data.domains.map(([id]) => ({ path: `/domains/${id.slice('domain/'.length)}/` })),
    { path: '/tags/' },
    ...data.tags.map(([id]) => ({ path: `/tags/${id.slice('tag/'.length)}/` })),
    ...(guides.length > 0 ? [{ path: '/guides/' }] : []),
    ...guides.map((g) => ({ path: guideHref(g.slug) })),
  ];
  const exportTexts: Record<ExportName, string> = {
    'ontology.ttl': toTurtle(exportSite, quads),
    'ontology.jsonld': toJsonLd(quads),
    'graph.json': JSON.stringify(graphJson(entries)),
    'sitemap.xml': '',
  };
  // The sitemap protocol allows 50,000 URLs a file: a larger site's sitemap.xml is an index of parts.
  const sitemap = sitemapFiles(site.config.siteUrl, urls);
  exportTexts['sitemap.xml'] = sitemap.main;
  for (const name of EXPORT_NAMES) written += Number(writeIfChanged(path.join(dir, 'exports', name), exportTexts[name]));
  sitemap.parts.forEach((text, k) => (written += Number(writeIfChanged(path.join(dir, 'exports', `sitemap-${k + 1}.xml`), text))));
  for (const name of existsSync(path.join(dir, 'exports')) ? readdirSync(path.join(dir, 'exports')) : []) {
    const part = /^sitemap-(\d+)\.xml$/.exec(name);
    if (part && Number(part[1]) > sitemap.parts.length) rmSync(path.join(dir, 'exports', name), { force: true });
  }

  const previews: Record<string, Preview> = {};
  for (const e of entries) previews[e.slug] = { title: e.title, termId: e.termId, summary: e.summary };
  written += Number(writeIfChanged(path.join(dir, 'previews.json'), JSON.stringify(previews)));

  const searchBodies = site.config.searchBodies === 'always' || (site.config.searchBodies === 'auto' && entries.length <= SEARCH_BODIES_AUTO_LIMIT);
  const labels = branchLabels(graph);
  const records: SearchRecord[] = entries.map((e, k) => {
    const page = site.pages[k];
    const bodyText = searchBodies ? (page.rendered?.text ?? readBody(dir, page.render.bodyDigest).text) : '';
    return searchRecord(e, { definitionText: page.render.definitionText, bodyText }, graph, labels);
  });
  written += Number(writeIfChanged(path.join(dir, 'search.json'), JSON.stringify(records)));

  const counts = countBySeverity(site.diagnostics);
  writeIfChanged(path.join(dir, 'report.json'), JSON.stringify({ stats: site.stats, counts, diagnostics: site.diagnostics } satisfies BuildReport));

  // Files of pages and bodies that are gone.
  const slugs = new Set(concepts.map((c) => c.slug));
  for (const [folder, keep] of [
    ['concepts', slugs],
    ['bodies', bodies],
    ['links', bodies],
  ] as const) {
    const full = path.join(dir, folder);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full)) if (!keep.has(name.replace(/\.json$/, ''))) rmSync(path.join(full, name), { force: true });
  }
  const routeNames = new Set(routes.map((r) => path.basename(routeFile(dir, r.id))));
  if (existsSync(path.join(dir, 'routes')))
    for (const name of readdirSync(path.join(dir, 'routes'))) if (!routeNames.has(name)) rmSync(path.join(dir, 'routes', name), { force: true });

  const body = {
    format: SITE_DATA_FORMAT,
    shell,
    shellDigest: sha(JSON.stringify(shell)),
    concepts,
    routes,
    guides,
    searchBodies,
    sitemapParts: sitemap.parts.length,
  } as const;
  const index: SiteIndex = {
    ...body,
    digest: sha(JSON.stringify({ ...body, exports: [...EXPORT_NAMES.map((n) => exportTexts[n]), ...sitemap.parts].map(sha) })),
  };
  written += Number(writeIfChanged(path.join(dir, 'site.json'), JSON.stringify(index)));
  return { index, written };
}
