// The five page dialects of the synthetic corpus. Each renderer turns one planned concept, its
// definition and its body items into the text of a `.md` file the way a real graph spells it:
//   tabs   `- ### OntologyBlock`, tab-indented properties, parents in `### Relationships` after the
//          block, body as `## headings` at column 0 with bullets beneath
//   groups 2- or 4-space outline, properties under **Identification** / **Definition** /
//          `#### Relationships` group bullets, comma-separated parents, body fully in outline form
//   inline page properties on top (public::, alias::), `- OntologyBlock`, repeated parent lines,
//          tab-indented outline body
//   front  YAML front matter with the same keys, then plain Markdown
//   jsonld the JSON-LD dialect: a `Page` and a `Class` object in fenced json-ld blocks (term id,
//          label, definition, gloss, domain, maturity, subClassOf, relations), a `- ### Definition`
//          section, sometimes `### Relationships` lines beside them, outline body
// The Logseq dialects also take the page's shapes (scripts/lib/shapes.ts): properties beside the
// ontology block, the definition nested, in a child bullet or in a section, parents only in OWL,
// underscored titles, text after child bullets, tags in another case.

import type { BodyItem } from './body.ts';
import { camelCase, writtenTitle } from './plan.ts';
import type { Rng } from './rng.ts';
import type { Dialect, ParentRef, PlannedConcept } from './types.ts';

export interface RenderInput {
  readonly concept: PlannedConcept;
  readonly definition: string;
  readonly body: readonly BodyItem[];
  /** A concept for the `requires::` relation (groups dialect). */
  readonly requires: PlannedConcept | null;
}

const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function domainSpelling(rng: Rng, c: PlannedConcept): string {
  return rng.chance(0.55) ? c.domain.spellings[0] : rng.pick(c.domain.spellings.slice(1));
}

function parentLinkText(rng: Rng, c: PlannedConcept, p: ParentRef): string {
  if (p.kind === 'ghost') return p.title;
  const title = p.concept.title;
  if (c.quirks.camelParents && !title.includes('/') && rng.chance(0.6)) return camelCase(title);
  if (c.dialect === 'groups' && rng.chance(0.08)) return title.toLowerCase();
  return title;
}

/** Property line writer that applies the page's trailing-space and mixed-indentation quirks. */
function propertyWriter(rng: Rng, c: PlannedConcept, indent: string) {
  return (key: string, value: string): string => {
    const pad = c.quirks.mixedIndent && indent === '\t' && rng.chance(0.3) ? '    ' : indent;
    const trail = c.quirks.trailingSpaces && rng.chance(0.4) ? '  ' : '';
    return value === '' ? `${pad}- ${key}::${trail}` : `${pad}- ${key}:: ${value}${trail}`;
  };
}

/** The definition property lines in the ontology block (none when the page puts it elsewhere). */
function definitionLines(c: PlannedConcept, prop: (k: string, v: string) => string, definition: string, childIndent: string): string[] {
  if (c.shapes.definition === 'section' || c.shapes.definition === 'nested') return [];
  if (c.shapes.definition === 'child') return [prop('definition', '### Primary Definition'), `${childIndent}- ${definition}`];
  if (c.quirks.headedDefinition) return [prop('definition', '### Primary Definition'), definition];
  return [prop('definition', definition)];
}

/** A `- ### Definition` section holding the definition in a child bullet (when the page has that shape). */
function definitionSection(c: PlannedConcept, definition: string, unit: string): string[] {
  return c.shapes.definition === 'section' ? ['- ### Definition', `${unit}- ${definition}`] : [];
}

function owlFence(c: PlannedConcept, indent: string): string[] {
  const self = camelCase(c.title);
  const lines = [`${indent}- \`\`\`clojure`, `${indent}  Declaration(Class(:${self}))`];
  for (const p of c.parents) {
    lines.push(`${indent}  SubClassOf(:${self} :${camelCase(p.kind === 'concept' ? p.concept.title : p.title)})`);
  }
  lines.push(`${indent}  \`\`\``);
  return lines;
}

/** Body in outline form: every line a bullet; heading bullets at column 0, content one unit deeper. */
function outlineBody(rng: Rng, c: PlannedConcept, body: readonly BodyItem[], unit: string): string[] {
  const lines: string[] = [];
  const pad = (depth: number): string => {
    const base = unit.repeat(depth + 1);
    // Mixed indentation: a tab list with an occasional 4-space line at the same depth.
    return c.quirks.mixedIndent && unit === '\t' && rng.chance(0.2) ? `${unit.repeat(depth)}    ` : base;
  };
  let previousDepth = -1;
  for (const it of body) {
    const afterChildren = it.kind === 'bullet' && it.depth === 0 && previousDepth > 0;
    previousDepth = it.kind === 'bullet' ? it.depth : -1;
    switch (it.kind) {
      case 'heading':
        lines.push(`- ${'#'.repeat(it.level)} ${it.text}`);
        break;
      case 'bullet':
        // Text written under the heading bullet after its child bullets (a continuation line, not a bullet).
        if (afterChildren && c.shapes.textAfterChildren && rng.chance(0.6)) lines.push(`${unit}${it.text}`);
        else lines.push(`${pad(it.depth)}- ${it.text}`);
        break;
      case 'math':
        lines.push(`${pad(it.depth)}- ${it.tex}`);
        break;
      case 'table': {
        const p = pad(it.depth);
        lines.push(`${p}- ${it.rows[0]}`, ...it.rows.slice(1).map((r) => `${p}  ${r}`));
        break;
      }
      case 'code': {
        const p = pad(it.depth);
        lines.push(`${p}- \`\`\`${it.lang}`, ...it.lines.map((l) => `${p}  ${l}`), `${p}  \`\`\``);
        break;
      }
      case 'reference':
        lines.push(`${unit}- ${it.text}`);
        break;
    }
  }
  if (rng.chance(0.05)) lines.push('- '); // a dangling empty bullet
  return lines;
}

/** Body with `## headings` at column 0 and bullets (2-space nesting) beneath them. */
function headingBody(rng: Rng, body: readonly BodyItem[]): string[] {
  const lines: string[] = [];
  for (const it of body) {
    const pad = 'depth' in it ? '  '.repeat(it.depth) : '';
    switch (it.kind) {
      case 'heading':
        lines.push('', `${'#'.repeat(it.level)} ${it.text}`, '');
        break;
      case 'bullet':
        lines.push(`${pad}- ${it.text}`);
        break;
      case 'math':
        lines.push(`${pad}- ${it.tex}`);
        break;
      case 'table':
        lines.push(`${pad}- ${it.rows[0]}`, ...it.rows.slice(1).map((r) => `${pad}  ${r}`));
        break;
      case 'code':
        lines.push(`${pad}- \`\`\`${it.lang}`, ...it.lines.map((l) => `${pad}  ${l}`), `${pad}  \`\`\``);
        break;
      case 'reference':
        lines.push(`- ${it.text}`);
        break;
    }
  }
  if (rng.chance(0.03)) lines.push('-');
  return lines;
}

function renderTabs(rng: Rng, { concept: c, definition, body }: RenderInput): string {
  const prop = propertyWriter(rng, c, '\t');
  const slug = slugOf(c.title);
  const L = ['- ### OntologyBlock', `  id:: ${slug}-ontology`, '  collapsed:: true', prop('ontology', 'true')];
  // Properties beside the block: a column-0 `- term-id::` bullet that the rest nest under.
  L.push(c.shapes.siblingProperties ? `- term-id:: ${c.termId}` : prop('term-id', c.termId));
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', writtenTitle(c)));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  if (rng.chance(0.1)) L.push('');
  L.push(prop('public-access', String(c.isPublic)));
  L.push(...definitionLines(c, prop, definition, '\t\t'));
  if (c.aliases.length) L.push(prop('alt-terms', c.aliases.join(', ')));
  L.push(prop('owl:class', `${c.domain.spellings[0]}:${camelCase(c.title)}`));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([`${slug}.md`, `${c.termId.toLowerCase()}.md`])));
  if (c.quirks.emptyValue) L.push(prop('scope-note', ''));
  if (c.quirks.owlFence || c.shapes.owlOnlyParents) L.push(...owlFence(c, '\t'));
  L.push(...definitionSection(c, definition, '  '));
  L.push('', '', '', '### Relationships');
  if (!c.shapes.owlOnlyParents) {
    c.parents.forEach((p, k) => {
      L.push(`- is-subclass-of:: [[${parentLinkText(rng, c, p)}]]`);
      // The definition nested under the first parent line.
      if (k === 0 && c.shapes.definition === 'nested') L.push(`\t- definition:: ${definition}`);
    });
  }
  L.push(...headingBody(rng, body));
  return `${L.join('\n')}\n`;
}

function renderGroups(rng: Rng, { concept: c, definition, body, requires }: RenderInput): string {
  const u = c.quirks.fourSpaceUnit ? '    ' : '  ';
  const prop = propertyWriter(rng, c, u + u);
  const slug = slugOf(c.title);
  const L = ['- ### OntologyBlock', `  id:: ${slug}-ontology`, '  collapsed:: true', '', `${u}- **Identification**`];
  L.push(prop('public-access', String(c.isPublic)), prop('ontology', 'true'), prop('term-id', c.termId));
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', writtenTitle(c)));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  L.push(prop('version', `1.${rng.int(0, 9)}.${rng.int(0, 20)}`));
  L.push(prop('last-updated', `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([`${slug}.md`])));
  L.push('', `${u}- **Definition**`);
  if (rng.chance(0.3)) L.push(`${u}  id:: ${slug}-definition`);
  L.push(...definitionLines(c, prop, definition, u + u + u));
  L.push(c.quirks.emptyValue ? prop('maturity', '') : prop('maturity', rng.pick(['emerging', 'developing', 'mature'])));
  if (c.aliases.length) L.push(prop('alt-terms', c.aliases.join(', ')));
  if (rng.chance(0.2)) L.push(prop('tc:platform', rng.pick(['web', 'desktop', 'mobile'])));
  if (c.quirks.owlFence || c.shapes.owlOnlyParents) L.push(...owlFence(c, u + u));
  L.push('', `${u}- #### Relationships`);
  if (c.parents.length && !c.shapes.owlOnlyParents) L.push(prop('is-subclass-of', c.parents.map((p) => `[[${parentLinkText(rng, c, p)}]]`).join(', ')));
  if (requires) L.push(prop('requires', `[[${requires.title}]]`));
  L.push('');
  L.push(...definitionSection(c, definition, u));
  L.push(...outlineBody(rng, c, body, u));
  return `${L.join('\n')}\n`;
}

function renderInline(rng: Rng, { concept: c, definition, body }: RenderInput): string {
  const prop = propertyWriter(rng, c, '\t');
  const L = [`public:: ${c.isPublic}`];
  if (c.aliases.length) L.push(`alias:: ${c.aliases.join(', ')}`);
  if (rng.chance(0.3)) L.push(c.shapes.tagCase ? `tags:: ${c.domain.name.toUpperCase()}, Glossary` : `tags:: ${c.domain.name}, glossary`);
  L.push('', '- OntologyBlock', '  collapsed:: true', prop('term-id', c.termId));
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', writtenTitle(c)));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  L.push(...definitionLines(c, prop, definition, '\t\t'));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([c.file])));
  if (c.quirks.emptyValue) L.push(prop('scope-note', ''));
  for (const p of c.parents) L.push(prop('is-subclass-of', `[[${parentLinkText(rng, c, p)}]]`));
  L.push('');
  L.push(...definitionSection(c, definition, '\t'));
  L.push(...outlineBody(rng, c, body, '\t'));
  return `${L.join('\n')}\n`;
}

/**
 * A YAML scalar that keeps `s` byte for byte in the file where possible: single-quoted when it has
 * double quotes but no single quotes (so planted markup stays greppable), otherwise a JSON string
 * (which is valid YAML double-quoted).
 */
export function yamlScalar(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test looks for
  if (s.includes('"') && !s.includes("'") && !/[\u0000-\u001f]/.test(s)) return `'${s}'`;
  return JSON.stringify(s);
}

function renderFront(rng: Rng, { concept: c, definition, body }: RenderInput): string {
  const q = yamlScalar;
  const L = ['---', `term-id: ${q(c.termId)}`];
  if (!c.omitPreferredTerm) L.push(`preferred-term: ${q(c.title)}`);
  L.push(`source-domain: ${domainSpelling(rng, c)}`, `status: ${c.status}`, `public-access: ${c.isPublic}`, `definition: ${q(definition)}`);
  if (c.parents.length) L.push('is-subclass-of:', ...c.parents.map((p) => `  - ${q(p.kind === 'concept' ? p.concept.title : p.title)}`));
  if (c.aliases.length) L.push('alt-terms:', ...c.aliases.map((a) => `  - ${q(a)}`));
  L.push('---', '', `# ${c.title}`);
  let inList = false;
  for (const it of body) {
    const endList = (): void => {
      if (inList) L.push('');
      inList = false;
    };
    switch (it.kind) {
      case 'heading':
        endList();
        L.push('', `${'#'.repeat(it.level)} ${it.text}`, '');
        break;
      case 'bullet':
        if (it.depth === 0 && !inList && rng.chance(0.6)) L.push(it.text, '');
        else {
          L.push(`${'  '.repeat(it.depth)}- ${it.text}`);
          inList = true;
        }
        break;
      case 'math':
        endList();
        L.push(it.tex, '');
        break;
      case 'table':
        endList();
        L.push(...it.rows, '');
        break;
      case 'code':
        endList();
        L.push(`\`\`\`${it.lang}`, ...it.lines, '```', '');
        break;
      case 'reference':
        L.push(`- ${it.text}`);
        inList = true;
        break;
    }
  }
  return `${L.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** The class id a JSON-LD page gives a concept (and its parents and relation targets). */
const classId = (title: string) => `urn:kb:class:${slugOf(title)}`;
const ref = (title: string) => ({ '@id': classId(title), label: title });

function renderJsonLd(rng: Rng, { concept: c, definition, body, requires }: RenderInput): string {
  const parentTitle = (p: ParentRef) => (p.kind === 'concept' ? p.concept.title : p.title);
  const legacy: { 'vc:key': string; 'vc:value': string }[] = [];
  if (!c.shapes.noTermId) legacy.push({ 'vc:key': 'legacy-term-id', 'vc:value': c.termId });
  if (rng.chance(0.3)) legacy.push({ 'vc:key': 'preferred-term', 'vc:value': camelCase(c.title) });
  const page: Record<string, unknown> = {
    '@context': 'https://glossary.example.org/context/v1.jsonld',
    '@id': `urn:kb:page:${rng.hex(16)}`,
    '@type': 'Page',
    title: rng.chance(0.1) ? c.title.toLowerCase() : c.title,
    'vc:public': c.isPublic,
  };
  if (legacy.length > 0) page['vc:legacyProperties'] = legacy;
  const cls: Record<string, unknown> = {
    '@context': 'https://glossary.example.org/ns/v2.jsonld',
    '@id': classId(c.title),
    '@type': 'Class',
    label: c.title,
    definition,
  };
  const gloss = `Put simply, ${c.title.toLowerCase()} is one of the working ideas of ${c.domain.name.toLowerCase()}.`;
  if (c.shapes.gloss) cls['vc:plainGloss'] = gloss;
  cls.domain = domainSpelling(rng, c);
  cls.maturity = rng.pick(['emerging', 'established', 'mature', 'draft']);
  const parents = c.parents.map((p) => ref(parentTitle(p)));
  cls.subClassOf = c.shapes.singleParentObject && parents.length === 1 ? parents[0] : parents;
  if (requires && requires !== c) cls.relations = { requires: [ref(requires.title)] };
  const annotation = { '@type': 'vc:LinkResolutionsAnnotation', 'vc:appliesTo': { '@id': page['@id'] }, 'vc:resolutions': [] };
  const fence = (o: unknown) => ['```json-ld', JSON.stringify(o, null, 2), '```'];
  const L = [`public:: ${c.isPublic}`];
  if (c.aliases.length) L.push(`alias:: ${c.aliases.join(', ')}`);
  L.push('', `# ${c.title}`, ...fence(page), '', ...fence(cls), '');
  if (rng.chance(0.4)) L.push(...fence(annotation), '');
  L.push('- ### Definition', `  - ${definition}`);
  if (c.shapes.gloss) L.push('- ### In Plain Terms', `  - ${gloss}`);
  if (c.shapes.relationshipLines && (c.parents.length > 0 || requires)) {
    L.push('- ### Relationships');
    for (const p of c.parents) L.push(`  - is-subclass-of:: [[${parentTitle(p)}]]`);
    if (requires && requires !== c) L.push(`  - requires:: [[${requires.title}]]`);
  }
  L.push(...outlineBody(rng, c, body, '  '));
  return `${L.join('\n')}\n`;
}

const RENDERERS: Record<Dialect, (rng: Rng, input: RenderInput) => string> = {
  tabs: renderTabs,
  groups: renderGroups,
  inline: renderInline,
  front: renderFront,
  jsonld: renderJsonLd,
};

export function renderPage(rng: Rng, input: RenderInput): string {
  return RENDERERS[input.concept.dialect](rng, input);
}
