// Astro configuration. Concept pages come pre-rendered from our pipeline through the site data
// folder (src/content.config.ts, src/lib/astro/page-data.ts); .mdx guides are compiled by
// @astrojs/mdx through the unified Markdown processor, with GFM (tables, footnotes, task lists) and
// the same math support (remark-math + rehype-katex) and reference links (DOIs, arXiv ids, ISBNs) as
// concept pages. KB_SITE_URL sets the canonical site URL used
// for canonical links, the sitemap and the RDF exports.

import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { resolveCacheDir } from './src/config.ts';
import { devDiagnostics } from './src/lib/astro/dev-diagnostics.ts';
import { katexAssets } from './src/lib/astro/katex-assets.ts';
import { outputFolder } from './src/lib/astro/output-folder.ts';
import { previewFiles } from './src/lib/astro/previews.ts';
import { propagatedAssetsWithoutDirective } from './src/lib/astro/propagated-assets.ts';
import { searchInDev } from './src/lib/astro/search-dev.ts';
import { rehypeReferences } from './src/lib/render/rehype-references.ts';

export default defineConfig({
  site: process.env.KB_SITE_URL ?? 'https://glossary.example.org',
  output: 'static',
  cacheDir: resolveCacheDir(),
  trailingSlash: 'always',
  // Pages are generated several at a time: while one waits on the file system another renders.
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    // GFM through the project's own remark-gfm plugin (the processor's built-in switch is off, so it
    // runs once, and a test shows guides' tables and footnotes rendered by it).
    processor: unified({ gfm: false, remarkPlugins: [remarkGfm, remarkMath], rehypePlugins: [[rehypeKatex, { strict: 'ignore' }], rehypeReferences] }),
  },
  integrations: [katexAssets(), mdx(), previewFiles(), searchInDev(), devDiagnostics(), outputFolder()],
  devToolbar: { enabled: false },
  // Pages return a cacheKey from getStaticPaths (the digest of the data they render, see
  // src/lib/astro/page-data.ts): an unchanged page is kept from the previous build instead of being
  // rendered again. The output folder is therefore not emptied first; outputFolder() deletes what
  // this build did not produce or keep (withdrawn and newly private pages among it).
  experimental: { incrementalBuild: true },
  vite: {
    build: { assetsInlineLimit: 0, emptyOutDir: false },
    // Astro writes a directive nothing reads into each rendered guide's module; Rolldown warns about it.
    plugins: [propagatedAssetsWithoutDirective()],
  },
});
