// Planning stage of the corpus generator: decides every page's title, file name, domain, term id,
// dialect, quirks, parents (a lattice inside each domain with a few cross-domain links) and privacy,
// before any text is written. Later stages only read and annotate these plans.
import type { Rng } from './rng.ts';
import type { Dialect, PageQuirks, PageShapes, PlannedConcept } from './types.ts';
import { DOMAINS, type DomainSpec, QUALIFIERS, STATUSES } from './vocab.ts';

/** Logseq encodes `/` in a page title as `___` in the file name. */
export function fileNameFor(title: string): string {
  return `${title.replace(/\//g, '___')}.md`;
}

/** `Model Parameters` → `ModelParameters`; `Low-Rank Loss` → `LowRankLoss`. */
export function camelCase(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Titles equal under this key would be ambiguous to a resolver that ignores case and punctuation. */
const nameKey = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]/g, '');

const DIALECT_WEIGHTS: readonly (readonly [Dialect, number])[] = [
  ['tabs', 4],
  ['groups', 3],
  ['inline', 2],
  ['front', 2],
];

export class TitleFactory {
  private readonly taken = new Set<string>();
  constructor(private readonly rng: Rng) {}

  reserve(title: string): void {
    this.taken.add(nameKey(title));
  }

  isTaken(title: string): boolean {
    return this.taken.has(nameKey(title));
  }

  make(domain: DomainSpec, namespaced: boolean): string {
    for (let attempt = 0; attempt < 40; attempt++) {
      let base = `${this.rng.pick(domain.modifiers)} ${this.rng.pick(domain.heads)}`;
      if (attempt > 4 || this.rng.chance(0.35)) base = `${this.rng.pick(QUALIFIERS)} ${base}`;
      const title = namespaced ? `${this.rng.pick(domain.namespaces)}/${base}` : base;
      if (!this.isTaken(title)) {
        this.reserve(title);
        return title;
      }
    }
    // The word space is exhausted for this domain: number the variants.
    for (let n = 2; ; n++) {
      const title = `${this.rng.pick(domain.modifiers)} ${this.rng.pick(domain.heads)} ${n}`;
      if (!this.isTaken(title)) {
        this.reserve(title);
        return title;
      }
    }
  }
}

/** The canonical page: no issue-12 shapes (scripts/lib/shapes.ts assigns them later). */
export function canonicalShapes(): PageShapes {
  return {
    siblingProperties: false,
    definition: 'property',
    owlOnlyParents: false,
    underscoreTitle: false,
    aliasLinks: false,
    textAfterChildren: false,
    tagCase: false,
    noTermId: false,
    singleParentObject: false,
    relationshipLines: false,
    gloss: false,
  };
}

/** The title as the page writes it in `preferred-term` (underscores for spaces with that shape). */
export function writtenTitle(c: Pick<PlannedConcept, 'title' | 'shapes' | 'omitPreferredTerm'>): string {
  return c.shapes.underscoreTitle && !c.omitPreferredTerm ? c.title.replace(/ /g, '_') : c.title;
}

function pickQuirks(rng: Rng, dialect: Dialect): PageQuirks {
  return {
    camelParents: dialect === 'tabs' && rng.chance(0.35),
    mixedIndent: (dialect === 'tabs' || dialect === 'inline') && rng.chance(0.15),
    fourSpaceUnit: dialect === 'groups' && rng.chance(0.25),
    headedDefinition: (dialect === 'tabs' || dialect === 'groups') && rng.chance(0.1),
    jsonHistory: dialect !== 'front' && rng.chance(0.12),
    trailingSpaces: dialect !== 'front' && rng.chance(0.2),
    owlFence: (dialect === 'tabs' || dialect === 'groups') && rng.chance(0.15),
    emptyValue: dialect !== 'front' && rng.chance(0.2),
  };
}

export interface Plan {
  concepts: PlannedConcept[];
  byDomain: Map<string, PlannedConcept[]>;
  titles: TitleFactory;
  /** Next free sequence number per term-id prefix. */
  nextSeq: Map<string, number>;
}

export function planConcepts(rng: Rng, pages: number): Plan {
  const titles = new TitleFactory(rng);
  const nextSeq = new Map<string, number>(DOMAINS.map((d) => [d.prefix, 1]));
  const byDomain = new Map<string, PlannedConcept[]>(DOMAINS.map((d) => [d.prefix, []]));
  const domainWeights = DOMAINS.map((d) => [d, d.weight] as const);
  const concepts: PlannedConcept[] = [];
  const bareIds = new Set<number>();
  let adamPlaced = false;

  for (let index = 0; index < pages; index++) {
    // The first pages cycle through the domains so every domain has a root even in tiny corpora.
    const domain = index < DOMAINS.length ? DOMAINS[index] : rng.weighted(domainWeights);
    const siblings = byDomain.get(domain.prefix)!;
    const namespaced = siblings.length > 0 && rng.chance(0.012);
    let title: string;
    if (namespaced && domain.prefix === 'AI' && !adamPlaced && !titles.isTaken('Optimisers/Adam Variant')) {
      title = 'Optimisers/Adam Variant';
      titles.reserve(title);
      adamPlaced = true;
    } else {
      title = titles.make(domain, namespaced);
    }
    const seq = nextSeq.get(domain.prefix)!;
    nextSeq.set(domain.prefix, seq + 1);
    let termId = `${domain.prefix}-${String(seq).padStart(4, '0')}`;
    if (rng.chance(0.01)) {
      // Some graphs use bare numeric ids.
      let n = rng.int(20000, 89999);
      while (bareIds.has(n)) n++;
      bareIds.add(n);
      termId = String(n);
    }
    const dialect = rng.weighted(DIALECT_WEIGHTS);
    const concept: PlannedConcept = {
      index,
      title,
      file: fileNameFor(title),
      domain,
      termId,
      dialect,
      status: rng.pick(STATUSES),
      parents: [],
      aliases: [],
      isPublic: true,
      marker: null,
      quirks: pickQuirks(rng, dialect),
      shapes: canonicalShapes(),
      omitPreferredTerm: false,
      extraBody: [],
      definitionOverride: null,
      identityDefect: false,
    };
    if (!title.includes('/') && rng.chance(0.12)) {
      const acronym = title
        .split(/[\s-]+/)
        .map((w) => w[0])
        .join('')
        .toUpperCase();
      const alias = `${acronym} (${domain.prefix.toLowerCase()} ${index})`;
      concept.aliases.push(alias);
      if (rng.chance(0.3)) concept.aliases.push(`${title.split(' ').slice(-1)[0]} ${index} Alias`);
    }
    concepts.push(concept);
    siblings.push(concept);
  }

  // Lattice: ~1% roots per domain; everyone else gets an earlier parent in the same domain
  // (biased towards recent siblings so the tree has depth), ~12% a second one.
  for (const list of byDomain.values()) {
    const roots = Math.max(1, Math.ceil(list.length * 0.01));
    list.forEach((c, k) => {
      if (k < roots) return;
      const near = Math.max(0, k - 1 - Math.floor(Math.abs(rng.float() - rng.float()) * k));
      const first = rng.chance(0.6) ? list[near] : list[rng.int(0, k - 1)];
      c.parents.push({ kind: 'concept', concept: first });
      if (rng.chance(0.12)) {
        const second = rng.chance(0.8) ? list[rng.int(0, k - 1)] : concepts[rng.int(0, Math.max(0, c.index - 1))];
        if (second.index < c.index && second !== first) c.parents.push({ kind: 'concept', concept: second });
      }
    });
  }

  // Privacy: ~3% of non-root pages are withheld and carry a unique marker.
  const markers = new Set<string>();
  for (const c of concepts) {
    if (c.parents.length === 0 || !rng.chance(0.03)) continue;
    c.isPublic = false;
    let marker = `zzsecret${rng.hex(10)}`;
    while (markers.has(marker)) marker = `zzsecret${rng.hex(10)}`;
    markers.add(marker);
    c.marker = marker;
  }
  return { concepts, byDomain, titles, nextSeq };
}
