// The Concept schema (zod): one published or withheld ontology page, as extracted from its source,
// before links are resolved. The graph (graph.ts) adds the resolved view on top of it.
import { z } from 'zod';

export const PropertySchema = z.object({ key: z.string(), value: z.string(), line: z.number().int() });

export const LinkRefSchema = z.object({
  target: z.string(),
  line: z.number().int(),
  /** The sentence the link sits in, as raw Markdown (made plain text where a backlink is shown). */
  sentence: z.string(),
});

export const ConceptSchema = z.object({
  /** Path relative to the content folder; the concept's stable identity. */
  file: z.string(),
  kind: z.enum(['concept', 'guide']),
  /** Page name decoded from the file name. */
  name: z.string(),
  termId: z.string().nullable(),
  /** The JSON-LD dialect's class id (`urn:…:class:…`), which links and parents may name. */
  classId: z.string().nullable(),
  title: z.string().min(1),
  aliases: z.array(z.string()),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Markdown. */
  definition: z.string(),
  /** A plain-language gloss (the JSON-LD dialect's `vc:plainGloss`), plain text. */
  gloss: z.string().nullable(),
  /** Normalised domain key (e.g. `ai`), URL-safe, or null. */
  domain: z.string().nullable(),
  /** The domain as written (link brackets removed), for naming a domain the configuration does not know. */
  domainLabel: z.string().nullable(),
  status: z.string().nullable(),
  maturity: z.string().nullable(),
  version: z.string().nullable(),
  lastUpdated: z.string().nullable(),
  public: z.boolean(),
  owlClass: z.string().nullable(),
  belongsToDomain: z.array(z.string()),
  /** `is-subclass-of` targets as written (with the JSON-LD `@id` when the target came from there). */
  parentRefs: z.array(z.object({ target: z.string(), line: z.number().int(), id: z.string().optional() })),
  /** Every other relation (`requires`, `has-part`, `skos:related`, unknown ones too) with targets as written; keys canonical. */
  relationRefs: z.array(z.object({ key: z.string(), target: z.string(), line: z.number().int(), id: z.string().optional() })),
  linkRefs: z.array(LinkRefSchema),
  tags: z.array(z.string()),
  demos: z.array(z.object({ name: z.string(), params: z.record(z.string(), z.string()), line: z.number().int() })),
  /** All other properties, kept for display. */
  properties: z.array(PropertySchema),
  /** Line of the term id / title properties (for diagnostics). */
  termIdLine: z.number().int(),
  titleLine: z.number().int(),
});

export type Concept = z.infer<typeof ConceptSchema>;
export type LinkRef = z.infer<typeof LinkRefSchema>;
