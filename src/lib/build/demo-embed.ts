// Connects the renderer's demo embeds to the demo registry (src/demos/registry.ts): which names
// exist, which parameters are valid, and the static fallback figure rendered at build time.
import { isDemoName, renderDemoFallback, validateDemoParams } from '../../demos/registry.ts';
import type { DemoRenderer } from '../render/rehype-demos.ts';

export const demoRenderer: DemoRenderer = {
  render(name, params) {
    const problems = validateDemoParams(name, params);
    if (!isDemoName(name)) return { problems };
    return { html: renderDemoFallback(name, params), problems };
  },
};
