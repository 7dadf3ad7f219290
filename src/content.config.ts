// Content collections: `concepts` (one entry per published concept, pre-rendered by our pipeline),
// `site` (the site-wide summary) and `guides` (.mdx pages in the content folder, compiled by
// @astrojs/mdx). The schemas only type the data; the pipeline already validated it.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import path from 'node:path';
import { withLiveStores } from './lib/astro/live-store.ts';
import { glossaryLoader, siteLoader } from './lib/astro/loader.ts';
import type { SiteSummary } from './lib/site/summary.ts';
import type { ConceptEntryData } from './lib/site/types.ts';

const contentDir = path.resolve(process.env.KB_CONTENT_DIR ?? 'content');

const concepts = defineCollection({
  loader: glossaryLoader(),
  schema: z.custom<ConceptEntryData>(),
});

const site = defineCollection({
  loader: siteLoader(),
  schema: z.custom<SiteSummary>(),
});

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: contentDir }),
  schema: z.object({
    title: z.string(),
    description: z.string().optional(),
    public: z.boolean().optional(),
    'public-access': z.boolean().optional(),
  }),
});

// Each loader's store is recorded so the build's pages can read the store from memory (live-store.ts).
export const collections = withLiveStores({ concepts, site, guides });
