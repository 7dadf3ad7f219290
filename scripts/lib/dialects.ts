// The four page dialects of the synthetic corpus. Each renderer turns one planned concept, its
// definition and its body items into the text of a `.md` file the way a real graph spells it:
//   tabs   `- ### OntologyBlock`, tab-indented properties, parents in `### Relationships` after the
//          block, body as `## headings` at column 0 with bullets beneath
//   groups 2- or 4-space outline, properties under **Identification** / **Definition** /
//          `#### Relationships` group bullets, comma-separated parents, body fully in outline form
//   inline page properties on top (public::, alias::), `- OntologyBlock`, repeated parent lines,
//          tab-indented outline body
//   front  YAML front matter with the same keys, then plain Markdown
import type { Rng } from './rng.ts';
import type { BodyItem } from './body.ts';
import { camelCase } from './plan.ts';
import type { Dialect, ParentRef, PlannedConcept } from './types.ts';

export interface RenderInput {
  readonly concept: PlannedConcept;
  readonly definition: string;
  readonly body: readonly BodyItem[];
  /** A concept for the `requires::` relation (groups dialect). */
  readonly requires: PlannedConcept | null;
}

const slugOf = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

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

function definitionLines(c: PlannedConcept, prop: (k: string, v: string) => string, definition: string): string[] {
  if (c.quirks.headedDefinition) return [prop('definition', '### Primary Definition'), definition];
  return [prop('definition', definition)];
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
    return c.quirks.mixedIndent && unit === '\t' && rng.chance(0.2) ? unit.repeat(depth) + '    ' : base;
  };
  for (const it of body) {
    switch (it.kind) {
      case 'heading': lines.push(`- ${'#'.repeat(it.level)} ${it.text}`); break;
      case 'bullet': lines.push(`${pad(it.depth)}- ${it.text}`); break;
      case 'math': lines.push(`${pad(it.depth)}- ${it.tex}`); break;
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
      case 'reference': lines.push(`${unit}- ${it.text}`); break;
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
      case 'heading': lines.push('', `${'#'.repeat(it.level)} ${it.text}`, ''); break;
      case 'bullet': lines.push(`${pad}- ${it.text}`); break;
      case 'math': lines.push(`${pad}- ${it.tex}`); break;
      case 'table': lines.push(`${pad}- ${it.rows[0]}`, ...it.rows.slice(1).map((r) => `${pad}  ${r}`)); break;
      case 'code': lines.push(`${pad}- \`\`\`${it.lang}`, ...it.lines.map((l) => `${pad}  ${l}`), `${pad}  \`\`\``); break;
      case 'reference': lines.push(`- ${it.text}`); break;
    }
  }
  if (rng.chance(0.03)) lines.push('-');
  return lines;
}

function renderTabs(rng: Rng, { concept: c, definition, body }: RenderInput): string {
  const prop = propertyWriter(rng, c, '\t');
  const slug = slugOf(c.title);
  const L = ['- ### OntologyBlock', `  id:: ${slug}-ontology`, '  collapsed:: true', prop('ontology', 'true'), prop('term-id', c.termId)];
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', c.title));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  if (rng.chance(0.1)) L.push('');
  L.push(prop('public-access', String(c.isPublic)));
  L.push(...definitionLines(c, prop, definition));
  if (c.aliases.length) L.push(prop('alt-terms', c.aliases.join(', ')));
  L.push(prop('owl:class', `${c.domain.spellings[0]}:${camelCase(c.title)}`));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([`${slug}.md`, `${c.termId.toLowerCase()}.md`])));
  if (c.quirks.emptyValue) L.push(prop('scope-note', ''));
  if (c.quirks.owlFence) L.push(...owlFence(c, '\t'));
  L.push('', '', '', '### Relationships');
  for (const p of c.parents) L.push(`- is-subclass-of:: [[${parentLinkText(rng, c, p)}]]`);
  L.push(...headingBody(rng, body));
  return L.join('\n') + '\n';
}

function renderGroups(rng: Rng, { concept: c, definition, body, requires }: RenderInput): string {
  const u = c.quirks.fourSpaceUnit ? '    ' : '  ';
  const prop = propertyWriter(rng, c, u + u);
  const slug = slugOf(c.title);
  const L = ['- ### OntologyBlock', `  id:: ${slug}-ontology`, '  collapsed:: true', '', `${u}- **Identification**`];
  L.push(prop('public-access', String(c.isPublic)), prop('ontology', 'true'), prop('term-id', c.termId));
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', c.title));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  L.push(prop('version', `1.${rng.int(0, 9)}.${rng.int(0, 20)}`));
  L.push(prop('last-updated', `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([`${slug}.md`])));
  L.push('', `${u}- **Definition**`);
  if (rng.chance(0.3)) L.push(`${u}  id:: ${slug}-definition`);
  L.push(...definitionLines(c, prop, definition));
  L.push(c.quirks.emptyValue ? prop('maturity', '') : prop('maturity', rng.pick(['emerging', 'developing', 'mature'])));
  if (c.aliases.length) L.push(prop('alt-terms', c.aliases.join(', ')));
  if (rng.chance(0.2)) L.push(prop('tc:platform', rng.pick(['web', 'desktop', 'mobile'])));
  if (c.quirks.owlFence) L.push(...owlFence(c, u + u));
  L.push('', `${u}- #### Relationships`);
  if (c.parents.length) L.push(prop('is-subclass-of', c.parents.map((p) => `[[${parentLinkText(rng, c, p)}]]`).join(', ')));
  if (requires) L.push(prop('requires', `[[${requires.title}]]`));
  L.push('');
  L.push(...outlineBody(rng, c, body, u));
  return L.join('\n') + '\n';
}

function renderInline(rng: Rng, { concept: c, definition, body }: RenderInput): string {
  const prop = propertyWriter(rng, c, '\t');
  const L = [`public:: ${c.isPublic}`];
  if (c.aliases.length) L.push(`alias:: ${c.aliases.join(', ')}`);
  if (rng.chance(0.3)) L.push(`tags:: ${c.domain.name}, glossary`);
  L.push('', '- OntologyBlock', '  collapsed:: true', prop('term-id', c.termId));
  if (!c.omitPreferredTerm) L.push(prop('preferred-term', c.title));
  L.push(prop('source-domain', domainSpelling(rng, c)), prop('status', c.status));
  L.push(prop('definition', definition));
  if (c.quirks.jsonHistory) L.push(prop('filename-history', JSON.stringify([c.file])));
  if (c.quirks.emptyValue) L.push(prop('scope-note', ''));
  for (const p of c.parents) L.push(prop('is-subclass-of', `[[${parentLinkText(rng, c, p)}]]`));
  L.push('');
  L.push(...outlineBody(rng, c, body, '\t'));
  return L.join('\n') + '\n';
}

/**
 * A YAML scalar that keeps `s` byte for byte in the file where possible: single-quoted when it has
 * double quotes but no single quotes (so planted markup stays greppable), otherwise a JSON string
 * (which is valid YAML double-quoted).
 */
export function yamlScalar(s: string): string {
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
      case 'heading': endList(); L.push('', `${'#'.repeat(it.level)} ${it.text}`, ''); break;
      case 'bullet':
        if (it.depth === 0 && !inList && rng.chance(0.6)) L.push(it.text, '');
        else { L.push(`${'  '.repeat(it.depth)}- ${it.text}`); inList = true; }
        break;
      case 'math': endList(); L.push(it.tex, ''); break;
      case 'table': endList(); L.push(...it.rows, ''); break;
      case 'code': endList(); L.push('```' + it.lang, ...it.lines, '```', ''); break;
      case 'reference': L.push(`- ${it.text}`); inList = true; break;
    }
  }
  return L.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

const RENDERERS: Record<Dialect, (rng: Rng, input: RenderInput) => string> = {
  tabs: renderTabs, groups: renderGroups, inline: renderInline, front: renderFront,
};

export function renderPage(rng: Rng, input: RenderInput): string {
  return RENDERERS[input.concept.dialect](rng, input);
}
