// Shapes shared by the corpus generator's stages: the planned concept (what a page will say before it
// is rendered in one of the five dialects) and the manifest written beside the pages.
import type { DomainSpec } from './vocab.ts';

/** `jsonld`: the JSON-LD dialect (ontology data in fenced json-ld blocks), chosen by scripts/lib/shapes.ts. */
export type Dialect = 'tabs' | 'groups' | 'inline' | 'front' | 'jsonld';
export const DIALECTS: readonly Dialect[] = ['tabs', 'groups', 'inline', 'front', 'jsonld'];

export type ParentRef = { readonly kind: 'concept'; readonly concept: PlannedConcept } | { readonly kind: 'ghost'; readonly title: string };

/** Per-page quirks that real graphs drift into; chosen once at planning time. */
export interface PageQuirks {
  /** Write some parent links CamelCased (`[[ModelParameters]]`). */
  camelParents: boolean;
  /** Indent some lines of a tab-indented list with four spaces instead. */
  mixedIndent: boolean;
  /** Use a four-space indentation unit (groups dialect). */
  fourSpaceUnit: boolean;
  /** `definition:: ### Primary Definition` with the text on the next line. */
  headedDefinition: boolean;
  jsonHistory: boolean;
  trailingSpaces: boolean;
  owlFence: boolean;
  emptyValue: boolean;
}

/**
 * Shapes real graphs drift into beyond the canonical page (issue 12), chosen by scripts/lib/shapes.ts
 * from a random stream of their own, so titles, taxonomy and privacy stay what the plan made them.
 */
export interface PageShapes {
  /** Properties written as siblings of `- ### OntologyBlock` (a `- term-id::` bullet at column 0 holding the rest). */
  siblingProperties: boolean;
  /** Where the definition is: a property (the usual), nested under a parent line, in a child bullet under
   * `definition:: ### Primary Definition`, or in a `- ### Definition` section. */
  definition: 'property' | 'nested' | 'child' | 'section';
  /** Parents only as OWL axioms in a fence (no is-subclass-of lines). */
  owlOnlyParents: boolean;
  /** The preferred term written with underscores for spaces (`ETSI_Domain_Name`). */
  underscoreTitle: boolean;
  /** Some body links written `[[Target|label]]` or `[label]([[Target]])`. */
  aliasLinks: boolean;
  /** Some body text written after child bullets, as continuation lines (reading order). */
  textAfterChildren: boolean;
  /** Tags spelt in another case than other pages spell them. */
  tagCase: boolean;
  /** JSON-LD dialect: the Class has no legacy term id (a concept identified by its @id). */
  noTermId: boolean;
  /** JSON-LD dialect: `subClassOf` as one object rather than a list. */
  singleParentObject: boolean;
  /** JSON-LD dialect: `### Relationships` lines beside the JSON-LD, agreeing with it. */
  relationshipLines: boolean;
  /** JSON-LD dialect: a plain-language gloss. */
  gloss: boolean;
}

export interface PlannedConcept {
  readonly index: number;
  readonly title: string;
  readonly file: string;
  readonly domain: DomainSpec;
  termId: string;
  dialect: Dialect;
  readonly status: string;
  readonly parents: ParentRef[];
  readonly aliases: string[];
  isPublic: boolean;
  marker: string | null;
  readonly quirks: PageQuirks;
  shapes: PageShapes;
  /** Defect plumbing: lines appended to the body, payload replacing the definition, etc. */
  omitPreferredTerm: boolean;
  readonly extraBody: string[];
  definitionOverride: string | null;
  /** Set when an identity defect (duplicate / invalid term id, no preferred-term) is planted. */
  identityDefect: boolean;
}

export interface ManifestConcept {
  file: string;
  /** Null for a JSON-LD page whose Class has no term id (identified by its @id). */
  termId: string | null;
  title: string;
  domain: string;
  dialect: Dialect;
  parents: string[];
}
export interface ManifestPrivate {
  file: string;
  title: string;
  marker: string;
}
export interface XssPlant {
  file: string;
  where: 'body' | 'definition' | 'alias';
  payload: string;
}
export interface MalformedPlant {
  file: string;
  expect: string | null;
}

export interface Planted {
  brokenLinks: { file: string; target: string }[];
  missingParents: { file: string; parent: string }[];
  duplicateTermIds: { termId: string; files: [string, string] }[];
  cycles: [string, string][];
  missingPreferredTerm: { file: string }[];
  invalidTermIds: { file: string; termId: string }[];
  xss: XssPlant[];
  malformed: MalformedPlant[];
}

export interface Manifest {
  seed: number;
  pages: number;
  defects: boolean;
  concepts: ManifestConcept[];
  private: ManifestPrivate[];
  planted: Planted;
  totals: { files: number; bytes: number; public: number; private: number };
}

export function emptyPlanted(): Planted {
  return { brokenLinks: [], missingParents: [], duplicateTermIds: [], cycles: [], missingPreferredTerm: [], invalidTermIds: [], xss: [], malformed: [] };
}
