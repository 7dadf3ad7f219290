// Connects the renderer's demo embeds to the demo registry (src/demos/registry.ts): which names
// exist, which parameters are valid, and the static fallback figure rendered at build time.
import { isDemoName, renderDemoFallback, validateDemoParams } from '../../demos/registry.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { PageRecord } from '../ontology/extract.ts';
import type { DemoRenderer } from '../render/rehype-demos.ts';

/** Bump when fallback figures change, so cached pages are re-rendered. */
export const DEMO_RENDER_VERSION = 2;

export const demoRenderer: DemoRenderer = {
  render(name, params) {
    const problems = validateDemoParams(name, params);
    if (!isDemoName(name)) return { problems };
    return { html: renderDemoFallback(name, params), problems };
  },
};

/**
 * `unknown-demo` diagnostics for every `{{demo …}}` macro in the content, without rendering
 * (for `npm run check`; a build reports the same problems while rendering).
 */
export function demoDiagnostics(records: readonly PageRecord[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of records) {
    for (const d of r.concept?.demos ?? []) {
      for (const problem of validateDemoParams(d.name, d.params)) out.push(diagnostic('unknown-demo', r.page.file, d.line, problem, d.name));
    }
  }
  return out;
}
