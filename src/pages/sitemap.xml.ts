// /sitemap.xml: every published page, written by the pipeline into the site data folder.
import type { APIRoute } from 'astro';
import { exportText } from '../lib/astro/page-data.ts';

export const GET: APIRoute = async () => new Response(await exportText('sitemap.xml'), { headers: { 'Content-Type': 'application/xml' } });
