// Astro configuration. Concept pages come pre-rendered from our pipeline (src/content.config.ts);
// .mdx guides are compiled by @astrojs/mdx with the same math support. KB_SITE_URL sets the
// canonical site URL used for canonical links and the sitemap.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import { katexAssets } from './src/lib/astro/katex-assets.ts';

export default defineConfig({
  site: process.env.KB_SITE_URL ?? 'https://glossary.example.org',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [katexAssets(), mdx({ remarkPlugins: [remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'ignore' }]] })],
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
