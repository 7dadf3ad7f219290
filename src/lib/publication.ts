// The publication rule (GUIDE §3), a security boundary, decided here and nowhere else. A page is
// published only when it says so: `public:: true` (page property) or `public-access:: true`
// (ontology property), in Logseq outline form or YAML front matter, in `.md`, `.markdown` and `.mdx`
// files alike. A site-wide setting (KB_PUBLISH_ALL) publishes every page not explicitly marked
// private. An explicit "no" always wins, and a value that is neither yes nor no withholds the page
// (and is reported): when in doubt, nothing is published. Extraction, guides, exports, search and
// the audit all take their answer from `decidePublication`.

/** The keys that mark a page public or private. */
export const PUBLICATION_KEYS = ['public', 'public-access'] as const;
export type PublicationKey = (typeof PUBLICATION_KEYS)[number];

/** One place a page states its publication: a property or front matter key, as written. */
export interface PublicationMark {
  key: string;
  /** The value as written: a string from an outline property, or any front matter value. */
  value: unknown;
  line: number;
}

export type PublicationReason =
  /** A mark says yes, and none says no. */
  | 'marked-public'
  /** A mark says no. */
  | 'marked-private'
  /** No mark at all (or only empty ones), and publish-all is on. */
  | 'publish-all'
  /** No mark at all, and publish-all is off: Logseq's own default. */
  | 'not-marked'
  /** A mark is neither yes nor no (`public-access:: maybe`): withheld, and reported. */
  | 'unrecognised-value';

export interface PublicationDecision {
  published: boolean;
  reason: PublicationReason;
  /** The mark the decision rests on (the first "no", the first unrecognised value, or the first "yes"). */
  mark: PublicationMark | null;
}

export interface PublicationOptions {
  /** Publish every page not explicitly marked private (KB_PUBLISH_ALL). */
  publishAll: boolean;
}

const YES = new Set(['true', 'yes', '1']);
const NO = new Set(['false', 'no', '0']);

/**
 * Reads one mark's value: `true` (yes, 1, true; any case; YAML booleans and numbers too), `false`
 * (no, 0, false), `null` for an empty value (as if unwritten), `'unrecognised'` otherwise.
 */
export function readPublicationValue(value: unknown): boolean | null | 'unrecognised' {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : 'unrecognised';
  if (typeof value !== 'string') return 'unrecognised';
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return 'unrecognised';
}

export function isPublicationKey(key: string): key is PublicationKey {
  return (PUBLICATION_KEYS as readonly string[]).includes(key.toLowerCase());
}

/** Decides whether a page with these marks is published. */
export function decidePublication(marks: readonly PublicationMark[], options: PublicationOptions): PublicationDecision {
  let yes: PublicationMark | null = null;
  let unrecognised: PublicationMark | null = null;
  for (const mark of marks) {
    const v = readPublicationValue(mark.value);
    if (v === false) return { published: false, reason: 'marked-private', mark };
    if (v === true) yes ??= mark;
    else if (v === 'unrecognised') unrecognised ??= mark;
  }
  if (unrecognised) return { published: false, reason: 'unrecognised-value', mark: unrecognised };
  if (yes) return { published: true, reason: 'marked-public', mark: yes };
  return options.publishAll ? { published: true, reason: 'publish-all', mark: null } : { published: false, reason: 'not-marked', mark: null };
}
