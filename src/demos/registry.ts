// Build-time entry point for the site renderer (DOM-free): the list of demos, parameter validation and
// description, and the static fallback HTML placed inside each `.kb-demo` element.

import { renderFallback } from './fallbacks.ts';
import { DEMO_NAMES, type DemoName, describeDemoParams, isDemoName, resolveDemoParams, validateDemoParams } from './params.ts';

export { DEMO_NAMES, type DemoName, describeDemoParams, isDemoName, validateDemoParams };

/**
 * Safe static HTML (a <figure> with an inline SVG and a caption) for a demo, computed with the training
 * core. Invalid parameters fall back to their defaults (report them with validateDemoParams). Same
 * parameters → same bytes. Never throws: on an internal error it returns a caption-only figure.
 */
export function renderDemoFallback(name: DemoName, params: Record<string, string>): string {
  try {
    return renderFallback(name, resolveDemoParams(name, params).values);
  } catch {
    return '<figure class="kb-demo-fallback"><figcaption>An interactive demo is shown here when JavaScript is enabled.</figcaption></figure>';
  }
}
