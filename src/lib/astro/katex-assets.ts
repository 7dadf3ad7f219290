// Astro integration: serves KaTeX's stylesheet and fonts at /vendor/katex/ (copied into the build
// output, served from node_modules in dev), so only pages with math link to them.

import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const PREFIX = '/vendor/katex/';

function katexDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
}

const TYPES: Record<string, string> = { '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf' };

export function katexAssets(): AstroIntegration {
  return {
    name: 'kb-katex-assets',
    hooks: {
      'astro:server:setup': ({ server }) => {
        const dist = katexDist();
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split('?')[0] ?? '';
          if (!url.startsWith(PREFIX)) return next();
          const file = path.join(dist, path.normalize(url.slice(PREFIX.length)).replace(/^(\.\.[/\\])+/, ''));
          if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': ({ dir }) => {
        const dist = katexDist();
        const out = path.join(fileURLToPath(dir), 'vendor', 'katex');
        cpSync(path.join(dist, 'katex.min.css'), path.join(out, 'katex.min.css'));
        cpSync(path.join(dist, 'fonts'), path.join(out, 'fonts'), {
          recursive: true,
          filter: (src) => statSync(src).isDirectory() || src.endsWith('.woff2'),
        });
      },
    },
  };
}
