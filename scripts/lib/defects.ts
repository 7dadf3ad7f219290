// Defect planting for the synthetic corpus (`--defects`): annotates planned concepts with broken
// links, missing parents, duplicate and invalid term ids, subclass cycles, missing preferred terms and
// XSS payloads, and produces the awkward standalone files (empty, binary, unclosed fence, …). Every
// plant is recorded in the manifest so tests can check a pipeline finds exactly these.

import type { Plan } from './plan.ts';
import { fileNameFor } from './plan.ts';
import type { Rng } from './rng.ts';
import type { PlannedConcept, Planted, XssPlant } from './types.ts';

/** Payloads a sanitiser must neutralise. None contains both quote characters (see yamlScalar). */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert("kb-xss-script")</script>',
  '<img src="nothing.png" onerror="alert(2)">',
  '[open the demo](javascript:alert(3))',
  '<a href="javascript:alert(4)">read more</a>',
  '<svg onload="alert(5)"><circle r="4"/></svg>',
  '<iframe src="javascript:alert(6)"></iframe>',
  '[preview](data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==)',
  '<a href="data:text/html,%3Cscript%3Ealert(8)%3C/script%3E">preview</a>',
];

const GHOST_WORDS = ['Lemma', 'Reference', 'Topic', 'Entry', 'Notion', 'Chapter'];

export interface MalformedFile {
  readonly file: string;
  readonly content: string | Uint8Array;
  readonly expect: string | null;
}

/** Cycles through `pool` so a small corpus still gets every requested plant. */
function cycler<T>(pool: readonly T[]): () => T {
  let i = 0;
  return () => pool[i++ % pool.length];
}

export function plantDefects(rng: Rng, plan: Plan): { planted: Planted; malformed: MalformedFile[] } {
  const n = plan.concepts.length;
  const publicPages = plan.concepts.filter((c) => c.isPublic);
  const planted: Planted = {
    brokenLinks: [],
    missingParents: [],
    duplicateTermIds: [],
    cycles: [],
    missingPreferredTerm: [],
    invalidTermIds: [],
    xss: [],
    malformed: [],
  };

  const anyPublic = cycler(rng.shuffled(publicPages));
  for (let k = 1; k <= Math.max(3, Math.floor(n * 0.02)); k++) {
    const c = anyPublic();
    const target = `Ghost ${rng.pick(GHOST_WORDS)} ${k}`;
    c.extraBody.push(`Further background is collected in [[${target}]] for readers.`);
    planted.brokenLinks.push({ file: c.file, target });
  }
  // Missing parents: not on pages that state their parents only in OWL (they would be CamelCased there).
  const parentPages = cycler(rng.shuffled(publicPages.filter((c) => !c.shapes.owlOnlyParents)));
  for (let k = 1; k <= Math.max(2, Math.floor(n * 0.005)); k++) {
    const c = parentPages();
    const parent = `Phantom Parent ${k}`;
    c.parents.push({ kind: 'ghost', title: parent });
    planted.missingParents.push({ file: c.file, parent });
  }

  // Identity defects: at most one per page, and not in the JSON-LD dialect (its ids live in JSON).
  const fresh = rng.shuffled(publicPages.filter((c) => c.dialect !== 'jsonld'));
  const takeFresh = (ok: (c: PlannedConcept) => boolean): PlannedConcept | null => {
    const i = fresh.findIndex((c) => !c.identityDefect && ok(c));
    if (i < 0) return null;
    const [c] = fresh.splice(i, 1);
    c.identityDefect = true;
    return c;
  };
  for (let k = 0; k < Math.max(1, Math.floor(n * 0.002)); k++) {
    const a = takeFresh(() => true);
    const b = takeFresh(() => true);
    if (!a || !b) break;
    b.termId = a.termId;
    planted.duplicateTermIds.push({ termId: a.termId, files: [a.file, b.file] });
  }
  for (let k = 0; k < Math.max(1, Math.floor(n * 0.002)); k++) {
    const c = takeFresh((x) => x.dialect !== 'front');
    if (!c) break;
    c.omitPreferredTerm = true;
    planted.missingPreferredTerm.push({ file: c.file });
  }
  for (let k = 0; k < Math.max(1, Math.floor(n * 0.002)); k++) {
    const c = takeFresh(() => true);
    if (!c) break;
    c.termId = `${c.termId}${rng.pick(['!', '?x', '#1', '*', ' draft'])}`;
    planted.invalidTermIds.push({ file: c.file, termId: c.termId });
  }

  // Cycles: make a child also the parent of its (public) first parent.
  const inCycle = new Set<PlannedConcept>();
  for (const a of rng.shuffled(publicPages)) {
    if (planted.cycles.length >= Math.max(1, Math.floor(n * 0.001))) break;
    const first = a.parents[0];
    if (first?.kind !== 'concept') continue;
    const b = first.concept;
    if (!b.isPublic || inCycle.has(a) || inCycle.has(b) || b.shapes.owlOnlyParents) continue;
    if (b.parents.some((p) => p.kind === 'concept' && p.concept === a)) continue;
    b.parents.push({ kind: 'concept', concept: a });
    inCycle.add(a).add(b);
    planted.cycles.push([a.title, b.title]);
  }

  // XSS: every payload and every location at least once; aliases are comma-separated lists, so only
  // comma-free payloads go there.
  const xssPages = cycler(rng.shuffled(publicPages));
  const places: XssPlant['where'][] = ['body', 'definition', 'alias'];
  const count = Math.max(XSS_PAYLOADS.length, Math.floor(n * 0.01));
  const used = new Set<PlannedConcept>();
  for (let k = 0; k < count; k++) {
    let payload = k < XSS_PAYLOADS.length ? XSS_PAYLOADS[k] : rng.pick(XSS_PAYLOADS);
    let where = k < places.length ? places[k] : rng.pick(places);
    if (where === 'alias' && payload.includes(',')) where = 'body';
    let c = xssPages();
    for (let tries = 0; tries < 5 && used.has(c); tries++) c = xssPages();
    // A definition plant must sit on a `definition::` line (not in JSON or a `Definition` section).
    const fitsDefinition = (x: PlannedConcept) =>
      x.definitionOverride === null && x.dialect !== 'jsonld' && (x.shapes.definition === 'property' || x.shapes.definition === 'nested');
    for (let tries = 0; where === 'definition' && tries < publicPages.length && !fitsDefinition(c); tries++) c = xssPages();
    if (where === 'definition' && !fitsDefinition(c)) where = 'body';
    used.add(c);
    if (where === 'alias' && payload.includes(',')) payload = XSS_PAYLOADS[0];
    if (where === 'body') c.extraBody.push(`Untrusted snippet pasted from a forum: ${payload}`);
    else if (where === 'definition') c.definitionOverride = `${c.title} was imported with this markup ${payload}`;
    else c.aliases.push(payload);
    planted.xss.push({ file: c.file, where, payload });
  }

  const malformed = malformedFiles(plan);
  planted.malformed = malformed.map(({ file, expect }) => ({ file, expect }));
  return { planted, malformed };
}

function malformedFiles(plan: Plan): MalformedFile[] {
  const nextId = (): string => {
    const seq = plan.nextSeq.get('AI')!;
    plan.nextSeq.set('AI', seq + 1);
    return `AI-${String(seq).padStart(4, '0')}`;
  };
  const block = (title: string, termId: string): string =>
    `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: A deliberately awkward page used to test robustness.\n`;
  const files: [string, string | Uint8Array, string | null][] = [
    ['Blank Page', '', null],
    ['Whitespace Page', ' \n\t\n   \n', null],
    [
      'Nameless Key',
      '- ### OntologyBlock\n\t- :: value without a key\n\t- term-id::\n\t- preferred-term:: Nameless Key\n\t- public-access:: true\n',
      'missing-term-id',
    ],
    ['Open Code Fence', `${block('Open Code Fence', nextId())}- \`\`\`python\n  print("this fence is never closed")\n  total = 1\n`, 'unclosed-fence'],
    ['Very Long Line', `${block('Very Long Line', nextId())}- ${'long-line-'.repeat(100_000)}\n`, null],
    [
      'Deeply Nested Outline',
      `${block('Deeply Nested Outline', nextId())}${Array.from({ length: 200 }, (_, d) => `${'\t'.repeat(d)}- nesting level ${d}`).join('\n')}\n`,
      null,
    ],
    ['Broken Front Matter', '---\nterm-id: "AI-12\npreferred-term: [Broken Front Matter\npublic-access: true\n---\n\n# Broken Front Matter\n', 'parse-error'],
    ['Invalid Bytes', Uint8Array.from([0x2d, 0x20, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1, 0x0a, 0xe2, 0x28, 0xa1, 0x00, 0x9c, 0x0a]), 'parse-error'],
  ];
  return files.map(([title, content, expect]) => {
    if (plan.titles.isTaken(title)) throw new Error(`malformed page title collides with a concept: ${title}`);
    plan.titles.reserve(title);
    return { file: fileNameFor(title), content, expect };
  });
}
