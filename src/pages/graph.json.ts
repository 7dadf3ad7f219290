// /graph.json: published concepts as nodes and typed edges, written by the pipeline into the site data folder.
import type { APIRoute } from 'astro';
import { exportText } from '../lib/astro/page-data.ts';

export const GET: APIRoute = async () => new Response(await exportText('graph.json'), { headers: { 'Content-Type': 'application/json' } });
