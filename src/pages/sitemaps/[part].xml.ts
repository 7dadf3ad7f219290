// /sitemaps/<n>.xml: a part of a sitemap too large for one file (sitemap.xml is then their index).
import type { APIRoute } from 'astro';
import { sitemapPart, sitemapPartPaths } from '../../lib/astro/page-data.ts';

export const getStaticPaths = sitemapPartPaths;

export const GET: APIRoute = async ({ params }) => new Response(await sitemapPart(Number(params.part)), { headers: { 'Content-Type': 'application/xml' } });
