// Cached output follows the code that made it: when a render plugin changes what it outputs, the next
// (warm) build renders every page again and ships the new HTML, with no version number to bump. The
// build runs in a private copy of the project, whose renderer the test then edits.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { projectCopy } from '../../scripts/lib/site-build.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-renderer-change-'));
const copy = projectCopy();
afterAll(() => {
  copy.remove();
  rmSync(tmp, { recursive: true, force: true });
});

const page = (id: string, title: string, body: string) =>
  `- ### OntologyBlock\n\t- term-id:: ${id}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test page.\n${body}`;

it('a warm build after a render plugin changed renders every page again and ships the new output', () => {
  const content = path.join(tmp, 'content');
  const out = path.join(tmp, 'dist');
  mkdirSync(content);
  writeFileSync(path.join(content, 'Code Page.md'), page('TC-0001', 'Code Page', '- An example:\n  ```python\n  print(1)\n  ```\n'));
  writeFileSync(path.join(content, 'Plain Page.md'), page('TC-0002', 'Plain Page', '- Just prose.\n'));
  const first = copy.build(content, out);
  expect(first).toMatch(/2 pages rendered, 0 reused/);
  expect(copy.build(content, out)).toMatch(/0 pages rendered, 2 reused/);
  const html = () => readFileSync(path.join(out, 'concepts', 'code-page', 'index.html'), 'utf8');
  expect(html()).not.toContain('kb-changed-highlighter');

  const plugin = path.join(copy.dir, 'src', 'lib', 'render', 'rehype-code.ts');
  const original = readFileSync(plugin, 'utf8');
  const changed = original.replace(
    "if (!classes.includes('hljs')) classes.unshift('hljs');",
    "if (!classes.includes('hljs')) classes.unshift('hljs', 'kb-changed-highlighter');",
  );
  expect(changed).not.toBe(original);
  writeFileSync(plugin, changed);

  expect(copy.build(content, out)).toMatch(/2 pages rendered, 0 reused/);
  expect(html()).toContain('kb-changed-highlighter');
}, 300_000);
