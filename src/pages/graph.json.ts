// /graph.json: published concepts as nodes and typed edges.
import type { APIRoute } from 'astro';
import { allConcepts } from '../lib/astro/site-data.ts';
import { graphJson } from '../lib/export/graph-json.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(graphJson(await allConcepts())), { headers: { 'Content-Type': 'application/json' } });
