// Specification of the audit CLI (scripts/audit.ts): human and JSON output, exit status 0 for a
// clean site, 1 when something is found, 2 for usage errors; and its speed on a larger site.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditSite, runAudit } from '../../src/lib/audit/index.ts';
import { pagefindFile, type TempSite, tempSite } from './fixtures.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts', 'audit.ts'), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let site: TempSite;
afterEach(() => site?.remove());

function smallSite(): TempSite {
  const s = tempSite();
  s.page('index.html', '<a href="/a/">A</a>', { title: 'Home' });
  s.page('a/index.html', '<p>A page.</p>', { title: 'A' });
  s.write('content/Secret.md', '- Secret plans are described in this sentence of many words.\n');
  s.write('content/Open.md', 'public:: true\n- Open text.\n');
  return s;
}

describe('scripts/audit.ts', () => {
  it('exits 0 and says so for a clean site', () => {
    site = smallSite();
    const r = cli([site.dist, '--content', site.content]);
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Clean: /m);
    expect(r.stdout).toContain('2 HTML pages; 1 withheld source pages');
  });

  it('exits 1 and lists findings by file and line; --json prints one object', () => {
    site = smallSite();
    site.page('b.html', '<p>Secret plans are described in this sentence of many words.</p><a href="/gone/">x</a>', { title: '' });
    site.write('dist/pagefind/fragment/en_1.pf_fragment', pagefindFile('{"content":"zzsecretabc123 here"}'));
    site.write('manifest.json', JSON.stringify({ private: [{ file: 'Secret.md', title: 'Secret', marker: 'zzsecretabc123' }] }));
    const human = cli([site.dist, '--manifest', join(site.root, 'manifest.json')], { KB_CONTENT_DIR: site.content });
    expect(human.status).toBe(1);
    expect(human.stdout).toContain('b.html:5: text of withheld page "Secret" (Secret.md)');
    expect(human.stdout).toContain('pagefind/fragment/en_1.pf_fragment: private marker "zzsecretabc123"');
    expect(human.stdout).toContain('b.html:5: href="/gone/" on <a>: no such file');
    expect(human.stdout).toContain('b.html: empty <title>');
    expect(human.stdout).toMatch(/4 problems in 2 files: 2 leaks of withheld content, 0 injected script, 1 dead links, 1 malformed pages/);
    const json = cli([site.dist, '--content', site.content, '--manifest', join(site.root, 'manifest.json'), '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.counts).toEqual({ leak: 2, 'injected-script': 0, 'dead-link': 1, malformed: 1 });
    expect(report.findings[0]).toMatchObject({ check: 'leak', file: 'b.html', line: 5 });
  });

  it('exits 2 on a missing dist or bad options', () => {
    expect(cli(['/nonexistent/dist']).status).toBe(2);
    expect(cli(['--bogus']).status).toBe(2);
  });
});

describe('speed', () => {
  it('audits 2000 pages in a few seconds, in one thread or several', async () => {
    site = tempSite();
    const n = 2000;
    const nav = Array.from({ length: 30 }, (_, k) => `<a href="/c/${k}/">Concept ${k}</a>`).join(' ');
    for (let i = 0; i < n; i++) {
      const paras = Array.from(
        { length: 30 },
        (_, k) =>
          `<p id="p${k}">Paragraph ${k} of concept ${i} explains how weights change during training, see <a href="/c/${(i + k) % n}/#p${k}">concept ${(i + k) % n}</a>.</p>`,
      ).join('\n');
      site.page(`c/${i}/index.html`, `<nav>${nav}</nav><main>${paras}</main>`, { title: `Concept ${i}` });
      site.write(`dist/pagefind/fragment/en_${i}.pf_fragment`, pagefindFile(JSON.stringify({ url: `/c/${i}/`, content: `Concept ${i} explains weights.` })));
    }
    site.write('content/Hidden.md', '- A hidden sentence that never reaches the built site at all.\n');
    const t0 = performance.now();
    const report = runAudit({ dist: site.dist, contentDir: site.content });
    const ms = performance.now() - t0;
    expect(report.htmlPages).toBe(n);
    expect(report.findings).toEqual([]);
    expect(ms).toBeLessThan(15_000);

    // Worker threads find the same things as the in-process scan.
    site.page('extra/index.html', '<p>A hidden sentence that never reaches the built site at all.</p><a href="/c/nope/">x</a>', { title: 'Seven' });
    const serial = runAudit({ dist: site.dist, contentDir: site.content });
    const parallel = await auditSite({ dist: site.dist, contentDir: site.content, workers: 2 });
    expect(parallel.parallelFallback).toBeUndefined();
    expect(parallel.threads).toBe(2);
    expect(serial.findings.map((f) => f.check)).toEqual(['leak', 'dead-link']);
    expect(parallel.findings).toEqual(serial.findings);
  });
});
