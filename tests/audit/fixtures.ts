// Helpers for the audit tests: build small fake `dist/` and content folders in a temp directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface TempSite {
  root: string;
  dist: string;
  content: string;
  write(relPath: string, content: string | Buffer): string;
  page(relPath: string, body: string, opts?: { title?: string; head?: string }): string;
  remove(): void;
}

export function tempSite(): TempSite {
  const root = mkdtempSync(join(tmpdir(), 'audit-'));
  const site: TempSite = {
    root,
    dist: join(root, 'dist'),
    content: join(root, 'content'),
    write(relPath, content) {
      const path = join(root, relPath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    page(relPath, body, opts = {}) {
      const head = `<meta charset="utf-8"><title>${opts.title ?? 'A page'}</title><script type="module" src="/_astro/app.js"></script>${opts.head ?? ''}`;
      return site.write(`dist/${relPath}`, `<!DOCTYPE html>\n<html lang="en">\n<head>${head}</head>\n<body>\n${body}\n</body>\n</html>\n`);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  mkdirSync(site.dist, { recursive: true });
  mkdirSync(site.content, { recursive: true });
  site.write('dist/_astro/app.js', 'export {};\n');
  return site;
}

/** A Pagefind-style file: `pagefind_dcd` signature + payload, gzip-compressed. */
export function pagefindFile(payload: string | Buffer): Buffer {
  return gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.isBuffer(payload) ? payload : Buffer.from(payload)]));
}

export const PUBLIC_PAGE = `public:: true

- ### OntologyBlock
  - term-id:: AI-0001
  - preferred-term:: Open Concept
  - public-access:: true
  - definition:: Open Concept is the published idea that every reader may study freely.
- ## Overview
  - Open Concept explains how gradients flow through the whole network during training.
  - It links to [[Hidden Concept]] without saying anything about it.
`;

/** Sentences of HIDDEN_PAGE a leak test can look for. */
export const HIDDEN_SENTENCES = {
  definition: 'Hidden Concept is an internal technique that only the research team may read.',
  body: 'The hidden technique rescales every third attention head before the final layer norm.',
  short: 'Hidden draft notes only.',
};

export const HIDDEN_PAGE = `- ### OntologyBlock
  id:: hidden-concept-ontology
	- term-id:: AI-0002
	- preferred-term:: Hidden Concept
	- public-access:: false
	- definition:: ${HIDDEN_SENTENCES.definition}
- ## Method
	- ${HIDDEN_SENTENCES.body.replace('attention head', '**attention head**')}
	- ${HIDDEN_SENTENCES.short}
`;
