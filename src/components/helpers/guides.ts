// Which MDX guides are published and at what URL. Pure functions (no Astro imports) so they can be tested.
import { slugify } from '../../lib/ontology/slug.ts';

export interface GuideFrontMatter {
  title: string;
  description?: string;
  public?: boolean;
  'public-access'?: boolean;
}

/** A guide is published only when `public` or `public-access` is true and neither is false. */
export function isPublishedGuide(data: GuideFrontMatter): boolean {
  if (data.public === false || data['public-access'] === false) return false;
  return data.public === true || data['public-access'] === true;
}

/**
 * The guide's URL slug: the pipeline's slug for the same title (so wikilinks to the guide resolve),
 * else the slugified title, else the entry id.
 */
export function guideSlug(data: GuideFrontMatter, entryId: string, known: readonly { slug: string; title: string }[] = []): string {
  const match = known.find((g) => g.title === data.title);
  if (match) return match.slug;
  return slugify(data.title) || slugify(entryId) || 'guide';
}
