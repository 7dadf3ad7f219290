// Diagnostics of an .mdx guide, found by the pipeline (so `check` and the build report the same):
// Astro compiles a guide's MDX itself, so the pipeline renders the guide's Markdown with its own
// renderer only to learn what that finds — formulas KaTeX cannot typeset, local links and images
// that lead nowhere, text the Markdown parser fails on — and reads each `<Demo …/>` element for an
// unknown demo name or parameter. The HTML of that render is thrown away.
import { validateDemoParams } from '../../demos/registry.ts';
import { type Diagnostic, type DiagnosticCode, diagnostic } from '../diagnostics.ts';
import type { Block } from '../logseq/types.ts';
import { type RenderContext, renderMarkdown } from '../render/pipeline.ts';

/** What rendering a guide's Markdown may say that holds for MDX too. */
const FROM_RENDER = new Set<DiagnosticCode>(['invalid-math', 'broken-link', 'parse-error']);

/** `<Demo name="x" key="value" …/>` with string attributes (attributes written as {expressions} are left out). */
const DEMO_ELEMENT = /<Demo\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function lineAt(text: string, index: number): number {
  let n = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

export function guideDiagnostics(file: string, body: readonly Block[], ctx: RenderContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const block of body) {
    const rendered = renderMarkdown(block.text, block.line, file, ctx);
    out.push(...rendered.diagnostics.filter((d) => FROM_RENDER.has(d.code)));
    for (const m of block.text.matchAll(DEMO_ELEMENT)) {
      const params: Record<string, string> = {};
      for (const a of m[1].matchAll(ATTRIBUTE)) params[a[1]] = a[2] ?? a[3] ?? '';
      const { name = '', ...rest } = params;
      const line = block.line + lineAt(block.text, m.index);
      for (const problem of validateDemoParams(name, rest)) out.push(diagnostic('unknown-demo', file, line, problem, name));
    }
  }
  return out;
}
