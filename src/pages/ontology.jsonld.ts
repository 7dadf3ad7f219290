// /ontology.jsonld: the same triples as JSON-LD, written by the pipeline into the site data folder.
import type { APIRoute } from 'astro';
import { exportText } from '../lib/astro/page-data.ts';

export const GET: APIRoute = async () => new Response(await exportText('ontology.jsonld'), { headers: { 'Content-Type': 'application/ld+json' } });
