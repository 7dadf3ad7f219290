// What raw HTML in editors' Markdown may keep (GitHub's rules, via hast-util-sanitize's default
// schema), plus the few classes our own Markdown constructs need before they are processed: math
// code (for KaTeX) and collapsed blocks. Scripts, event handlers, `javascript:` URLs, iframes,
// objects and embeds are all dropped: editors' Markdown is data, not code.
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { defaultSchema } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...base,
    code: [['className', /^language-./, 'math-inline', 'math-display']],
    details: [['className', 'kb-collapsed'], 'open'],
  },
};
