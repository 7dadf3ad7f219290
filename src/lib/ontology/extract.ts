// Concept extraction: one ParsedPage → a Concept (or the reason there is none). Finds the ontology
// data in any dialect (the ontology block with its property siblings, page properties, front matter,
// the JSON-LD dialect's `Page` and `Class` objects), merges them and reports where the two dialects
// disagree; collects `is-subclass-of` and every other relation wherever it is written (OWL axioms in
// fences when nothing else names a parent), finds the definition wherever editors put it, and gathers
// the page's links, tags and demo macros with their lines. Link resolution happens later, in graph.ts.
import { type Diagnostic, diagnostic } from '../diagnostics.ts';
import { findReferences, linkTargetsInValue } from '../logseq/references.ts';
import type { Block, ParsedPage, Property } from '../logseq/types.ts';
import { decidePublication, isPublicationKey, type PublicationDecision, type PublicationMark } from '../publication.ts';
import { definitionFromProperty, definitionSection, type FoundText, glossSection } from './definition.ts';
import { domainLabel } from './domains.ts';
import { type JsonLdConcept, readJsonLdConcept } from './json-ld.ts';
import { findOntologyRegion, isPropertyOnly } from './ontology-block.ts';
import { localName, owlParents } from './owl-functional.ts';
import { placeholderDiagnostics } from './placeholders.ts';
import { canonicalRelationKey } from './relation-keys.ts';
import { linkKey } from './resolve.ts';
import type { Concept, LinkRef } from './schema.ts';
import { safeSlug, slugify } from './slug.ts';

/** Keys that hold scalar metadata, never relations. */
const META_KEYS = new Set([
  'term-id',
  'termid',
  'preferred-term',
  'title',
  'definition',
  'source-domain',
  'domain',
  'status',
  'maturity',
  'version',
  'last-updated',
  'updated',
  'public-access',
  'public',
  'ontology',
  'id',
  'collapsed',
  'alias',
  'aliases',
  'alt-terms',
  'alt-term',
  'alternative-terms',
  'synonyms',
  'owl:class',
  'belongstodomain',
  'belongs-to-domain',
  'tags',
  'filename-history',
  'type',
  'description',
  'heading',
  'icon',
  'template',
]);
const ALIAS_KEYS = ['alias', 'aliases', 'alt-terms', 'alt-term', 'alternative-terms', 'synonyms'];
/** Relation keys recognised even when their values are plain names, not [[links]]. */
const RELATION_KEYS = new Set([
  'is-subclass-of',
  'has-part',
  'is-part-of',
  'requires',
  'depends-on',
  'enables',
  'related-to',
  'skos:related',
  'bridges-to',
  'bridges-from',
  'has-subclass',
  'is-required-by',
  'enabled-by',
  'implements',
  'uses',
  'is-used-by',
  'part-of',
  'see-also',
  'skos:broader',
  'skos:narrower',
]);
/** Keys the concept page shows in their own places, so they are not repeated in the details table. */
const SHOWN_STRUCTURALLY = new Set<string>([
  ...ALIAS_KEYS,
  'term-id',
  'termid',
  'preferred-term',
  'title',
  'definition',
  'description',
  'source-domain',
  'domain',
  'status',
  'maturity',
  'version',
  'last-updated',
  'updated',
  'public-access',
  'public',
  'owl:class',
  'belongstodomain',
  'belongs-to-domain',
  'id',
  'collapsed',
  'ontology',
  'tags',
]);
export const TERM_ID_PATTERN = /^(?:[A-Z][A-Z0-9]{0,7}-\d{1,6}|\d{1,8})$/;

export type PageStatus = 'published' | 'withheld' | 'empty' | 'unreadable';

export interface PageRecord {
  page: ParsedPage;
  status: PageStatus;
  /** Present for published and withheld pages. */
  concept: Concept | null;
  /** True when the page carries ontology data (an OntologyBlock or ontology keys). */
  ontology: boolean;
  /** Top-level blocks that make up the readable body (ontology block and property-only bullets removed). */
  body: Block[];
  /** Set when the parsed body was left out (src/lib/build/page-records.ts); `bodyOf` reads it again. */
  bodyDropped?: boolean;
  /** The body's text as automatic term links scan it, kept when the body is left out after a fresh read. */
  termText?: string;
  /** Why the page is published or withheld (null for empty and unreadable pages). */
  publication: PublicationDecision | null;
  diagnostics: Diagnostic[];
}

export interface ExtractOptions {
  publishAll: boolean;
  normaliseDomain: (raw: string | null) => string | null;
}

function collectProperties(block: Block, into: Property[]): void {
  into.push(...block.properties);
  for (const child of block.children) collectProperties(child, into);
}

/** The block that holds property `p` (searched only when needed: a heading-valued definition). */
function holderOf(blocks: readonly Block[], p: Property): Block | undefined {
  const stack = [...blocks];
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    if (b.properties.includes(p)) return b;
    stack.push(...b.children);
  }
  return undefined;
}

function walk(blocks: readonly Block[], visit: (b: Block) => void): void {
  const stack = [...blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    visit(b);
    for (let k = b.children.length - 1; k >= 0; k--) stack.push(b.children[k]);
  }
}

/** Plain-text form of a Markdown line: links unwrapped, emphasis and markup removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/^\s*(?:[-*+]\s+|\d+\.\s+|#{1,6}\s+|>\s*)+/, '')
    .replace(/\{\{[^}]*\}\}/g, '')
    .replace(/!?\[([^\]]*)\]\(([^)]*)\)/g, '$1')
    .replace(/#?\[\[[^[\]|]+\|([^[\]]+)\]\]/g, '$1')
    .replace(/#?\[\[([^[\]]+)\]\]/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The raw Markdown sentence of `line` that contains the link to `target` (a cheap slice that tells one
 * mention from another; what a backlink shows is cut from the rendered tree, src/lib/render/sentences.ts).
 */
export function sentenceAround(line: string, target: string): string {
  let at = line.indexOf(`[[${target}]]`);
  if (at < 0) at = line.indexOf(target);
  if (at < 0) return line.slice(0, 600);
  const before = line.lastIndexOf('. ', at);
  const start = before < 0 ? 0 : before + 2;
  const afterIdx = line.indexOf('. ', at + target.length);
  const end = afterIdx < 0 ? line.length : afterIdx + 1;
  return line.slice(Math.max(start, at - 600), Math.min(end, at + 600));
}

function splitList(value: string): string[] {
  const t = value.trim();
  if (t.startsWith('[') && t.endsWith(']') && !t.startsWith('[[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed)) return parsed.map(String).filter((s) => s.trim() !== '');
    } catch {
      // Not JSON: a list written with single quotes (`['a', 'b']`) is still a list.
      if (/^\[\s*'/.test(t))
        return t
          .slice(1, -1)
          .split(',')
          .map((s) => s.trim().replace(/^'|'$/g, '').trim())
          .filter((s) => s !== '');
    }
  }
  return linkTargetsInValue(t);
}

/** `owl:Thing` is the top of every OWL taxonomy: naming it as a parent means "no parent". */
const isTopClass = (target: string) => /^(?:owl:|https?:\/\/www\.w3\.org\/2002\/07\/owl#)Thing$/i.test(target.trim());

function frontMatterList(value: unknown): string[] | null {
  if (Array.isArray(value))
    return value
      .map((v) =>
        String(v)
          .replace(/^\[\[|\]\]$/g, '')
          .trim(),
      )
      .filter((s) => s !== '');
  return null;
}

/** A title as written: surrounding and repeated whitespace removed, nothing else (no Markdown is read). */
const asWritten = (value: string) => value.trim().replace(/\s+/g, ' ');

/** Reports where the two dialects of one page say different things. */
function conflict(diagnostics: Diagnostic[], file: string, line: number, what: string, jsonLd: string, logseq: string): void {
  diagnostics.push(
    diagnostic(
      'conflicting-data',
      file,
      line,
      `the page's JSON-LD gives ${what} "${jsonLd}" but its properties say "${logseq}"; the properties are used`,
      jsonLd,
    ),
  );
}

/** A `definition::` written outside the ontology data (e.g. nested under an `is-subclass-of::` line after it). */
function definitionOutside(blocks: readonly Block[], skip: ReadonlySet<Block>): FoundText | null {
  const stack = [...blocks].reverse();
  while (stack.length > 0) {
    const b = stack.pop() as Block;
    if (skip.has(b)) continue;
    for (const p of b.properties) {
      if (p.key !== 'definition' && p.key !== 'description') continue;
      const found = definitionFromProperty(p, () => b);
      if (found) return found;
    }
    for (let k = b.children.length - 1; k >= 0; k--) stack.push(b.children[k]);
  }
  return null;
}

/**
 * Adds the JSON-LD's parents and typed relations to those the page's lines give (a target written
 * in both forms counts once), and reports parents that differ between the two.
 */
function mergeJsonLdRefs(
  jsonLd: JsonLdConcept,
  parentRefs: Concept['parentRefs'],
  relationRefs: Concept['relationRefs'],
  diagnostics: Diagnostic[],
  file: string,
): void {
  const refKeys = (ref: { label: string; id: string | null }) => [linkKey(ref.label), ...(ref.id ? [linkKey(localName(ref.id))] : [])];
  const asRef = (ref: { label: string; id: string | null; line: number }) => ({ target: ref.label, line: ref.line, ...(ref.id ? { id: ref.id } : {}) });
  const written = [...parentRefs];
  const parentKeys = new Set(written.map((r) => linkKey(r.target)));
  const jsonParents = jsonLd.parents.filter((r) => !isTopClass(r.label) && !(r.id !== null && isTopClass(r.id)));
  const jsonKeys = new Set(jsonParents.flatMap(refKeys));
  for (const ref of jsonParents) {
    if (refKeys(ref).some((k) => parentKeys.has(k))) continue;
    refKeys(ref).forEach((k) => parentKeys.add(k));
    parentRefs.push(asRef(ref));
  }
  const differs =
    written.some((r) => !jsonKeys.has(linkKey(r.target))) || jsonParents.some((r) => !refKeys(r).some((k) => written.some((w) => linkKey(w.target) === k)));
  if (written.length > 0 && jsonParents.length > 0 && differs) {
    const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
    diagnostics.push(
      diagnostic(
        'conflicting-data',
        file,
        jsonParents[0].line,
        `the page's JSON-LD gives the parents ${list(jsonParents.map((r) => r.label))} but its is-subclass-of lines say ${list(written.map((r) => r.target))}; both are used`,
      ),
    );
  }
  const relationKeys = new Set(relationRefs.map((r) => `${r.key}\u0000${linkKey(r.target)}`));
  for (const { key: rawKey, ref } of jsonLd.relations) {
    const key = canonicalRelationKey(rawKey);
    if (key === 'is-subclass-of') {
      if (isTopClass(ref.label) || refKeys(ref).some((k) => parentKeys.has(k))) continue;
      refKeys(ref).forEach((k) => parentKeys.add(k));
      parentRefs.push(asRef(ref));
    } else if (!relationKeys.has(`${key}\u0000${linkKey(ref.label)}`)) {
      relationKeys.add(`${key}\u0000${linkKey(ref.label)}`);
      relationRefs.push({ key, ...asRef(ref) });
    }
  }
}

export function extractPage(page: ParsedPage, options: ExtractOptions): PageRecord {
  const diagnostics: Diagnostic[] = [];
  if (page.diagnostics.some((d) => d.code === 'parse-error')) {
    return { page, status: 'unreadable', concept: null, ontology: false, body: [], publication: null, diagnostics };
  }
  if (page.empty) {
    diagnostics.push(diagnostic('empty-page', page.file, 1, 'the file is empty; nothing is published'));
    return { page, status: 'empty', concept: null, ontology: false, body: [], publication: null, diagnostics };
  }
  const jsonLd: JsonLdConcept | null = readJsonLdConcept(page.jsonLd);

  // 1. Where the ontology data lives: the ontology block with its property siblings, else every block.
  const region = findOntologyRegion(page.blocks);
  const ontologyBlock = region.block;
  const inRegion = new Set(region.blocks);
  const dataBlocks = ontologyBlock ? region.blocks : page.blocks;
  const scalarSources: Property[] = [...page.pageProperties];
  for (const b of dataBlocks) collectProperties(b, scalarSources);
  const first = new Map<string, Property>();
  for (const p of scalarSources) {
    const existing = first.get(p.key);
    if (!existing || (existing.value === '' && p.value !== '')) first.set(p.key, p);
  }
  const get = (...keys: string[]) => {
    for (const k of keys) {
      const p = first.get(k);
      if (p && p.value !== '') return p;
    }
    return undefined;
  };

  const fm = page.frontMatter;

  // 2. Relations: from the ontology block and from every other block (e.g. a `### Relationships` section).
  const relationProps: Property[] = [];
  const seen = new Set<Property>();
  const considerRelation = (p: Property) => {
    if (seen.has(p) || META_KEYS.has(p.key)) return;
    if (RELATION_KEYS.has(canonicalRelationKey(p.key)) || p.value.includes('[[')) {
      seen.add(p);
      relationProps.push(p);
    }
  };
  for (const p of page.pageProperties) considerRelation(p);
  walk(page.blocks, (b) => b.properties.forEach(considerRelation));
  const parentRefs: Concept['parentRefs'] = [];
  const relationRefs: Concept['relationRefs'] = [];
  for (const p of relationProps) {
    const fmList = fm ? frontMatterList(fm[p.key]) : null;
    const targets = fmList ?? splitList(p.value);
    const key = canonicalRelationKey(p.key);
    for (const target of targets) {
      if (key !== 'is-subclass-of') relationRefs.push({ key, target, line: p.line });
      else if (!isTopClass(target)) parentRefs.push({ target, line: p.line });
    }
  }

  const hasOntology =
    ontologyBlock !== null ||
    ['term-id', 'preferred-term', 'is-subclass-of', 'definition'].some((k) => first.has(k)) ||
    (jsonLd !== null && (jsonLd.hasClass || jsonLd.termId !== null));

  // 3. Publication (GUIDE §3), decided by the one publication module. Front matter marks keep their
  // YAML values (`public: 1`, `public: true`), outline marks are the text as written.
  const marks: PublicationMark[] = scalarSources
    .filter((p) => isPublicationKey(p.key))
    .map((p) => ({ key: p.key, value: fm && Object.hasOwn(fm, p.key) ? fm[p.key] : p.value, line: p.line }));
  // The JSON-LD dialect's `vc:public` counts like `public::`.
  if (jsonLd?.public) marks.push({ key: 'vc:public', value: jsonLd.public.value, line: jsonLd.public.line });
  const publication = decidePublication(marks, { publishAll: options.publishAll });
  const isPublic = publication.published;

  // 4. Identity: term id, title, aliases. Properties first, then the JSON-LD.
  const termIdProp = get('term-id', 'termid');
  const termId = termIdProp ? termIdProp.value.trim() : (jsonLd?.termId?.value ?? null);
  if (termIdProp && jsonLd?.termId && jsonLd.termId.value !== termIdProp.value.trim()) {
    conflict(diagnostics, page.file, jsonLd.termId.line, 'the term id', jsonLd.termId.value, termIdProp.value.trim());
  }
  const preferred = get('preferred-term');
  const titleProp = preferred ?? get('title');
  const jsonTitle = jsonLd?.label ?? jsonLd?.pageTitle ?? jsonLd?.legacyPreferredTerm ?? null;
  const title = (titleProp ? asWritten(titleProp.value) : '') || (jsonTitle ? asWritten(jsonTitle.value) : '') || page.name || page.file;
  if (preferred && jsonLd?.label && linkKey(jsonLd.label.value) !== linkKey(preferred.value)) {
    conflict(diagnostics, page.file, jsonLd.label.line, 'the label', jsonLd.label.value, asWritten(preferred.value));
  }
  const aliases: string[] = [];
  const addAlias = (a: string) => {
    if (!aliases.includes(a) && a !== title) aliases.push(a);
  };
  for (const k of ALIAS_KEYS) {
    const p = first.get(k);
    if (!p || p.value === '') continue;
    const fmList = fm ? frontMatterList(fm[k]) : null;
    for (const a of fmList ?? splitList(p.value)) addAlias(a);
  }
  // Other names the JSON-LD gives (an old preferred term, a page title spelt differently) find the page too.
  for (const name of [jsonLd?.label, jsonLd?.pageTitle, jsonLd?.legacyPreferredTerm]) {
    if (name && linkKey(name.value) !== linkKey(title)) addAlias(asWritten(name.value));
  }

  // 5. Body: everything but the ontology data and bullets that only carry properties.
  let body = page.blocks.filter((b) => !inRegion.has(b) && !isPropertyOnly(b));

  // 6. Definition, wherever it is: a `definition::` in the ontology data, then anywhere on the page,
  // then a `Definition` section (taken out of the body), then the JSON-LD.
  const definitionProp = get('definition', 'description');
  let definition: FoundText | null = definitionProp ? definitionFromProperty(definitionProp, () => holderOf(dataBlocks, definitionProp)) : null;
  if (!definition && ontologyBlock) definition = definitionOutside(page.blocks, inRegion);
  if (!definition) {
    const section = definitionSection(body);
    if (section) {
      definition = section.found;
      body = section.body;
    }
  }
  if (!definition && jsonLd?.definition) definition = { text: jsonLd.definition.value, line: jsonLd.definition.line };
  // The gloss is shown under the definition: an `In Plain Terms` section saying the same leaves the body.
  const gloss = jsonLd?.gloss?.value ?? null;
  if (gloss !== null) {
    const section = glossSection(body);
    if (section && plainText(section.found.text) === plainText(gloss)) body = section.body;
  }

  const linkRefs: LinkRef[] = [];
  const tags = new Set<string>();
  const demos: Concept['demos'] = [];
  walk(body, (b) => {
    if (b.text === '') return;
    const refs = findReferences(b.text);
    if (refs.links.length === 0 && refs.tags.length === 0 && refs.demos.length === 0) return;
    const lines = b.text.split('\n');
    for (const l of refs.links) linkRefs.push({ target: l.target, line: b.line + l.lineOffset, sentence: sentenceAround(lines[l.lineOffset] ?? '', l.target) });
    for (const t of refs.tags) tags.add(t.tag);
    for (const d of refs.demos) demos.push({ name: d.name, params: d.params, line: b.line + d.lineOffset });
  });
  if (definition) {
    const def: FoundText = definition;
    for (const l of findReferences(def.text).links) linkRefs.push({ target: l.target, line: def.line, sentence: sentenceAround(def.text, l.target) });
  }
  const fmTags = fm ? frontMatterList(fm.tags) : null;
  for (const t of fmTags ?? (first.get('tags') ? splitList(first.get('tags')?.value ?? '') : [])) tags.add(t);

  // 7. The JSON-LD's taxonomy and relations, next to (and compared with) the Logseq lines.
  const scalar = (...keys: string[]) => get(...keys)?.value ?? null;
  const owlClass = scalar('owl:class');
  if (jsonLd) mergeJsonLdRefs(jsonLd, parentRefs, relationRefs, diagnostics, page.file);
  if (parentRefs.length === 0) {
    const selfNames = [title, page.name, ...(owlClass ? [localName(owlClass)] : []), ...(jsonLd?.classId ? [localName(jsonLd.classId)] : [])];
    for (const p of owlParents(page.blocks, selfNames)) parentRefs.push(p);
  }

  // 8. Domain, status, maturity: properties first, then the JSON-LD.
  const domainProp = get('source-domain', 'domain');
  const domainRaw = domainProp?.value ?? jsonLd?.domain?.value ?? null;
  const domain = options.normaliseDomain(domainRaw);
  if (domainProp && jsonLd?.domain && options.normaliseDomain(jsonLd.domain.value) !== domain) {
    conflict(diagnostics, page.file, jsonLd.domain.line, 'the domain', jsonLd.domain.value, domainProp.value);
  }
  const maturityProp = get('maturity');
  if (maturityProp && jsonLd?.maturity && jsonLd.maturity.value.toLowerCase() !== maturityProp.value.toLowerCase()) {
    conflict(diagnostics, page.file, jsonLd.maturity.line, 'the maturity', jsonLd.maturity.value, maturityProp.value);
  }

  const properties = [...first.values()].filter((p) => !SHOWN_STRUCTURALLY.has(p.key) && !seen.has(p) && p.value !== '');
  const foundDefinition = definition as FoundText | null;

  const concept: Concept = {
    file: page.file,
    kind: page.format === 'mdx' ? 'guide' : 'concept',
    name: page.name,
    termId,
    classId: jsonLd?.classId ?? null,
    title,
    aliases,
    slug: slugify(title) || (termId ? slugify(termId) : '') || safeSlug(title, 'page'),
    definition: foundDefinition?.text ?? '',
    gloss,
    domain,
    domainLabel: domainRaw === null ? null : domainLabel(domainRaw),
    status: scalar('status'),
    maturity: maturityProp?.value ?? jsonLd?.maturity?.value ?? null,
    version: scalar('version'),
    lastUpdated: scalar('last-updated', 'updated'),
    public: isPublic,
    owlClass: owlClass ?? jsonLd?.classId ?? null,
    belongsToDomain: splitList(scalar('belongstodomain', 'belongs-to-domain') ?? ''),
    parentRefs,
    relationRefs,
    linkRefs,
    tags: [...tags],
    demos,
    properties,
    termIdLine: termIdProp?.line ?? jsonLd?.termId?.line ?? first.get('term-id')?.line ?? ontologyBlock?.line ?? 1,
    titleLine: titleProp?.line ?? jsonLd?.label?.line ?? ontologyBlock?.line ?? 1,
  };

  // 9. Page-level diagnostics (graph-level ones come later). A JSON-LD `Class` is a concept in its
  // own right: identified by its `@id` and named by its label, it needs no term id or preferred term.
  if (hasOntology && concept.kind === 'concept') {
    if (termId === null && !concept.classId) {
      diagnostics.push(diagnostic('missing-term-id', page.file, concept.termIdLine, 'this concept has no `term-id::`; add one such as `term-id:: AI-0123`'));
    } else if (termId !== null && !TERM_ID_PATTERN.test(termId)) {
      diagnostics.push(
        diagnostic(
          'invalid-term-id',
          page.file,
          concept.termIdLine,
          `term id "${termId}" is not of the form PREFIX-0000 (e.g. AI-0052) or a bare number`,
          termId,
        ),
      );
    }
    if (!preferred && !jsonTitle) {
      diagnostics.push(
        diagnostic(
          'missing-preferred-term',
          page.file,
          ontologyBlock?.line ?? 1,
          `this concept has no \`preferred-term::\`; the file name "${title}" is used as its title`,
        ),
      );
    }
    if (!foundDefinition) {
      diagnostics.push(
        diagnostic(
          'missing-definition',
          page.file,
          definitionProp?.line ?? ontologyBlock?.line ?? jsonLd?.line ?? 1,
          'this concept has no definition: add `definition:: …` (one to three sentences) or a `- ### Definition` section with the text under it',
        ),
      );
    }
  }
  // A published page must not go out with the new-term scaffold's TODO sentences in it.
  if (isPublic) diagnostics.push(...placeholderDiagnostics(page));
  if (publication.reason === 'unrecognised-value' && publication.mark) {
    const { key, value, line } = publication.mark;
    diagnostics.push(
      diagnostic(
        'unrecognised-public-value',
        page.file,
        line,
        `\`${key}: ${String(value)}\` is neither true nor false; the page is withheld (write true or false)`,
      ),
    );
  }
  return { page, status: isPublic ? 'published' : 'withheld', concept, ontology: hasOntology, body, publication, diagnostics };
}
