// /sitemap.xml: every published page: home, indexes, concepts, domains, tags and guides.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { allConcepts, siteSummary } from '../lib/astro/site-data.ts';
import { slugify } from '../lib/ontology/slug.ts';
import { sitemapXml, type SitemapUrl } from '../lib/export/sitemap.ts';

export const GET: APIRoute = async () => {
  const site = await siteSummary();
  const concepts = await allConcepts();
  const guides = (await getCollection('guides')).filter((g) => g.data.public === true || g.data['public-access'] === true);
  const urls: SitemapUrl[] = [
    { path: '/' },
    { path: '/a-z/' },
    { path: '/taxonomy/' },
    ...concepts.map((c) => ({ path: `/concepts/${c.slug}/`, lastmod: c.lastUpdated })),
    ...site.domains.map((d) => ({ path: `/domains/${d.key}/` })),
    ...site.tags.map((t) => ({ path: `/tags/${t.slug}/` })),
    ...(guides.length > 0 ? [{ path: '/guides/' }] : []),
    ...guides.map((g) => ({ path: `/guides/${slugify(g.data.title)}/` })),
  ];
  return new Response(sitemapXml(site.siteUrl, urls), { headers: { 'Content-Type': 'application/xml' } });
};
