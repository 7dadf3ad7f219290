// sitemap.xml: every published page (no withheld page can be here: they are never built). No build
// timestamps, so the file is the same on every build; `lastmod` only from a concept's last-updated.
export interface SitemapUrl {
  path: string;
  lastmod?: string | null;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function sitemapXml(siteUrl: string, urls: readonly SitemapUrl[]): string {
  const body = [...urls]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((u) => {
      const lastmod = u.lastmod && /^\d{4}-\d{2}-\d{2}$/.test(u.lastmod) ? `<lastmod>${u.lastmod}</lastmod>` : '';
      return `<url><loc>${esc(siteUrl + u.path)}</loc>${lastmod}</url>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** The protocol's limit of URLs in one sitemap file. */
export const SITEMAP_LIMIT = 50_000;

/** A sitemap index naming the parts `/sitemaps/<n>.xml`. */
export function sitemapIndexXml(siteUrl: string, parts: number): string {
  const body = Array.from({ length: parts }, (_, k) => `<sitemap><loc>${esc(`${siteUrl}/sitemaps/${k + 1}.xml`)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/**
 * The sitemap of `urls`: one file when they fit the protocol's limit; otherwise `main` is an index of
 * parts of at most `limit` URLs each (sorted by path, so a part changes only where its URLs do).
 */
export function sitemapFiles(siteUrl: string, urls: readonly SitemapUrl[], limit = SITEMAP_LIMIT): { main: string; parts: string[] } {
  if (urls.length <= limit) return { main: sitemapXml(siteUrl, urls), parts: [] };
  const sorted = [...urls].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parts: string[] = [];
  for (let k = 0; k < sorted.length; k += limit) parts.push(sitemapXml(siteUrl, sorted.slice(k, k + limit)));
  return { main: sitemapIndexXml(siteUrl, parts.length), parts };
}
