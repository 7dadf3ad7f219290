// Astro configuration. Concept pages come pre-rendered from our pipeline (src/content.config.ts);
// .mdx guides are compiled by @astrojs/mdx through the unified Markdown processor, with the same
// math support (remark-math + rehype-katex). KB_SITE_URL sets the canonical site URL used for
// canonical links, the sitemap and the RDF exports.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { resolveCacheDir } from './src/config.ts';
import { dataStoreFromFile } from './src/lib/astro/data-store-file.ts';
import { katexAssets } from './src/lib/astro/katex-assets.ts';
import { previewFiles } from './src/lib/astro/previews.ts';
import { pruneStaleOutput } from './src/lib/astro/prune-stale.ts';

export default defineConfig({
  site: process.env.KB_SITE_URL ?? 'https://glossary.example.org',
  output: 'static',
  cacheDir: resolveCacheDir(),
  trailingSlash: 'always',
  // Pages are generated several at a time: while one waits on the file system another renders.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'ignore' }]] }),
  },
  integrations: [katexAssets(), mdx(), previewFiles(), pruneStaleOutput(), dataStoreFromFile()],
  devToolbar: { enabled: false },
  // Pages return a cacheKey from getStaticPaths (entry digest + what they read from the site
  // summary): an unchanged page is kept from the previous build instead of being rendered again.
  // The output folder is therefore not emptied first; pruneStaleOutput deletes what this build did
  // not produce or keep (withdrawn and newly private pages among it).
  experimental: { incrementalBuild: true },
  vite: {
    build: { assetsInlineLimit: 0, emptyOutDir: false },
  },
});
