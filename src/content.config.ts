// Content collections: `glossary` (one entry naming the site data folder the pipeline wrote; pages
// read their data from it through src/lib/astro/page-data.ts) and `guides` (.mdx pages in the content
// folder, compiled by @astrojs/mdx). Whether a guide is published is the pipeline's decision (the one
// publication rule), so the guides' front matter is not constrained here: a guide with `public: 1` or
// no title is published or withheld like any page, never a schema error.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolveContentDir } from './config.ts';
import { glossaryLoader } from './lib/astro/loader.ts';

const glossary = defineCollection({
  loader: glossaryLoader(),
  schema: z.object({ dir: z.string(), digest: z.string() }),
});

const guides = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: resolveContentDir() }),
  schema: z.looseObject({}),
});

export const collections = { glossary, guides };
