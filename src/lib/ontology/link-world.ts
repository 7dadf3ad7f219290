// What every link of a build resolves against, as plain data: each concept's names (title, page name,
// alternative terms, term id, JSON-LD class id) with where it is published, and each tag's page. The
// graph builds its own `resolveLink` and `tagOf` from it, and render workers rebuild the very same
// functions from a copy of it, so they need not read the whole content folder to render their pages.

import { LinkIndex, type Resolution } from './resolve.ts';
import type { Concept } from './schema.ts';

/** The part of a concept a link needs. */
export type LinkableConcept = Pick<Concept, 'title' | 'name' | 'aliases' | 'termId' | 'classId' | 'public' | 'slug' | 'kind'>;

export interface LinkWorld {
  /** Every concept (published or withheld), in the graph's order. */
  concepts: LinkableConcept[];
  /** Tag pages: the case-folded tag, the spelling that names the page, the page's slug. */
  tags: [key: string, name: string, slug: string][];
}

export type LinkTarget =
  | { state: 'published'; slug: string; kind: Concept['kind']; title: string; termId: string | null }
  | { state: 'private' }
  | { state: 'missing' }
  | { state: 'ambiguous'; count: number };

/** Tags compare as Logseq compares page names: ignoring case. */
export const tagKey = (tag: string) => tag.normalize('NFC').toLowerCase();

export interface LinkFunctions {
  index: LinkIndex;
  resolveLink: (text: string) => LinkTarget;
  /** The tag page a `#tag` as written belongs to (any case), or null when no published page has it. */
  tagOf: (tag: string) => { tag: string; slug: string } | null;
}

/** What a resolution of the link index over `concepts` leads to. */
export function describeResolution(concepts: readonly LinkableConcept[], r: Resolution): LinkTarget {
  if (r.state === 'missing') return { state: 'missing' };
  if (r.state === 'ambiguous') return { state: 'ambiguous', count: r.indices.length };
  const c = concepts[r.index];
  if (!c.public) return { state: 'private' };
  return { state: 'published', slug: c.slug, kind: c.kind, title: c.title, termId: c.termId };
}

/** The link index over `concepts` and how a link text resolves (read their slugs when resolving). */
export function linkResolver(concepts: readonly LinkableConcept[]): Pick<LinkFunctions, 'index' | 'resolveLink'> {
  const index = new LinkIndex(concepts);
  return { index, resolveLink: (text) => describeResolution(concepts, index.resolve(text)) };
}

export function tagResolver(tags: LinkWorld['tags']): LinkFunctions['tagOf'] {
  const byKey = new Map(tags.map(([key, name, slug]) => [key, { tag: name, slug }]));
  return (tag) => byKey.get(tagKey(tag)) ?? null;
}

export function linkFunctions(world: LinkWorld): LinkFunctions {
  return { ...linkResolver(world.concepts), tagOf: tagResolver(world.tags) };
}

export function linkableConcept(c: LinkableConcept): LinkableConcept {
  return { title: c.title, name: c.name, aliases: c.aliases, termId: c.termId, classId: c.classId, public: c.public, slug: c.slug, kind: c.kind };
}
