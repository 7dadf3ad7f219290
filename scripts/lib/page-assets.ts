// What a built page loads besides its HTML: the gzipped bytes of the CSS and JS it references
// (stylesheets, module scripts, preloads, and the modules those import statically), and of the CSS and
// JS written inline in it. Used by the build benchmark and the page-weight test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';

interface HtmlNode {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  value?: string;
}

function walk(node: HtmlNode, visit: (n: HtmlNode) => void): void {
  visit(node);
  for (const c of node.childNodes ?? []) walk(c, visit);
}

const attrsOf = (node: HtmlNode) => Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value]));

/** Gzipped bytes of each CSS and JS file a built page references (stylesheets, module scripts, preloads), by URL. */
export function pageAssetFiles(dist: string, htmlFile: string): Map<string, number> {
  const urls = new Set<string>();
  walk(parse(readFileSync(htmlFile, 'utf8')) as unknown as HtmlNode, (node) => {
    const attrs = attrsOf(node);
    if (node.nodeName === 'link' && /stylesheet|modulepreload/.test(attrs.rel ?? '') && attrs.href?.startsWith('/')) urls.add(attrs.href);
    if (node.nodeName === 'script' && attrs.src?.startsWith('/')) urls.add(attrs.src);
  });
  const sizes = new Map<string, number>();
  const add = (url: string) => {
    const file = path.join(dist, url.split('?')[0]);
    if (sizes.has(url) || !existsSync(file)) return;
    const text = readFileSync(file);
    sizes.set(url, gzipSync(text).length);
    // Static imports of a module are loaded with it.
    if (file.endsWith('.js'))
      for (const m of text.toString('utf8').matchAll(/(?:^|[;\s])import\s*(?:[^'"();]*from\s*)?["'](\.\/[^"']+\.js)["']/g))
        add(path.posix.join(path.posix.dirname(url), m[1]));
  };
  for (const u of urls) add(u);
  return sizes;
}

/** Gzipped bytes of the CSS and JS a built page references. */
export function pageAssetsGz(dist: string, htmlFile: string): number {
  return [...pageAssetFiles(dist, htmlFile).values()].reduce((a, b) => a + b, 0);
}

/** Gzipped bytes of the CSS and JS written inline in a page (<style> and <script> without src, JSON-LD aside). */
export function inlineAssetsGz(htmlFile: string): number {
  let text = '';
  walk(parse(readFileSync(htmlFile, 'utf8')) as unknown as HtmlNode, (node) => {
    const attrs = attrsOf(node);
    const inline = node.nodeName === 'style' || (node.nodeName === 'script' && !attrs.src && attrs.type !== 'application/ld+json');
    if (inline) for (const c of node.childNodes ?? []) text += c.value ?? '';
  });
  return text === '' ? 0 : gzipSync(text).length;
}
