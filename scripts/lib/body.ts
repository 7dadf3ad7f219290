// Page bodies for the synthetic corpus, as a dialect-neutral list of items (headings, bullets with a
// nesting depth, display math, tables, code, references). The dialect renderers decide how each item
// is spelled. Every prose sentence is unique across the corpus, so a sentence found in a built site
// identifies exactly one source page (the leak audit relies on that).
import type { Rng } from './rng.ts';
import type { PlannedConcept } from './types.ts';
import {
  ADVERBS,
  AUTHORS,
  CODE_SNIPPETS,
  CONTEXTS,
  DISPLAY_MATH,
  EFFECTS,
  EXTERNAL_SITES,
  INLINE_MATH,
  SECTION_HEADINGS,
  TEMPLATES,
  VENUES,
  VERBS,
} from './vocab.ts';

export type BodyItem =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'bullet'; depth: number; text: string }
  | { kind: 'math'; depth: number; tex: string }
  | { kind: 'table'; depth: number; rows: string[] }
  | { kind: 'code'; depth: number; lang: string; lines: readonly string[] }
  | { kind: 'reference'; text: string };

export class SentenceFactory {
  private readonly seen = new Set<string>();
  private serial = 0;

  constructor(
    private readonly rng: Rng,
    private readonly all: readonly PlannedConcept[],
    private readonly byDomain: Map<string, PlannedConcept[]>,
  ) {}

  /** A concept to mention: usually from the same domain. */
  related(c: PlannedConcept): PlannedConcept {
    const pool = this.rng.chance(0.7) ? this.byDomain.get(c.domain.prefix)! : this.all;
    const other = this.rng.pick(pool);
    return other === c ? this.rng.pick(this.all) : other;
  }

  /** One prose sentence about `c`, never produced before in this corpus. */
  sentence(c: PlannedConcept): string {
    for (let attempt = 0; attempt < 6; attempt++) {
      const text = this.fill(c);
      const key = text.toLowerCase();
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return text;
      }
    }
    this.serial += 1;
    const text = this.fill(c).replace(/\.$/, `, as noted in revision ${this.serial}.`);
    this.seen.add(text.toLowerCase());
    return text;
  }

  private fill(c: PlannedConcept): string {
    const template = this.rng.pick(TEMPLATES);
    const text = template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
      switch (slot) {
        case 'T':
          return c.title;
        case 'L': {
          const t = this.related(c).title;
          // Links in Obsidian's alias form or Logseq's [label]([[Target]]) on pages with that shape.
          if (c.shapes.aliasLinks && this.rng.chance(0.4)) return this.rng.chance(0.5) ? `[[${t}|${t.toLowerCase()}]]` : `[${t.toLowerCase()}]([[${t}]])`;
          return `[[${t}]]`;
        }
        case 'topic':
          return this.rng.pick(c.domain.topics);
        case 'verb':
          return this.rng.pick(VERBS);
        case 'adv':
          return this.rng.pick(ADVERBS);
        case 'effect':
          return this.rng.pick(EFFECTS);
        case 'ctx':
          return this.rng.pick(CONTEXTS);
        default:
          return slot;
      }
    });
    return text[0].toUpperCase() + text.slice(1);
  }
}

/** Build the body of page `c`. */
export function composeBody(rng: Rng, sentences: SentenceFactory, c: PlannedConcept): BodyItem[] {
  const items: BodyItem[] = [];
  const sections = rng.int(2, 5) + (rng.chance(0.04) ? rng.int(12, 36) : 0);
  const headings = rng.shuffled(SECTION_HEADINGS);
  for (let s = 0; s < sections; s++) {
    const heading = s < headings.length ? headings[s] : `${rng.pick(SECTION_HEADINGS)} (part ${s})`;
    items.push({ kind: 'heading', level: 2, text: heading });
    if (rng.chance(0.2)) items.push({ kind: 'heading', level: 3, text: `${c.title} in ${rng.pick(c.domain.topics)}` });
    let depth = 0;
    const bullets = rng.int(2, 5);
    for (let b = 0; b < bullets; b++) {
      depth =
        b === 0
          ? 0
          : rng.weighted([
              [0, 5],
              [Math.min(depth + 1, 2), 3],
            ]);
      let text = sentences.sentence(c);
      if (rng.chance(0.35)) text += ` ${sentences.sentence(c)}`;
      if (rng.chance(0.15)) text += ` Formally, ${rng.pick(INLINE_MATH)} governs each step.`;
      if (rng.chance(0.08))
        text += ` See [${rng.pick(['the survey', 'the original paper', 'a worked example'])}](${rng.pick(EXTERNAL_SITES)}${c.index}-${s}-${b}).`;
      if (rng.chance(0.08)) text = `**${rng.pick(['Key idea', 'Note', 'In short'])}:** ${text}`;
      items.push({ kind: 'bullet', depth, text });
    }
    if (rng.chance(c.domain.prefix === 'AI' ? 0.12 : 0.04)) items.push({ kind: 'math', depth: 0, tex: rng.pick(DISPLAY_MATH) });
    if (rng.chance(0.05)) {
      items.push({
        kind: 'table',
        depth: 0,
        rows: [
          '| Setting | Typical value | Notes |',
          '| --- | --- | --- |',
          `| learning rate | ${(rng.int(1, 90) / 10000).toFixed(4)} | tuned per task |`,
          `| batch size | ${2 ** rng.int(3, 9)} | limited by memory |`,
          `| ${rng.pick(c.domain.topics)} | ${rng.int(2, 64)} | see [[${sentences.related(c).title}]] |`,
        ],
      });
    }
    if (rng.chance(0.04)) {
      const snippet = rng.pick(CODE_SNIPPETS);
      items.push({ kind: 'code', depth: 0, lang: snippet.lang, lines: snippet.lines });
    }
  }
  for (const extra of c.extraBody) items.push({ kind: 'bullet', depth: 0, text: extra });
  if (c.marker) items.push({ kind: 'bullet', depth: 0, text: `Internal reviewer note ${c.marker} must stay inside the team.` });
  items.push({ kind: 'heading', level: 2, text: 'References' });
  const refs = rng.int(1, 4);
  for (let r = 0; r < refs; r++) {
    items.push({
      kind: 'reference',
      text: `${rng.pick(AUTHORS)} (${rng.int(1986, 2025)}). "${c.title}: ${rng.pick(['a review', 'theory and practice', 'an empirical study', 'lessons from deployment'])}." *${rng.pick(VENUES)}*. https://doi.org/10.5555/kb.${c.index}.${r + 1}`,
    });
  }
  return items;
}

/** The definition sentence of `c` (unique, mentions the first parent, carries the private marker). */
export function composeDefinition(sentences: SentenceFactory, c: PlannedConcept): string {
  if (c.definitionOverride !== null) return c.definitionOverride;
  const parent = c.parents[0];
  const kindOf = parent === undefined ? 'foundational concept' : parent.kind === 'concept' ? parent.concept.title.toLowerCase() : parent.title.toLowerCase();
  const tail = sentences.sentence(c).replace(/\.$/, '');
  const text = `${c.title} is a kind of ${kindOf} in ${c.domain.name.toLowerCase()}: ${tail[0].toLowerCase()}${tail.slice(1)}.`;
  return c.marker ? `${text} Reviewer tag ${c.marker}.` : text;
}
