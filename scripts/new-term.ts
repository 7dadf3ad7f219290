// `npm run new-term -- "Name" [--domain ai] [--prefix AI] [--format logseq|markdown] [--content DIR] [--date YYYY-MM-DD]`
// Scaffolds a new concept page, `content/Name.md`, with the next free term id in the chosen domain,
// today's date, status draft and public-access true, in the tab-indented Logseq form of the seed page
// (default) or as Markdown with YAML front matter. It never overwrites an existing page.
// The page text and the id arithmetic are pure functions, exported for tests/new-term.test.ts; only
// `main` touches the file system and the process.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDomains, resolveContentDir } from '../src/config.ts';
import { makeDomainNormaliser } from '../src/lib/ontology/domains.ts';
import { slugify } from '../src/lib/ontology/slug.ts';

export type TermFormat = 'logseq' | 'markdown';

/** Term-id prefix for each canonical source domain (spellings are normalised first). */
export const DOMAIN_PREFIXES: Readonly<Record<string, string>> = {
  ai: 'AI',
  mathematics: 'MA',
  blockchain: 'BC',
  robotics: 'RB',
  metaverse: 'MV',
  telecollaboration: 'TC',
  'disruptive-technologies': 'DT',
};

export interface TermSpec {
  /** The preferred term, also the file name. */
  name: string;
  /** A full term id such as `AI-0061`. */
  termId: string;
  /** Canonical source domain, such as `ai`. */
  domain: string;
  /** ISO date for `last-updated`. */
  date: string;
  format: TermFormat;
}

export interface NewTermOptions {
  name: string;
  domain: string;
  prefix?: string;
  format: TermFormat;
  contentDir: string;
  date: string;
}

/** A problem the user can fix; `main` prints the message and exits with status 1. */
export class NewTermError extends Error {}

const normaliseDomain = makeDomainNormaliser(defaultDomains);

/** The canonical domain key for a spelling such as `ML` or `maths`. */
export function canonicalDomain(raw: string): string {
  const d = normaliseDomain(raw);
  if (d === null) throw new NewTermError('the domain is empty; pass --domain ai (or another domain)');
  return d;
}

/** The term-id prefix for a domain, or the explicit prefix if one is given. */
export function prefixFor(domain: string, explicitPrefix?: string): string {
  if (explicitPrefix !== undefined) {
    const p = explicitPrefix.trim().replace(/-+$/, '').toUpperCase();
    if (!/^[A-Z]{1,6}$/.test(p)) throw new NewTermError(`--prefix must be 1–6 letters (got "${explicitPrefix}")`);
    return p;
  }
  const p = DOMAIN_PREFIXES[domain];
  if (p === undefined) {
    const known = Object.keys(DOMAIN_PREFIXES).join(', ');
    throw new NewTermError(`no term-id prefix is known for domain "${domain}"; use one of ${known}, or pass --prefix XX`);
  }
  return p;
}

/**
 * The next free id with this prefix: one more than the highest number in use (gaps are not reused,
 * so an id never changes meaning), zero-padded to four digits or to the widest id already in use.
 */
export function nextTermId(existing: Iterable<string>, prefix: string): string {
  const want = prefix.toUpperCase();
  let max = 0;
  let width = 4;
  for (const id of existing) {
    const m = /^([A-Za-z]+)-(\d+)$/.exec(id.trim());
    if (!m || m[1].toUpperCase() !== want) continue;
    max = Math.max(max, Number.parseInt(m[2], 10));
    width = Math.max(width, m[2].length);
  }
  return `${want}-${String(max + 1).padStart(width, '0')}`;
}

const TERM_ID_LINE = /^[\t ]*(?:-[\t ]+)?term-id::?[\t ]*["']?([A-Za-z]+-\d+)/gm;

/** Every term id written in a page's text, in Logseq (`term-id::`) or front-matter (`term-id:`) form. */
export function termIdsInText(text: string): string[] {
  return [...text.matchAll(TERM_ID_LINE)].map((m) => m[1]);
}

function pageFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pageFiles(p));
    else if (/\.mdx?$/i.test(entry.name)) out.push(p);
  }
  return out;
}

/** All term ids used anywhere under the content folder. */
export function collectTermIds(contentDir: string): string[] {
  return pageFiles(contentDir).flatMap((f) => termIdsInText(fs.readFileSync(f, 'utf8')));
}

/** The file name for a preferred term, using Logseq's `___` encoding for a namespace slash. */
export function termFileName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new NewTermError('the term name is empty; usage: npm run new-term -- "Name"');
  if (/[\u0000-\u001f\\:*?"<>|]/.test(trimmed) || trimmed.startsWith('.')) {
    throw new NewTermError(`"${trimmed}" cannot be used as a file name; remove characters such as \\ : * ? " < > |`);
  }
  if (slugify(trimmed) === '') throw new NewTermError(`"${trimmed}" has no letters or digits to make a page address from`);
  return `${trimmed.replaceAll('/', '___')}.md`;
}

const definitionPlaceholder = (name: string) =>
  `TODO: replace this sentence with a precise one-to-three-sentence definition of ${name}, saying what kind of thing it is and what sets it apart.`;

/** The text of a new page. Pure: everything it depends on is in `spec`. */
export function buildTermPage(spec: TermSpec): string {
  const name = spec.name.trim();
  const definition = definitionPlaceholder(name);
  if (spec.format === 'markdown') {
    return [
      '---',
      `term-id: ${spec.termId}`,
      `preferred-term: ${JSON.stringify(name)}`,
      'alt-terms: []',
      `source-domain: ${spec.domain}`,
      'status: draft',
      'public-access: true',
      `last-updated: "${spec.date}"`,
      `definition: ${JSON.stringify(definition)}`,
      'is-subclass-of: []',
      'related-to: []',
      '---',
      '',
      '## Overview',
      '',
      `TODO: explain ${name} in our own words, with its key formula and a worked example where it helps. Link related concepts by their preferred terms in double square brackets, and list the parent concepts under is-subclass-of above.`,
      '',
      '## References',
      '',
      '- TODO: cite real sources with a DOI or arXiv identifier.',
      '',
    ].join('\n');
  }
  return [
    '- ### OntologyBlock',
    `  id:: ${slugify(name)}-ontology`,
    '  collapsed:: true',
    '\t- ontology:: true',
    `\t- term-id:: ${spec.termId}`,
    `\t- preferred-term:: ${name}`,
    '\t- alt-terms:: ',
    `\t- source-domain:: ${spec.domain}`,
    '\t- status:: draft',
    '\t- public-access:: true',
    '\t- version:: 0.1.0',
    `\t- last-updated:: ${spec.date}`,
    `\t- definition:: ${definition}`,
    '',
    '### Relationships',
    '- TODO: add `is-subclass-of:: [[Parent]]` lines (one per parent) and other typed relations.',
    '',
    '## Overview',
    `- TODO: explain ${name} in our own words, with its key formula and a worked example where it helps.`,
    '',
    '## References',
    '- TODO: cite real sources with a DOI or arXiv identifier.',
    '',
  ].join('\n');
}

/**
 * Plans a new page: its path, id and text. Refuses when a page with the same file name already
 * exists (compared case-insensitively, since two such pages would share a URL).
 */
export function planNewTerm(options: NewTermOptions, existingIds: Iterable<string>, existingFiles: Iterable<string>): { file: string; termId: string; text: string } {
  const fileName = termFileName(options.name);
  const file = path.join(options.contentDir, fileName);
  const clash = [...existingFiles].find((f) => path.basename(f).toLowerCase() === fileName.toLowerCase());
  if (clash !== undefined) throw new NewTermError(`${clash} already exists; new-term never overwrites a page`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new NewTermError(`--date must be YYYY-MM-DD (got "${options.date}")`);
  const domain = canonicalDomain(options.domain);
  const termId = nextTermId(existingIds, prefixFor(domain, options.prefix));
  const text = buildTermPage({ name: options.name, termId, domain, date: options.date, format: options.format });
  return { file, termId, text };
}

/** Plans and writes the page; the exclusive-create flag makes the no-overwrite rule race-free. */
export function createTerm(options: NewTermOptions): { file: string; termId: string } {
  const files = pageFiles(options.contentDir);
  const plan = planNewTerm(options, collectTermIds(options.contentDir), files);
  fs.mkdirSync(path.dirname(plan.file), { recursive: true });
  try {
    fs.writeFileSync(plan.file, plan.text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new NewTermError(`${plan.file} already exists; new-term never overwrites a page`);
    throw err;
  }
  return { file: plan.file, termId: plan.termId };
}

const USAGE = 'usage: npm run new-term -- "Name" [--domain ai] [--prefix AI] [--format logseq|markdown] [--content DIR] [--date YYYY-MM-DD]';

/** Parses the command line; throws NewTermError with the usage line on anything unexpected. */
export function parseArgs(argv: readonly string[], today: string): Omit<NewTermOptions, 'contentDir'> & { contentArg?: string } {
  const names: string[] = [];
  let domain = 'ai';
  let prefix: string | undefined;
  let format: TermFormat = 'logseq';
  let contentArg: string | undefined;
  let date = today;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++k];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new NewTermError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    if (flag === '--domain') domain = value();
    else if (flag === '--prefix') prefix = value();
    else if (flag === '--content') contentArg = value();
    else if (flag === '--date') date = value();
    else if (flag === '--format') {
      const f = value();
      if (f !== 'logseq' && f !== 'markdown') throw new NewTermError(`--format must be logseq or markdown (got "${f}")\n${USAGE}`);
      format = f;
    } else if (flag.startsWith('--')) throw new NewTermError(`unknown option ${flag}\n${USAGE}`);
    else names.push(a);
  }
  if (names.length !== 1) throw new NewTermError(`give exactly one term name (quote names with spaces)\n${USAGE}`);
  return { name: names[0], domain, prefix, format, date, contentArg };
}

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  try {
    const today = new Date().toISOString().slice(0, 10);
    const parsed = parseArgs(argv, today);
    const contentDir = resolveContentDir(parsed.contentArg);
    const { file, termId } = createTerm({ ...parsed, contentDir });
    console.log(`created ${path.relative(process.cwd(), file)} (${termId}); fill in the TODOs, then run npm run check`);
    return 0;
  } catch (err) {
    if (err instanceof NewTermError) {
      console.error(`new-term: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
