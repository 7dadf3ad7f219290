// /sitemap.xml: every published page: home, indexes, concepts, domains, tags and guides.
import type { APIRoute } from 'astro';
import { allConcepts, publishedGuides, siteSummary } from '../lib/astro/site-data.ts';
import { guideSlug } from '../components/helpers/guides.ts';
import { sitemapXml, type SitemapUrl } from '../lib/export/sitemap.ts';

export const GET: APIRoute = async () => {
  const site = await siteSummary();
  const concepts = await allConcepts();
  const guides = await publishedGuides();
  const urls: SitemapUrl[] = [
    { path: '/' },
    { path: '/a-z/' },
    { path: '/taxonomy/' },
    ...concepts.map((c) => ({ path: `/concepts/${c.slug}/`, lastmod: c.lastUpdated })),
    ...site.domains.map((d) => ({ path: `/domains/${d.key}/` })),
    ...site.tags.map((t) => ({ path: `/tags/${t.slug}/` })),
    ...(guides.length > 0 ? [{ path: '/guides/' }] : []),
    ...guides.map((g) => ({ path: `/guides/${guideSlug(g.data, g.id, site.guides)}/` })),
  ];
  return new Response(sitemapXml(site.siteUrl, urls), { headers: { 'Content-Type': 'application/xml' } });
};
