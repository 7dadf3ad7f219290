// Browser entry point for pages with demos: finds `.kb-demo[data-demo]` elements and, when each scrolls
// into view, lazily imports that demo's module (one code-split chunk per demo) and mounts it over the fallback.

import { type DemoName, isDemoName } from './params.ts';
import { readHashParams } from './url-state.ts';

export interface DemoModule {
  mount(el: HTMLElement, params: Record<string, string>): void;
}

const DEMO_MODULES: Record<DemoName, () => Promise<DemoModule>> = {
  neuron: () => import('./neuron.ts'),
  'linear-regression': () => import('./linear-regression.ts'),
  'learning-rate': () => import('./learning-rate.ts'),
  playground: () => import('./playground.ts'),
  pruning: () => import('./pruning.ts'),
  initialisation: () => import('./initialisation.ts'),
  quantisation: () => import('./quantisation.ts'),
  lora: () => import('./lora.ts'),
};

/** data-params as strings; malformed JSON gives no parameters. */
function readDataParams(el: HTMLElement): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(el.dataset.params || '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** Imports and mounts one demo (at most once per element). On failure the static fallback stays. */
async function mountDemo(el: HTMLElement): Promise<void> {
  const name = el.dataset.demo ?? '';
  if (el.dataset.mounted || !isDemoName(name)) return;
  el.dataset.mounted = 'loading';
  try {
    const demo = await DEMO_MODULES[name]();
    demo.mount(el, { ...readDataParams(el), ...readHashParams(name) }); // the URL hash overrides data-params
    el.dataset.mounted = 'true';
  } catch (error) {
    el.dataset.mounted = 'error';
    console.warn(`demo "${name}" could not start; showing the static figure instead`, error);
  }
}

export function bootDemos(root: ParentNode = document): void {
  const elements = [...root.querySelectorAll<HTMLElement>('.kb-demo[data-demo]')];
  if (typeof IntersectionObserver === 'undefined') {
    for (const el of elements) void mountDemo(el);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void mountDemo(entry.target as HTMLElement); // only observed .kb-demo elements arrive here
      }
    },
    { rootMargin: '200px 0px' },
  );
  for (const el of elements) observer.observe(el);
}
