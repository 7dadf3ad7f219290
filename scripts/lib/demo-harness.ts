// Builds a static harness page for the live demos: bundles src/demos/boot.ts with esbuild (code-split
// per demo), copies demos.css and KaTeX's CSS and fonts, and writes an HTML page with one `.kb-demo`
// element per demo containing its build-time fallback (optionally with paragraphs of text between demos,
// as in an article, for layout-shift measurements).

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type DemoName, renderDemoFallback } from '../../src/demos/registry.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface HarnessDemo {
  name: DemoName;
  params?: Record<string, string>;
}

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/</g, '&lt;');

/** Returns the directory holding index.html, boot chunks and styles. */
export async function buildDemoHarness(demos: readonly HarnessDemo[], options: { spacerPx?: number; paragraphs?: number } = {}): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-demo-harness-'));
  writeFileSync(join(dir, 'entry.ts'), `import { bootDemos } from ${JSON.stringify(join(ROOT, 'src/demos/boot.ts'))};\nbootDemos();\n`);
  await build({
    entryPoints: { main: join(dir, 'entry.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: join(dir, 'js'),
    target: 'es2022',
    logLevel: 'silent',
    sourcemap: 'inline',
  });
  cpSync(join(ROOT, 'src/demos/demos.css'), join(dir, 'demos.css'));
  cpSync(join(ROOT, 'node_modules/katex/dist/katex.min.css'), join(dir, 'katex.min.css'));
  cpSync(join(ROOT, 'node_modules/katex/dist/fonts'), join(dir, 'fonts'), { recursive: true });
  const prose = Array.from(
    { length: options.paragraphs ?? 0 },
    (_, i) => `<p>Paragraph ${i + 1}. A reader scrolls past text like this between demos; nothing here may move when a demo above or below it starts.</p>`,
  ).join('');
  const sections = demos
    .map(
      ({ name, params = {} }) =>
        `<section><h2>${name}</h2>${prose}<div class="kb-demo" id="demo-${name}" data-demo="${name}" data-params='${escapeAttribute(JSON.stringify(params))}'>${renderDemoFallback(name, params)}</div>${prose}</section>`,
    )
    .join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="en" data-theme="light"><head><meta charset="utf-8"><title>Demo harness</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="katex.min.css"><link rel="stylesheet" href="demos.css">
<style>body{font-family:system-ui,sans-serif;max-width:980px;margin:0 auto;padding:1rem;background:var(--demo-surface);color:var(--demo-ink)}</style>
</head><body>
<div id="spacer" style="height:${options.spacerPx ?? 0}px"></div>
${sections}
<script type="module" src="js/main.js"></script>
</body></html>`,
  );
  return dir;
}
