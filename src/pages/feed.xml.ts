// /feed.xml: the Atom feed of recently updated terms, from its own data object in the site data folder.
import type { APIRoute } from 'astro';
import { routeData, shell } from '../lib/astro/page-data.ts';
import { atomXml } from '../lib/export/atom.ts';
import type { FeedData } from '../lib/site/pages.ts';

export const GET: APIRoute = async () =>
  new Response(atomXml(await shell(), await routeData<FeedData>('feed')), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
