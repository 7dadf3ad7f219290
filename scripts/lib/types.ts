// Shapes shared by the corpus generator's stages: the planned concept (what a page will say before it
// is rendered in one of the four dialects) and the manifest written beside the pages.
import type { DomainSpec } from './vocab.ts';

export type Dialect = 'tabs' | 'groups' | 'inline' | 'front';
export const DIALECTS: readonly Dialect[] = ['tabs', 'groups', 'inline', 'front'];

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

export interface PlannedConcept {
  readonly index: number;
  readonly title: string;
  readonly file: string;
  readonly domain: DomainSpec;
  termId: string;
  readonly dialect: Dialect;
  readonly status: string;
  readonly parents: ParentRef[];
  readonly aliases: string[];
  isPublic: boolean;
  marker: string | null;
  readonly quirks: PageQuirks;
  /** Defect plumbing: lines appended to the body, payload replacing the definition, etc. */
  omitPreferredTerm: boolean;
  readonly extraBody: string[];
  definitionOverride: string | null;
  /** Set when an identity defect (duplicate / invalid term id, no preferred-term) is planted. */
  identityDefect: boolean;
}

export interface ManifestConcept {
  file: string;
  termId: string;
  title: string;
  domain: string;
  dialect: Dialect;
  parents: string[];
}
export interface ManifestPrivate { file: string; title: string; marker: string }
export interface XssPlant { file: string; where: 'body' | 'definition' | 'alias'; payload: string }
export interface MalformedPlant { file: string; expect: string | null }

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
