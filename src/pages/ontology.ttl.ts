// /ontology.ttl: the published ontology in Turtle (OWL + SKOS), written by the pipeline into the site data folder.
import type { APIRoute } from 'astro';
import { exportText } from '../lib/astro/page-data.ts';

export const GET: APIRoute = async () => new Response(await exportText('ontology.ttl'), { headers: { 'Content-Type': 'text/turtle; charset=utf-8' } });
