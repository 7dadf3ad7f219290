// A Vite plugin that takes a dead line out of the modules Astro writes for a rendered MDX guide. To
// render a content collection's .mdx entry, Astro's content-assets plugin generates a module (its id
// ends in `?astroPropagatedAssets`) that starts with the directive "use astro:head-inject". Since
// Astro 7.2 nothing reads that directive (head propagation is recognised by the module id:
// withastro/astro#17095), but Rolldown warns about every module-level directive it meets
// (MODULE_LEVEL_DIRECTIVE, withastro/astro#18087), so every `npm run build` of a site with a guide
// printed a warning, full of colour codes, that no editor could act on. The directive goes; the
// module is otherwise unchanged.
import type { Plugin } from 'vite';

const PROPAGATED = /(?:\?|&)astroPropagatedAssets(?:&|=|$)/;
const DIRECTIVE = /^(\s*)(["'])use astro:head-inject\2;?/;

/** The module's code without a leading "use astro:head-inject" directive (null when it has none). */
export function withoutHeadInjectDirective(code: string): string | null {
  return DIRECTIVE.test(code) ? code.replace(DIRECTIVE, '$1') : null;
}

export function propagatedAssetsWithoutDirective(): Plugin {
  return {
    name: 'kb:propagated-assets-without-directive',
    enforce: 'post',
    transform: {
      filter: { id: PROPAGATED },
      handler(code) {
        const out = withoutHeadInjectDirective(code);
        return out === null ? null : { code: out, map: null };
      },
    },
  };
}
