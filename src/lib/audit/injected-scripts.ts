// Check 2 — script the site did not emit. The site's own scripts are exactly: module scripts loaded
// from the site's `_astro/` folder, JSON-LD data blocks, and inline scripts marked `data-kb-site`.
// Everything else is reported, as are on* event-handler attributes, javascript: and data:text/html
// URLs in URL attributes, and <iframe>/<object>/<embed> elements.
import type { PageFacts, ScriptFact } from './html.ts';
import type { Finding } from './types.ts';

const DANGEROUS_URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** Browsers ignore ASCII whitespace and control characters inside a URL scheme (`java\tscript:`). */
function normalisedScheme(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in URLs, so the check strips them too
  return url.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
}

export function isDangerousUrl(url: string): boolean {
  const u = normalisedScheme(url);
  return u.startsWith('javascript:') || u.startsWith('vbscript:') || /^data:text\/html[;,]/.test(u);
}

function isSiteScript(script: ScriptFact, base: string): boolean {
  const { attrs } = script;
  if ('data-kb-site' in attrs) return true;
  const type = (attrs.type ?? '').trim().toLowerCase();
  if (type === 'application/ld+json') return !('src' in attrs);
  return type === 'module' && typeof attrs.src === 'string' && attrs.src.startsWith(`${base}_astro/`);
}

const describe = (attrs: Record<string, string>): string => {
  const shown = Object.entries(attrs).map(([k, v]) => (v === '' ? k : `${k}="${v.length > 60 ? `${v.slice(0, 59)}…` : v}"`));
  return `<script${shown.length ? ` ${shown.join(' ')}` : ''}>`;
};

export function checkInjectedScripts(page: PageFacts, base = '/'): Finding[] {
  const findings: Finding[] = [];
  const add = (line: number, message: string): void => {
    findings.push({ check: 'injected-script', file: page.file, line, message });
  };
  for (const s of page.scripts) if (!isSiteScript(s, base)) add(s.line, `script not emitted by the site: ${describe(s.attrs)}`);
  for (const a of page.eventHandlers) add(a.line, `event-handler attribute ${a.name}= on <${a.tag}>`);
  for (const a of page.urls) {
    if (DANGEROUS_URL_ATTRS.has(a.name) && isDangerousUrl(a.value)) add(a.line, `${a.name}="${a.value.slice(0, 60)}" on <${a.tag}> runs script`);
  }
  for (const e of page.embeds) add(e.line, `<${e.tag}> element`);
  return findings.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
}
