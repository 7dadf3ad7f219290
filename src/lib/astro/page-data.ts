// What the Astro pages read, and the only module of the site that reads content collections. Every
// page renders the shell plus its own data object from the site data folder, and nothing else; a
// page's `cacheKey` for Astro's incremental build is therefore the digest of that object's file
// and of the shell, derived from the data itself (src/lib/build/site-data.ts), never listed by hand.
import { type CollectionEntry, getCollection, getEntry, render } from 'astro:content';
import path from 'node:path';
import { resolveContentDir } from '../../config.ts';
import {
  type BodyFile,
  type ExportName,
  type RouteEntry,
  readBody,
  readConceptPage,
  readExport,
  readRoute,
  readSiteIndex,
  readSitemapPart,
  type SiteIndex,
} from '../build/site-data.ts';
import type { GuideListing } from '../site/pages.ts';
import type { ConceptEntryData, Shell } from '../site/types.ts';
import type { SiteEntry } from './loader.ts';

let memo: { digest: string; dir: string; index: SiteIndex } | null = null;

/** The site data index named by the loader's entry (read again only when its digest changes). */
async function site(): Promise<{ dir: string; index: SiteIndex }> {
  const entry = await getEntry('glossary', 'site');
  if (!entry) throw new Error('the glossary loader did not run: no site data');
  const { dir, digest } = entry.data as unknown as SiteEntry;
  if (memo && memo.digest === digest && memo.dir === dir) return memo;
  const index = readSiteIndex(dir);
  if (!index) throw new Error(`no site data index in ${dir}`);
  memo = { digest, dir, index };
  return memo;
}

export async function shell(): Promise<Shell> {
  return (await site()).index.shell;
}

const key = (digest: string, shellDigest: string) => `${digest}:${shellDigest}`;

/** getStaticPaths of the concept pages. */
export async function conceptPaths() {
  const { index } = await site();
  return index.concepts.map((c) => ({ params: { slug: c.slug }, props: { slug: c.slug }, cacheKey: key(c.digest, index.shellDigest) }));
}

export async function conceptPage(slug: string): Promise<{ data: ConceptEntryData; body: BodyFile }> {
  const { dir } = await site();
  const data = readConceptPage(dir, slug);
  return { data, body: readBody(dir, data.bodyDigest) };
}

/** The data of a page that is not a concept page (see RouteData in src/lib/site/pages.ts). */
export async function routeData<T>(id: string): Promise<T> {
  return readRoute<T>((await site()).dir, id);
}

/** getStaticPaths of the pages whose route ids start with `prefix` (`domain/`, `tag/`). */
export async function routePaths<P extends string>(prefix: string, param: P) {
  const { index } = await site();
  return index.routes
    .filter((r: RouteEntry) => r.id.startsWith(prefix))
    .map((r) => ({ params: { [param]: r.id.slice(prefix.length) } as Record<P, string>, props: { id: r.id }, cacheKey: key(r.digest, index.shellDigest) }));
}

/** Whether a route exists (the diagnostics page does only when it is switched on). */
export async function hasRoute(id: string): Promise<boolean> {
  return (await site()).index.routes.some((r) => r.id === id);
}

export async function exportText(name: ExportName): Promise<string> {
  return readExport((await site()).dir, name);
}

/** getStaticPaths of a large sitemap's parts (`/sitemaps/<n>.xml`). */
export async function sitemapPartPaths() {
  const { index } = await site();
  return Array.from({ length: index.sitemapParts }, (_, k) => ({ params: { part: String(k + 1) } }));
}

export async function sitemapPart(part: number): Promise<string> {
  return readSitemapPart((await site()).dir, part);
}

/** A published guide's compiled MDX content. */
export async function guideContent(entry: CollectionEntry<'guides'>) {
  return (await render(entry)).Content;
}

/**
 * The published MDX guides: the glob collection's entries that the pipeline published (matched by
 * file), with the pipeline's slug and title. Unpublished guides are never rendered.
 */
export async function publishedGuides(): Promise<{ listing: GuideListing; entry: CollectionEntry<'guides'> }[]> {
  const { index } = await site();
  if (index.guides.length === 0) return [];
  const contentDir = resolveContentDir();
  const byFile = new Map(index.guides.map((g) => [g.file, g]));
  const out: { listing: GuideListing; entry: CollectionEntry<'guides'> }[] = [];
  for (const entry of await getCollection('guides')) {
    const file = entry.filePath ? path.relative(contentDir, path.resolve(entry.filePath)).split(path.sep).join('/') : null;
    const listing = file ? byFile.get(file) : undefined;
    if (listing) out.push({ listing, entry });
  }
  return out;
}
