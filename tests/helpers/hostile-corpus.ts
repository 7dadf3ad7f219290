// Test helper: a folder of pages whose every property value is hostile to URLs, HTML and parsers
// (`/`, `..`, `%2F`, `#`, `?`, emoji, CJK, right-to-left text, 500 characters, empty, only
// punctuation, a lone surrogate, …), in the three dialects (Logseq outline, YAML front matter,
// JSON-LD). Generated with fast-check from a fixed seed, so the folder is the same on every run.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export const HOSTILE: readonly string[] = [
  '/',
  '..',
  '%2F',
  '#',
  '?',
  '&',
  '%',
  '🤖',
  '🤖/🧠',
  '機械学習',
  'שלום עולם',
  'مرحبا بالعالم',
  '\u202Eevil\u202C',
  'x'.repeat(500),
  '',
  '!!!',
  '.,;:-',
  '\uD800',
  '\uDC00 tail',
  'a/b',
  '../../etc',
  '[[ETSI Domain/Interoperability]]',
  'A#B?c=d&e',
  ' spaced ',
  'CON',
  '.hidden',
  '~',
  '`tick`',
  '*',
  '_',
  '<b>bold</b>',
  '"quoted" & \'single\'',
  'null',
  'true',
  '0',
  '-',
  'a%2Fb',
  '%E2%82%AC',
  '\\',
];

/** One hostile value: a listed string, or two or three of them run together. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...HOSTILE), { minLength: 2, maxLength: 3 }).map((parts) => parts.join('')) },
);

interface HostilePage {
  dialect: 'logseq' | 'front' | 'json-ld';
  termId: string;
  title: string;
  aliases: string;
  domain: string;
  status: string;
  maturity: string;
  version: string;
  updated: string;
  tags: string;
  parent: string;
  related: string;
  custom: string;
  definition: string;
  bodyTag: string;
  bodyLink: string;
}

const pageArb: fc.Arbitrary<HostilePage> = fc.record({
  dialect: fc.constantFrom('logseq' as const, 'front' as const, 'json-ld' as const),
  termId: hostile,
  title: hostile,
  aliases: hostile,
  domain: hostile,
  status: hostile,
  maturity: hostile,
  version: hostile,
  updated: hostile,
  tags: hostile,
  parent: hostile,
  related: hostile,
  custom: hostile,
  definition: hostile,
  bodyTag: hostile,
  bodyLink: hostile,
});

/** Values stay on one line: a line break would change the outline, not the value. */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

function logseqPage(p: HostilePage): string {
  const v = (s: string) => oneLine(s);
  return [
    '- ### OntologyBlock',
    '  collapsed:: true',
    `\t- term-id:: ${v(p.termId)}`,
    `\t- preferred-term:: ${v(p.title)}`,
    `\t- alt-terms:: ${v(p.aliases)}`,
    `\t- source-domain:: ${v(p.domain)}`,
    `\t- status:: ${v(p.status)}`,
    `\t- maturity:: ${v(p.maturity)}`,
    `\t- version:: ${v(p.version)}`,
    `\t- last-updated:: ${v(p.updated)}`,
    `\t- tags:: ${v(p.tags)}`,
    '\t- public-access:: true',
    `\t- custom-key:: ${v(p.custom)}`,
    `\t- definition:: ${v(p.definition)}`,
    `- is-subclass-of:: [[${v(p.parent)}]]`,
    `- related-to:: ${v(p.related)}`,
    '- ## Body',
    `\t- A tag #[[${v(p.bodyTag)}]], a link [[${v(p.bodyLink)}]] and [shown]([[${v(p.bodyLink)}]]).`,
    '',
  ].join('\n');
}

function frontPage(p: HostilePage): string {
  const q = (s: string) => JSON.stringify(oneLine(s)); // a JSON string is a YAML double-quoted scalar
  return [
    '---',
    `term-id: ${q(p.termId)}`,
    `preferred-term: ${q(p.title)}`,
    `alt-terms: [${q(p.aliases)}]`,
    `source-domain: ${q(p.domain)}`,
    `status: ${q(p.status)}`,
    `maturity: ${q(p.maturity)}`,
    `last-updated: ${q(p.updated)}`,
    `tags: [${q(p.tags)}]`,
    'public-access: true',
    `definition: ${q(p.definition)}`,
    `is-subclass-of: [${q(p.parent)}]`,
    `related-to: [${q(p.related)}]`,
    '---',
    '',
    `Body with #[[${oneLine(p.bodyTag)}]] and [[${oneLine(p.bodyLink)}]].`,
    '',
  ].join('\n');
}

function jsonLdPage(p: HostilePage, k: number): string {
  const page = { '@type': 'Page', title: p.title, 'vc:public': true, 'vc:legacyProperties': [{ 'vc:key': 'legacy-term-id', 'vc:value': p.termId }] };
  const cls = {
    '@id': `urn:hostile:class:${k}`,
    '@type': 'Class',
    label: p.title,
    definition: p.definition,
    'vc:plainGloss': p.custom,
    domain: p.domain,
    maturity: p.maturity,
    subClassOf: [{ '@id': p.parent, label: p.parent }],
    relations: { [p.related || 'relatedTo']: [{ '@id': p.related, label: p.related }] },
  };
  // JSON.stringify escapes a lone surrogate (\ud800), so it reaches the parser as one.
  return [
    'public:: true',
    '',
    '```json-ld',
    JSON.stringify(page, null, 2),
    '```',
    '```json-ld',
    JSON.stringify(cls, null, 2),
    '```',
    '',
    `- Body #[[${oneLine(p.bodyTag)}]] [[${oneLine(p.bodyLink)}]]`,
    '',
  ].join('\n');
}

/** File names that are awkward too (Logseq's encodings, characters with meaning in URLs). */
const ODD_NAMES = ['%2F.md', 'a%2Fb.md', 'a___b.md', '#hash.md', 'q?.md', '🤖.md', '機械学習.md', '100%.md', 'CON.md'];

/** Writes `count` hostile pages (plus the odd file names) to `dir`; returns the file names. */
export function writeHostileCorpus(dir: string, count: number, seed: number): string[] {
  mkdirSync(dir, { recursive: true });
  const pages = fc.sample(pageArb, { seed, numRuns: count });
  const files: string[] = [];
  pages.forEach((p, k) => {
    const file = k < ODD_NAMES.length ? ODD_NAMES[k] : `hostile-${k}.md`;
    const text = p.dialect === 'logseq' ? logseqPage(p) : p.dialect === 'front' ? frontPage(p) : jsonLdPage(p, k);
    writeFileSync(path.join(dir, file), text);
    files.push(file);
  });
  return files;
}
