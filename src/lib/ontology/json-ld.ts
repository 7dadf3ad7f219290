// The JSON-LD dialect (GUIDE §2): a page's fenced `json-ld` blocks → the concept data they state. A
// `Page` object gives the page title, `vc:public` and `vc:legacyProperties` (`legacy-term-id`,
// `preferred-term`); a `Class` object gives the class id, label, definition, plain-language gloss,
// domain, maturity, `subClassOf` and typed `relations` (targets as `{ "@id", "label" }`). Other
// objects (annotations) are ignored. Lenient about spelling: prefixed keys and types (`rdfs:label`,
// `owl:Class`), one target or a list, `{ "@value" }` literals, `@graph` arrays.
import { keyLine } from '../logseq/json-ld.ts';
import type { JsonLdBlock } from '../logseq/types.ts';

export interface JsonLdRef {
  /** The target's `@id`, when given. */
  id: string | null;
  /** Its label, or the last segment of its id. */
  label: string;
  line: number;
}

export interface JsonLdValue<T> {
  value: T;
  line: number;
}

export interface JsonLdConcept {
  /** Line of the first `Page` or `Class` object. */
  line: number;
  hasClass: boolean;
  pageTitle: JsonLdValue<string> | null;
  public: JsonLdValue<boolean> | null;
  termId: JsonLdValue<string> | null;
  legacyPreferredTerm: JsonLdValue<string> | null;
  classId: string | null;
  label: JsonLdValue<string> | null;
  definition: JsonLdValue<string> | null;
  gloss: JsonLdValue<string> | null;
  domain: JsonLdValue<string> | null;
  maturity: JsonLdValue<string> | null;
  parents: JsonLdRef[];
  /** Typed relations, keys as written (`hasPart`); `sameAs` is one of them. */
  relations: { key: string; ref: JsonLdRef }[];
}

type Obj = Record<string, unknown>;
interface Node {
  obj: Obj;
  block: JsonLdBlock;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object of a block's value: the value itself, the items of an array, the items of `@graph`. */
function nodesOf(block: JsonLdBlock): Node[] {
  const out: Node[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 3) return;
    if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (isObj(v)) {
      out.push({ obj: v, block });
      if (Array.isArray(v['@graph'])) visit(v['@graph'], depth + 1);
    }
  };
  visit(block.value, 0);
  return out;
}

/** The local form of a type or key: `owl:Class` → `class`, `vc:legacyProperties` → `legacyproperties`. */
const local = (name: string) => name.slice(name.lastIndexOf(':') + 1).toLowerCase();

function hasType(obj: Obj, ...types: string[]): boolean {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.some((x) => typeof x === 'string' && types.includes(local(x)));
}

/** A literal: a string, number or boolean, `{ "@value" }`, or the first of a list of them. */
function literal(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? literal(v[0]) : null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isObj(v) && '@value' in v) return literal(v['@value']);
  return null;
}

/** The value of the first key present (exact name first, then any prefix with that local name). */
function field(obj: Obj, ...names: string[]): { key: string; value: unknown } | null {
  for (const n of names) if (n in obj) return { key: n, value: obj[n] };
  const wanted = new Set(names.map(local));
  for (const k of Object.keys(obj)) if (wanted.has(local(k))) return { key: k, value: obj[k] };
  return null;
}

function text(node: Node, ...names: string[]): JsonLdValue<string> | null {
  const f = field(node.obj, ...names);
  if (!f) return null;
  const value = literal(f.value);
  return value === null ? null : { value, line: lineOf(node, f.key) };
}

const lineOf = (node: Node, key: string) => keyLine(node.block, key);

/** The last segment of an id: `urn:ngm:class:digital-asset` → `digital-asset`. */
export function idTail(id: string): string {
  const t = id.replace(/[/#:]+$/, '');
  return t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'), t.lastIndexOf(':')) + 1);
}

function refs(v: unknown, line: number): JsonLdRef[] {
  const list = Array.isArray(v) ? v : [v];
  const out: JsonLdRef[] = [];
  for (const x of list) {
    if (typeof x === 'string' && x.trim() !== '') out.push({ id: x.trim(), label: idTail(x.trim()), line });
    else if (isObj(x)) {
      const id = typeof x['@id'] === 'string' && x['@id'].trim() !== '' ? x['@id'].trim() : null;
      const label = literal(x.label ?? x['rdfs:label'] ?? x['vc:label'] ?? x['skos:prefLabel']) ?? (id ? idTail(id) : null);
      if (label) out.push({ id, label, line });
    }
  }
  return out;
}

/** `vc:legacyProperties`: a list of `{ "vc:key", "vc:value" }`, or an object of key → value. */
function legacy(node: Node): Map<string, JsonLdValue<string>> {
  const out = new Map<string, JsonLdValue<string>>();
  const f = field(node.obj, 'vc:legacyProperties', 'legacyProperties');
  if (!f) return out;
  const line = lineOf(node, f.key);
  if (Array.isArray(f.value)) {
    for (const item of f.value) {
      if (!isObj(item)) continue;
      const key = literal(item['vc:key'] ?? item.key);
      const value = literal(item['vc:value'] ?? item.value);
      if (key && value !== null && !out.has(key.toLowerCase())) out.set(key.toLowerCase(), { value, line });
    }
  } else if (isObj(f.value)) {
    for (const [k, v] of Object.entries(f.value)) {
      const value = literal(v);
      if (value !== null && !out.has(k.toLowerCase())) out.set(k.toLowerCase(), { value, line });
    }
  }
  return out;
}

function bool(v: JsonLdValue<string> | null): JsonLdValue<boolean> | null {
  if (!v) return null;
  if (/^(true|yes|1)$/i.test(v.value)) return { value: true, line: v.line };
  if (/^(false|no|0)$/i.test(v.value)) return { value: false, line: v.line };
  return null;
}

/** The concept data of a page's json-ld blocks, or null when they hold no `Page` or `Class` object. */
export function readJsonLdConcept(blocks: readonly JsonLdBlock[]): JsonLdConcept | null {
  if (blocks.length === 0) return null;
  const nodes = blocks.flatMap(nodesOf);
  const page = nodes.find((n) => hasType(n.obj, 'page', 'webpage'));
  const cls = nodes.find((n) => hasType(n.obj, 'class'));
  if (!page && !cls) return null;
  const pageLegacy = page ? legacy(page) : new Map<string, JsonLdValue<string>>();
  const classLegacy = cls ? legacy(cls) : new Map<string, JsonLdValue<string>>();
  const fromLegacy = (key: string) => pageLegacy.get(key) ?? classLegacy.get(key) ?? null;
  const out: JsonLdConcept = {
    line: Math.min(page?.block.line ?? Infinity, cls?.block.line ?? Infinity),
    hasClass: cls !== undefined,
    pageTitle: page ? text(page, 'title', 'dcterms:title', 'name') : null,
    public: page ? bool(text(page, 'vc:public', 'public')) : null,
    termId: (cls ? text(cls, 'vc:termId', 'termId') : null) ?? fromLegacy('legacy-term-id') ?? fromLegacy('term-id'),
    legacyPreferredTerm: fromLegacy('preferred-term'),
    classId: cls && typeof cls.obj['@id'] === 'string' && cls.obj['@id'].trim() !== '' ? cls.obj['@id'].trim() : null,
    label: cls ? text(cls, 'label', 'rdfs:label', 'skos:prefLabel') : null,
    definition: cls ? text(cls, 'definition', 'skos:definition') : null,
    gloss: cls ? text(cls, 'vc:plainGloss', 'plainGloss', 'gloss') : null,
    domain: cls ? text(cls, 'domain', 'vc:domain') : null,
    maturity: cls ? text(cls, 'maturity', 'vc:maturity') : null,
    parents: [],
    relations: [],
  };
  if (cls) {
    const sub = field(cls.obj, 'subClassOf', 'rdfs:subClassOf');
    if (sub) out.parents.push(...refs(sub.value, lineOf(cls, sub.key)));
    const rel = field(cls.obj, 'relations', 'vc:relations');
    if (rel && isObj(rel.value)) {
      for (const [key, targets] of Object.entries(rel.value)) {
        for (const ref of refs(targets, lineOf(cls, key))) out.relations.push({ key, ref });
      }
    }
    const same = field(cls.obj, 'sameAs', 'owl:sameAs');
    if (same) for (const ref of refs(same.value, lineOf(cls, same.key))) out.relations.push({ key: 'sameAs', ref });
  }
  return out;
}
