// /ontology.jsonld: the same triples as /ontology.ttl, as expanded JSON-LD.
import type { APIRoute } from 'astro';
import { allConcepts, siteSummary } from '../lib/astro/site-data.ts';
import { ontologyQuads, toJsonLd } from '../lib/export/rdf.ts';

export const GET: APIRoute = async () => {
  const site = await siteSummary();
  return new Response(toJsonLd(ontologyQuads(site, await allConcepts())), { headers: { 'Content-Type': 'application/ld+json' } });
};
