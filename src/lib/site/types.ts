// The data each published page renders: a concept page's ConceptEntryData, and the shell every page's
// layout shows. Built by the pipeline from the concept graph (src/lib/site/view.ts, pages.ts) and
// written to the site data folder; templates only read it. Withheld pages never appear in it.

export interface ConceptRef {
  slug: string;
  title: string;
  termId: string | null;
  /**
   * First sentence of the definition, plain text (for `title` attributes and previews). Left out
   * where a list shows titles only (breadcrumbs, backlinks), to keep the per-page data small.
   */
  summary?: string;
}

export interface TagLink {
  name: string;
  /** URL slug of the tag page (never empty). */
  slug: string;
}

export interface RelationView {
  key: string;
  /** How the relation reads on this page, e.g. `requires` → "Requires", or "Required by" when incoming (src/lib/site/relations.ts). */
  label: string;
  targets: ConceptRef[];
  /** Targets that resolve to no page, as written (rendered as plain text). */
  unresolved: string[];
}

/** A term in a concept page's sidebar: its narrower terms when it is on the way to the page's concept. */
export interface SidebarNode {
  slug: string;
  title: string;
  children?: SidebarNode[];
  /** Narrower terms not listed. */
  more?: number;
}

/** A concept page's navigation: its branch of the taxonomy and its domain (src/lib/site/sidebar.ts). */
export interface Sidebar {
  domain: { key: string; name: string; count: number } | null;
  /** From a root down to this concept. */
  branch: SidebarNode;
}

export interface ConceptEntryData {
  kind: 'concept';
  slug: string;
  file: string;
  termId: string | null;
  title: string;
  aliases: string[];
  /** The definition rendered to HTML (inline Markdown, links resolved, math typeset). */
  definitionHtml: string;
  /** The definition as plain text, and its first sentence. */
  definitionText: string;
  summary: string;
  /** A plain-language gloss beside the definition (JSON-LD `vc:plainGloss`), plain text, or null. */
  gloss: string | null;
  domain: { key: string; name: string } | null;
  status: string | null;
  maturity: string | null;
  version: string | null;
  lastUpdated: string | null;
  owlClass: string | null;
  tags: TagLink[];
  /** Other properties, for display in a details table. */
  properties: { key: string; value: string }[];
  /** Every path from a root to this concept (root first, parent last; this concept excluded); refs without summaries. */
  breadcrumbs: ConceptRef[][];
  parents: ConceptRef[];
  children: ConceptRef[];
  /** Outgoing typed relations, grouped by relation name. */
  relations: RelationView[];
  /** Incoming typed relations (`X requires this`), grouped by relation name. */
  incoming: RelationView[];
  /**
   * Pages linking here (by title; `from` without its summary), each with the sentences that link here
   * as HTML cut from that page's rendered tree (links and typeset formulas kept; see
   * src/lib/render/sentences.ts).
   */
  backlinks: { from: ConceptRef; sentences: string[] }[];
  /** Whether the page shows typeset math (body, definition or a quoted sentence: load KaTeX CSS) or demos (load demo code). */
  hasMath: boolean;
  demos: string[];
  sidebar: Sidebar;
  /** The rendered body, stored by this digest in the site data folder. */
  bodyDigest: string;
}

/** What the layout around every page shows (the same for every page). */
export interface Shell {
  title: string;
  description: string;
  /** Absolute site URL without a trailing slash. */
  siteUrl: string;
  hasGuides: boolean;
  /** How many files the hover previews are spread over (src/lib/site/preview-shards.ts). */
  previewShards: number;
  /** The Atom feed of recently updated terms (linked from every page's head). */
  feed: { href: string; title: string };
}
