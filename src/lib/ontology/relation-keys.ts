// Relation names in one spelling. Graphs write one relation several ways: `has-part::`, `hasPart::`
// (which the outline parser lower-cases to `haspart`) and `"hasPart"` in JSON-LD; all become
// `has-part`, so the page shows one group and the two dialects can be compared.

/** Relation names in their canonical (kebab-case) spelling; their hyphen-less forms map back to them. */
const KNOWN = [
  'is-subclass-of',
  'has-subclass',
  'has-part',
  'is-part-of',
  'part-of',
  'requires',
  'is-required-by',
  'depends-on',
  'is-dependency-of',
  'enables',
  'enabled-by',
  'related-to',
  'bridges-to',
  'bridges-from',
  'contrasts-with',
  'standardized-by',
  'standardised-by',
  'implements',
  'implemented-by',
  'uses',
  'is-used-by',
  'used-by',
  'supports',
  'supported-by',
  'produces',
  'same-as',
  'see-also',
  'influences',
  'governs',
  'constrains',
  'regulated-by',
  'measured-by',
  'informed-by',
  'feeds-into',
  'applies-to',
  'mitigated-by',
  'detected-by',
  'enforced-by',
  'implemented-in-layer',
  'belongs-to-domain',
];
const BY_COMPACT = new Map(KNOWN.map((k) => [k.replace(/-/g, ''), k]));
/** Other spellings of the subclass relation. */
const SUBCLASS = new Set(['subclassof', 'rdfs:subclassof', 'is-a', 'isa', 'is-subclass-of', 'issubclassof']);

const memo = new Map<string, string>();

/** `hasPart` / `haspart` / `has_part` / `has-part` → `has-part`; `subClassOf` → `is-subclass-of`. */
export function canonicalRelationKey(key: string): string {
  let out = memo.get(key);
  if (out === undefined) {
    out = canonicalise(key);
    if (memo.size < 10_000) memo.set(key, out);
  }
  return out;
}

function canonicalise(key: string): string {
  const kebab = key
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_\s]+/g, '-')
    .toLowerCase();
  if (SUBCLASS.has(kebab) || SUBCLASS.has(kebab.replace(/-/g, ''))) return 'is-subclass-of';
  if (kebab.includes(':')) return kebab;
  return BY_COMPACT.get(kebab.replace(/-/g, '')) ?? kebab;
}
