// /ontology.ttl: the published ontology in Turtle (OWL + SKOS), written with n3.
import type { APIRoute } from 'astro';
import { allConcepts, siteSummary } from '../lib/astro/site-data.ts';
import { ontologyQuads, toTurtle } from '../lib/export/rdf.ts';

export const GET: APIRoute = async () => {
  const site = await siteSummary();
  const body = toTurtle(site, ontologyQuads(site, await allConcepts()));
  return new Response(body, { headers: { 'Content-Type': 'text/turtle; charset=utf-8' } });
};
