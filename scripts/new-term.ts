// `npm run new-term -- "Name" [--domain ai] [--prefix AI] [--format logseq|markdown] [--content DIR] [--date YYYY-MM-DD]`
// Scaffolds a new concept page, `content/Name.md`, with the next free term id in the chosen domain,
// today's date, status draft and public-access true, in the tab-indented Logseq form of the seed page
// (default) or as Markdown with YAML front matter. It never overwrites an existing page, and refuses
// a name that is already the preferred or an alternative term of a concept (or that a link would read
// as one). Command-line conventions of scripts/lib/cli.ts: usage errors exit 2, refusals exit 1.
// The page text, the id arithmetic and the name checks are pure functions, exported for
// tests/new-term.test.ts; only `main` touches the file system and the process.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDomains, loadSiteConfig, resolveContentDir } from '../src/config.ts';
import { makeDomainNormaliser } from '../src/lib/ontology/domains.ts';
import { graphFromPages, readPages } from '../src/lib/ontology/load.ts';
import { PLACEHOLDERS } from '../src/lib/ontology/placeholders.ts';
import { exactKey, linkKey } from '../src/lib/ontology/resolve.ts';
import { slugify } from '../src/lib/ontology/slug.ts';
import { configured, contentFolder, parseCommandLine, usageError } from './lib/cli.ts';

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
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are not allowed in file names
  if (/[\u0000-\u001f\\:*?"<>|]/.test(trimmed) || trimmed.startsWith('.')) {
    throw new NewTermError(`"${trimmed}" cannot be used as a file name; remove characters such as \\ : * ? " < > |`);
  }
  if (slugify(trimmed) === '') throw new NewTermError(`"${trimmed}" has no letters or digits to make a page address from`);
  return `${trimmed.replaceAll('/', '___')}.md`;
}

/** The text of a new page. Pure: everything it depends on is in `spec`. */
export function buildTermPage(spec: TermSpec): string {
  const name = spec.name.trim();
  const definition = PLACEHOLDERS.definition(name);
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
      `${PLACEHOLDERS.overview(name)} Link related concepts by their preferred terms in double square brackets, and list the parent concepts under is-subclass-of above.`,
      '',
      '## References',
      '',
      `- ${PLACEHOLDERS.references()}`,
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
    `- ${PLACEHOLDERS.relationships()}`,
    '',
    '## Overview',
    `- ${PLACEHOLDERS.overview(name)}`,
    '',
    '## References',
    `- ${PLACEHOLDERS.references()}`,
    '',
  ].join('\n');
}

/** A page that already names a concept: its file, title, and the other names links find it by. */
export interface ExistingTerm {
  file: string;
  title: string;
  /** The page name (from the file name) and the alternative terms. */
  names: readonly string[];
}

/** The concepts of a content folder, published or not (a withheld page's name is taken too). */
export function existingTerms(contentDir: string): ExistingTerm[] {
  const records = graphFromPages(readPages(contentDir, { digest: false }), { publishAll: false, domains: defaultDomains }).records;
  return records.flatMap((r) => (r.concept ? [{ file: r.concept.file, title: r.concept.title, names: [r.concept.name, ...r.concept.aliases] }] : []));
}

/**
 * Why `name` cannot be a new term: it is already the preferred or an alternative term of a concept
 * (ignoring case), or a link written with it would find that concept anyway (the same letters and
 * digits, as link resolution compares). Null when the name is free.
 */
export function termClash(name: string, terms: readonly ExistingTerm[]): string | null {
  const wanted = name.trim();
  for (const loose of [false, true]) {
    const key = loose ? linkKey(wanted) : exactKey(wanted);
    if (key === '') continue;
    const same = (other: string) => (loose ? linkKey(other) : exactKey(other)) === key;
    for (const t of terms) {
      const alias = t.names.find((n) => n !== t.title && same(n));
      if (!same(t.title) && alias === undefined) continue;
      const what = same(t.title) ? `the preferred term of "${t.title}"` : `an alternative term of "${t.title}"`;
      const written = same(t.title) ? t.title : (alias as string);
      const link = `[[${written}]] finds it`;
      return loose && written !== wanted
        ? `"${wanted}" would be read as the same link as "${written}", ${what} (${t.file}); ${link}. Choose another name, or add to that page`
        : `"${wanted}" is already ${what} (${t.file}); ${link}. Choose another name, or add to that page`;
    }
  }
  return null;
}

/**
 * Plans a new page: its path, id and text. Refuses when a page with the same file name already
 * exists (compared case-insensitively, since two such pages would share a URL), or when the name is
 * already a term of a concept.
 */
export function planNewTerm(
  options: NewTermOptions,
  existingIds: Iterable<string>,
  existingFiles: Iterable<string>,
  terms: readonly ExistingTerm[] = [],
): { file: string; termId: string; text: string } {
  const fileName = termFileName(options.name);
  const file = path.join(options.contentDir, fileName);
  const clash = [...existingFiles].find((f) => path.basename(f).toLowerCase() === fileName.toLowerCase());
  if (clash !== undefined) throw new NewTermError(`${clash} already exists; new-term never overwrites a page`);
  const taken = termClash(options.name, terms);
  if (taken !== null) throw new NewTermError(taken);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new NewTermError(`--date must be YYYY-MM-DD (got "${options.date}")`);
  const domain = canonicalDomain(options.domain);
  const termId = nextTermId(existingIds, prefixFor(domain, options.prefix));
  const text = buildTermPage({ name: options.name, termId, domain, date: options.date, format: options.format });
  return { file, termId, text };
}

/** Plans and writes the page; the exclusive-create flag makes the no-overwrite rule race-free. */
export function createTerm(options: NewTermOptions): { file: string; termId: string } {
  const files = pageFiles(options.contentDir);
  const plan = planNewTerm(options, collectTermIds(options.contentDir), files, existingTerms(options.contentDir));
  fs.mkdirSync(path.dirname(plan.file), { recursive: true });
  try {
    fs.writeFileSync(plan.file, plan.text, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new NewTermError(`${plan.file} already exists; new-term never overwrites a page`);
    throw err;
  }
  return { file: plan.file, termId: plan.termId };
}

const spec = {
  name: 'new-term',
  usage: 'npm run new-term -- "Name" [--domain ai] [--prefix AI] [--format logseq|markdown] [--content DIR] [--date YYYY-MM-DD]',
  help: [
    'Scaffolds a new concept page, Name.md, in the content folder, with the next free term id of the',
    "domain and today's date. The page is public; `npm run check` warns (todo-placeholder) on each of",
    'its TODO lines until they are replaced. It never overwrites a page, and refuses a name that is',
    'already the preferred or an alternative term of a concept.',
    '',
    '  --domain D     source domain (default ai): ai, mathematics, blockchain, robotics, metaverse, …',
    "  --prefix XX    term-id prefix (default: the domain's own, e.g. AI, MA)",
    '  --format F     logseq (default: the outline form) or markdown (YAML front matter)',
    '  --content DIR  the folder of pages (default: KB_CONTENT_DIR, else content/)',
    '  --date DATE    last-updated date, YYYY-MM-DD (default: today)',
    '',
    'Exit status: 0 created, 1 refused (the page or the term exists), 2 usage or configuration error.',
  ].join('\n'),
  options: {
    domain: { type: 'string' },
    prefix: { type: 'string' },
    format: { type: 'string' },
    content: { type: 'string' },
    date: { type: 'string' },
  },
  allowPositionals: true,
} as const;

/** Reads and checks the command line; anything wrong with it is a usage error (exit 2). */
function commandLine(argv: string[]): NewTermOptions {
  const { values, positionals } = parseCommandLine(spec, argv);
  if (positionals.length !== 1) {
    usageError(
      spec,
      positionals.length === 0 ? "give the new term's name" : `give exactly one term name (got ${positionals.length}: quote a name with spaces)`,
    );
  }
  const format = values.format ?? 'logseq';
  if (format !== 'logseq' && format !== 'markdown') usageError(spec, `--format must be logseq or markdown (got "${format}")`);
  const options = {
    name: positionals[0],
    domain: values.domain ?? 'ai',
    prefix: values.prefix,
    format: format as TermFormat,
    date: values.date ?? new Date().toISOString().slice(0, 10),
  };
  try {
    termFileName(options.name);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new NewTermError(`--date must be YYYY-MM-DD (got "${options.date}")`);
    prefixFor(canonicalDomain(options.domain), options.prefix);
  } catch (error) {
    if (error instanceof NewTermError) usageError(spec, error.message);
    throw error;
  }
  configured(spec, () => loadSiteConfig());
  // The folder must exist; it may be empty (the first page of a new glossary).
  const contentDir = contentFolder(spec, () => resolveContentDir(values.content), { mayBeEmpty: true });
  return { ...options, contentDir };
}

function main(argv: string[]): number {
  const options = commandLine(argv);
  try {
    const { file, termId } = createTerm(options);
    console.log(`created ${path.relative(process.cwd(), file)} (${termId})`);
    console.log('It is public: `npm run check` warns (todo-placeholder) on each TODO line until you replace it.');
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
