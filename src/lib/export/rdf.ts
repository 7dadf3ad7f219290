// Ontology exports built with a real RDF library (n3): the published concepts as OWL classes with
// rdfs:subClassOf, SKOS labels, definitions, notations and typed relations. One function makes the
// quads; writers turn them into Turtle and JSON-LD. Only published data goes in.
import { DataFactory, type Quad, Writer } from 'n3';
import type { ConceptEntryData } from '../site/types.ts';

const { namedNode, literal, quad } = DataFactory;

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dcterms: 'http://purl.org/dc/terms/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export interface ExportSite {
  siteUrl: string;
  title: string;
  description: string;
}

export const conceptIri = (site: ExportSite, slug: string) => `${site.siteUrl}/concepts/${slug}/`;
export const vocabIri = (site: ExportSite) => `${site.siteUrl}/ontology#`;

/** The predicate IRI for a relation key: SKOS keys map to SKOS, others into the site's vocabulary. */
export function relationPredicate(site: ExportSite, key: string): string {
  if (key.startsWith('skos:')) return NS.skos + key.slice(5);
  return vocabIri(site) + key.replace(/[^A-Za-z0-9_-]+/g, '_');
}

export function ontologyQuads(site: ExportSite, concepts: readonly ConceptEntryData[]): Quad[] {
  const quads: Quad[] = [];
  const add = (s: string, p: string, o: ReturnType<typeof namedNode> | ReturnType<typeof literal>) => quads.push(quad(namedNode(s), namedNode(p), o));
  const ontology = `${site.siteUrl}/ontology`;
  add(ontology, `${NS.rdf}type`, namedNode(`${NS.owl}Ontology`));
  add(ontology, `${NS.rdfs}label`, literal(site.title, 'en'));
  add(ontology, `${NS.dcterms}description`, literal(site.description, 'en'));
  const sorted = [...concepts].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const c of sorted) {
    const s = conceptIri(site, c.slug);
    add(s, `${NS.rdf}type`, namedNode(`${NS.owl}Class`));
    add(s, `${NS.rdf}type`, namedNode(`${NS.skos}Concept`));
    add(s, `${NS.rdfs}label`, literal(c.title, 'en'));
    add(s, `${NS.skos}prefLabel`, literal(c.title, 'en'));
    for (const a of c.aliases) add(s, `${NS.skos}altLabel`, literal(a, 'en'));
    if (c.definitionText) add(s, `${NS.skos}definition`, literal(c.definitionText, 'en'));
    if (c.termId) add(s, `${NS.skos}notation`, literal(c.termId));
    if (c.domain) add(s, `${vocabIri(site)}domain`, literal(c.domain.key));
    if (c.status) add(s, `${vocabIri(site)}status`, literal(c.status));
    if (c.lastUpdated && /^\d{4}-\d{2}-\d{2}$/.test(c.lastUpdated)) add(s, `${NS.dcterms}modified`, literal(c.lastUpdated, namedNode(`${NS.xsd}date`)));
    for (const p of c.parents) add(s, `${NS.rdfs}subClassOf`, namedNode(conceptIri(site, p.slug)));
    for (const r of c.relations) for (const t of r.targets) add(s, relationPredicate(site, r.key), namedNode(conceptIri(site, t.slug)));
  }
  return quads;
}

export function toTurtle(site: ExportSite, quads: readonly Quad[]): string {
  const writer = new Writer({ prefixes: { ...NS, kb: vocabIri(site), c: `${site.siteUrl}/concepts/` } });
  writer.addQuads([...quads]);
  let out = '';
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

type JsonLdValue = { '@id': string } | { '@value': string; '@language'?: string; '@type'?: string };

/** Expanded-form JSON-LD of the same quads (one node object per subject, in subject order). */
export function toJsonLd(quads: readonly Quad[]): string {
  const nodes = new Map<string, Record<string, JsonLdValue[] | string | string[]>>();
  for (const q of quads) {
    const id = q.subject.value;
    let node = nodes.get(id);
    if (!node) nodes.set(id, (node = { '@id': id }));
    if (q.predicate.value === `${NS.rdf}type`) {
      const types = (node['@type'] as string[] | undefined) ?? [];
      types.push(q.object.value);
      node['@type'] = types;
      continue;
    }
    const o = q.object;
    const value: JsonLdValue =
      o.termType === 'NamedNode'
        ? { '@id': o.value }
        : o.termType === 'Literal' && o.language
          ? { '@value': o.value, '@language': o.language }
          : o.termType === 'Literal' && o.datatype.value !== `${NS.xsd}string`
            ? { '@value': o.value, '@type': o.datatype.value }
            : { '@value': o.value };
    const list = (node[q.predicate.value] as JsonLdValue[] | undefined) ?? [];
    list.push(value);
    node[q.predicate.value] = list;
  }
  return JSON.stringify([...nodes.values()], null, 1).replace(/</g, '\\u003c');
}
