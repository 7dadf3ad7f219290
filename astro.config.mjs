// Astro configuration. The site is static; content comes from the custom loader in src/content.config.ts.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
});
