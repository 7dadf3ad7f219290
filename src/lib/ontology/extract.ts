// Concept extraction: one ParsedPage → a Concept (or the reason there is none). Finds the ontology
// block in any dialect, merges page properties, block properties and property groups, collects
// `is-subclass-of` and every other relation wherever it is written, and gathers the page's links,
// tags and demo macros with their lines. Link resolution happens later, in graph.ts.
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { findReferences, linkTargetsInValue } from '../logseq/references.ts';
import type { Block, ParsedPage, Property } from '../logseq/types.ts';
import { decidePublication, isPublicationKey, type PublicationDecision, type PublicationMark } from '../publication.ts';
import type { Concept, LinkRef } from './schema.ts';
import { slugify } from './slug.ts';

/** Keys that hold scalar metadata, never relations. */
const META_KEYS = new Set([
  'term-id', 'termid', 'preferred-term', 'title', 'definition', 'source-domain', 'domain', 'status', 'maturity',
  'version', 'last-updated', 'updated', 'public-access', 'public', 'ontology', 'id', 'collapsed', 'alias',
  'aliases', 'alt-terms', 'alt-term', 'alternative-terms', 'synonyms', 'owl:class', 'belongstodomain',
  'belongs-to-domain', 'tags', 'filename-history', 'type', 'description', 'heading', 'icon', 'template',
]);
const ALIAS_KEYS = ['alias', 'aliases', 'alt-terms', 'alt-term', 'alternative-terms', 'synonyms'];
/** Relation keys recognised even when their values are plain names, not [[links]]. */
const RELATION_KEYS = new Set([
  'is-subclass-of', 'has-part', 'is-part-of', 'requires', 'depends-on', 'enables', 'related-to', 'skos:related',
  'bridges-to', 'bridges-from', 'has-subclass', 'is-required-by', 'enabled-by', 'implements', 'uses',
  'is-used-by', 'part-of', 'see-also', 'skos:broader', 'skos:narrower',
]);
/** Keys the concept page shows in their own places, so they are not repeated in the details table. */
const SHOWN_STRUCTURALLY = new Set<string>([
  ...ALIAS_KEYS, 'term-id', 'termid', 'preferred-term', 'title', 'definition', 'description', 'source-domain', 'domain', 'status',
  'maturity', 'version', 'last-updated', 'updated', 'public-access', 'public', 'owl:class', 'belongstodomain', 'belongs-to-domain',
  'id', 'collapsed', 'ontology', 'tags',
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
  /** Why the page is published or withheld (null for empty and unreadable pages). */
  publication: PublicationDecision | null;
  diagnostics: Diagnostic[];
}

export interface ExtractOptions {
  publishAll: boolean;
  normaliseDomain: (raw: string | null) => string | null;
}

function isOntologyHeading(text: string): boolean {
  return /^#{0,6}\s*ontologyblock\s*$/i.test(text.split('\n', 1)[0].trim());
}

function collectProperties(block: Block, into: Property[]): void {
  into.push(...block.properties);
  for (const child of block.children) collectProperties(child, into);
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
      /* not JSON: fall through to comma splitting */
    }
  }
  return linkTargetsInValue(t);
}

function frontMatterList(value: unknown): string[] | null {
  if (Array.isArray(value)) return value.map((v) => String(v).replace(/^\[\[|\]\]$/g, '').trim()).filter((s) => s !== '');
  return null;
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

  // 1. Where the ontology data lives.
  const ontologyBlock = page.blocks.find((b) => b.kind === 'bullet' && isOntologyHeading(b.text)) ?? null;
  const scalarSources: Property[] = [...page.pageProperties];
  if (ontologyBlock) collectProperties(ontologyBlock, scalarSources);
  else walk(page.blocks, (b) => scalarSources.push(...b.properties));
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
    if (RELATION_KEYS.has(p.key) || p.value.includes('[[')) {
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
    for (const target of targets) {
      if (p.key === 'is-subclass-of') parentRefs.push({ target, line: p.line });
      else relationRefs.push({ key: p.key, target, line: p.line });
    }
  }

  const hasOntology =
    ontologyBlock !== null || ['term-id', 'preferred-term', 'is-subclass-of', 'definition'].some((k) => first.has(k));

  // 3. Publication (GUIDE §3), decided by the one publication module. Front matter marks keep their
  // YAML values (`public: 1`, `public: true`), outline marks are the text as written.
  const marks: PublicationMark[] = scalarSources
    .filter((p) => isPublicationKey(p.key))
    .map((p) => ({ key: p.key, value: fm && Object.hasOwn(fm, p.key) ? fm[p.key] : p.value, line: p.line }));
  const publication = decidePublication(marks, { publishAll: options.publishAll });
  const isPublic = publication.published;

  // 4. Scalars.
  const termIdProp = get('term-id', 'termid');
  const termId = termIdProp ? termIdProp.value.trim() : null;
  const preferred = get('preferred-term');
  const titleProp = preferred ?? get('title');
  const title = (titleProp ? plainText(titleProp.value) : '') || page.name || page.file;
  const aliases: string[] = [];
  for (const k of ALIAS_KEYS) {
    const p = first.get(k);
    if (!p || p.value === '') continue;
    const fmList = fm ? frontMatterList(fm[k]) : null;
    for (const a of fmList ?? splitList(p.value)) if (!aliases.includes(a) && a !== title) aliases.push(a);
  }
  const definitionProp = get('definition', 'description');
  const scalar = (...keys: string[]) => get(...keys)?.value ?? null;
  const domainRaw = scalar('source-domain', 'domain');

  // 5. Body: everything but the ontology block and bullets that only carry properties.
  const body = page.blocks.filter(
    (b) => b !== ontologyBlock && !(b.kind === 'bullet' && b.text === '' && b.children.length === 0 && b.properties.length > 0),
  );
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
  if (definitionProp) {
    for (const l of findReferences(definitionProp.value).links) {
      linkRefs.push({ target: l.target, line: definitionProp.line, sentence: sentenceAround(definitionProp.value, l.target) });
    }
  }
  const fmTags = fm ? frontMatterList(fm.tags) : null;
  for (const t of fmTags ?? (first.get('tags') ? splitList(first.get('tags')?.value ?? '') : [])) tags.add(t);

  const properties = [...first.values()].filter((p) => !SHOWN_STRUCTURALLY.has(p.key) && !seen.has(p) && p.value !== '');

  const concept: Concept = {
    file: page.file,
    kind: page.format === 'mdx' ? 'guide' : 'concept',
    name: page.name,
    termId,
    title,
    aliases,
    slug: slugify(title),
    definition: definitionProp?.value ?? '',
    domain: options.normaliseDomain(domainRaw),
    status: scalar('status'),
    maturity: scalar('maturity'),
    version: scalar('version'),
    lastUpdated: scalar('last-updated', 'updated'),
    public: isPublic,
    owlClass: scalar('owl:class'),
    belongsToDomain: splitList(scalar('belongstodomain', 'belongs-to-domain') ?? ''),
    parentRefs,
    relationRefs,
    linkRefs,
    tags: [...tags],
    demos,
    properties,
    termIdLine: termIdProp?.line ?? first.get('term-id')?.line ?? ontologyBlock?.line ?? 1,
    titleLine: titleProp?.line ?? ontologyBlock?.line ?? 1,
  };

  // 6. Page-level diagnostics (graph-level ones come later).
  if (hasOntology && concept.kind === 'concept') {
    if (termId === null) {
      diagnostics.push(diagnostic('missing-term-id', page.file, concept.termIdLine, 'this concept has no `term-id::`; add one such as `term-id:: AI-0123`'));
    } else if (!TERM_ID_PATTERN.test(termId)) {
      diagnostics.push(
        diagnostic('invalid-term-id', page.file, concept.termIdLine, `term id "${termId}" is not of the form PREFIX-0000 (e.g. AI-0052) or a bare number`, termId),
      );
    }
    if (!preferred) {
      diagnostics.push(
        diagnostic('missing-preferred-term', page.file, ontologyBlock?.line ?? 1, `this concept has no \`preferred-term::\`; the file name "${title}" is used as its title`),
      );
    }
  }
  if (publication.reason === 'unrecognised-value' && publication.mark) {
    const { key, value, line } = publication.mark;
    diagnostics.push(
      diagnostic('unrecognised-public-value', page.file, line, `\`${key}: ${String(value)}\` is neither true nor false; the page is withheld (write true or false)`),
    );
  }
  return { page, status: isPublic ? 'published' : 'withheld', concept, ontology: hasOntology, body, publication, diagnostics };
}
