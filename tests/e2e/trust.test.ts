// Trustworthy output (issue: no leaks, no injected script, no dead links, same bytes every build):
// a 300-page generated corpus with planted defects is built twice from cold caches and once warm;
// the audit finds nothing, the builds are byte-identical, and every page carrying an XSS payload
// loads in Chromium without a dialog or a console error. A corpus of nothing but malformed files
// still builds a valid site, lists its problems on the optional diagnostics page, and fails in
// strict mode.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsoleErrors, launchBrowser, serveDir } from '../../scripts/lib/browser.ts';
import { generateCorpus, type Manifest } from '../../scripts/lib/corpus.ts';
import { loadSiteConfig } from '../../src/config.ts';
import { listFiles } from '../../src/lib/audit/files.ts';
import { runAudit } from '../../src/lib/audit/index.ts';
import { loadContent } from '../../src/lib/ontology/load.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'kb-trust-'));
let manifest: Manifest;
const pagesDir = path.join(tmp, 'corpus', 'pages');

function build(content: string, outDir: string, cacheDir: string, env: Record<string, string> = {}) {
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--outDir', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, KB_CONTENT_DIR: content, KB_CACHE_DIR: cacheDir, KB_STRICT: '', KB_DIAGNOSTICS_PAGE: '', ...env },
  });
}

function mustBuild(content: string, outDir: string, cacheDir: string, env: Record<string, string> = {}) {
  const r = build(content, outDir, cacheDir, env);
  if (r.status !== 0) throw new Error(`build failed (${r.status}):\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return r;
}

beforeAll(() => {
  manifest = generateCorpus({ pages: 300, seed: 13, out: path.join(tmp, 'corpus'), defects: true });
  mustBuild(pagesDir, path.join(tmp, 'a'), path.join(tmp, 'cache-a'));
  mustBuild(pagesDir, path.join(tmp, 'b'), path.join(tmp, 'cache-b'));
  mustBuild(pagesDir, path.join(tmp, 'c'), path.join(tmp, 'cache-a'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a site built from a corpus with planted defects', () => {
  it('passes the audit: no leaks, no injected script, no dead links, no malformed pages', () => {
    const manifestFile = path.join(tmp, 'corpus', 'manifest.json');
    const report = runAudit({ dist: path.join(tmp, 'a'), contentDir: pagesDir, manifestFile });
    expect(report.markers).toBe(manifest.private.length);
    expect(report.withheldPages).toBeGreaterThan(0);
    expect(report.findings).toEqual([]);
  });

  it('is byte-identical across two cold builds and a warm rebuild', () => {
    const files = listFiles(path.join(tmp, 'a'));
    expect(files.length).toBeGreaterThan(300);
    for (const other of ['b', 'c']) {
      expect(listFiles(path.join(tmp, other))).toEqual(files);
      const differing = files.filter((f) => !readFileSync(path.join(tmp, 'a', f)).equals(readFileSync(path.join(tmp, other, f))));
      expect(differing, `${other}: files that differ`).toEqual([]);
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let server: { url: string; close: () => Promise<void> };
    beforeAll(async () => {
      browser = await launchBrowser();
      server = await serveDir(path.join(tmp, 'a'));
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('opens every page carrying an XSS payload without a dialog or a console error', async () => {
      const build = loadContent(pagesDir, loadSiteConfig({}));
      const slugOf = new Map(build.graph.nodes.map((n) => [n.file, n.slug]));
      const pages = [...new Set(manifest.planted.xss.map((x) => slugOf.get(x.file)).filter((s): s is string => s !== undefined))];
      expect(pages.length).toBeGreaterThan(3);
      // A wikilink's preview is built from its target's title and summary, which may carry payloads:
      // for each page with a payload, one published page that links to it, where its preview shows.
      const linking = new Map<string, string>();
      const conceptsDir = path.join(tmp, 'a', 'concepts');
      for (const from of readdirSync(conceptsDir)) {
        const html = readFileSync(path.join(conceptsDir, from, 'index.html'), 'utf8');
        for (const slug of pages) if (!linking.has(slug) && slug !== from && html.includes(`data-preview="${slug}"`)) linking.set(slug, from);
      }
      expect(linking.size, 'pages with payloads that another page links to').toBeGreaterThan(0);

      const visits = [
        ...pages.map((slug) => ({ slug, preview: undefined as string | undefined })),
        ...[...linking].map(([target, slug]) => ({ slug, preview: target })),
      ];
      for (const { slug, preview } of visits) {
        const page = await browser.newPage();
        const errors = collectConsoleErrors(page);
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(`${server.url}concepts/${slug}/`, { waitUntil: 'load' });
        // Every content link gets the events injected handlers listen for.
        await page
          .locator('article')
          .first()
          .evaluate((article) => {
            for (const a of article.querySelectorAll('a')) {
              for (const type of ['mouseover', 'mouseenter', 'mousemove', 'mouseout', 'mouseleave']) a.dispatchEvent(new MouseEvent(type, { bubbles: true }));
              a.dispatchEvent(new FocusEvent('focus'));
            }
          });
        // The preview of a link (the one to the page with a payload, or the page's first) is shown.
        const link = page.locator(preview === undefined ? 'article a[data-preview]' : `article a[data-preview="${preview}"]`).first();
        if ((await link.count()) > 0 && (await link.isVisible())) {
          await link.hover();
          const tooltip = page.locator('#wl-preview');
          await tooltip.waitFor({ state: 'visible', timeout: 5000 });
          expect(await tooltip.evaluate((t) => t.querySelectorAll('script, iframe, [onerror], [onload], [onmouseover]').length), slug).toBe(0);
          await page.keyboard.press('Escape');
          await tooltip.waitFor({ state: 'hidden', timeout: 5000 });
        }
        expect(dialogs, slug).toEqual([]);
        expect(errors, slug).toEqual([]);
        await page.close();
      }
    });
  });
});

describe('a corpus of nothing but malformed files', () => {
  const bad = path.join(tmp, 'bad');
  beforeAll(() => {
    mkdirSync(bad, { recursive: true });
    writeFileSync(path.join(bad, 'Empty.md'), '');
    writeFileSync(path.join(bad, 'Binary.md'), Buffer.from([0xff, 0xfe, 0x00, 0x9c, 0x80]));
    writeFileSync(path.join(bad, 'Broken Yaml.md'), '---\nterm-id: [unclosed\n---\n# x\n');
    writeFileSync(path.join(bad, 'No Id.md'), '- ### OntologyBlock\n\t- preferred-term:: No Id\n\t- public-access:: true\n');
    writeFileSync(path.join(bad, 'Fence.md'), '- ### OntologyBlock\n\t- term-id:: AI-0001\n\t- public-access:: true\n- ```js\n  never closed\n');
  });

  it('still builds a valid site and lists every problem on the diagnostics page when it is on', () => {
    const out = path.join(tmp, 'bad-dist');
    const r = mustBuild(bad, out, path.join(tmp, 'cache-bad'), { KB_DIAGNOSTICS_PAGE: '1' });
    expect(r.stdout).toMatch(/diagnostics: [1-9]\d* errors/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const diagnostics = readFileSync(path.join(out, 'diagnostics', 'index.html'), 'utf8');
    for (const code of ['parse-error', 'missing-term-id', 'unclosed-fence']) expect(diagnostics).toContain(code);
    expect(runAudit({ dist: out, contentDir: bad }).findings).toEqual([]);
  });

  it('fails the build in strict mode, naming the problems', () => {
    const r = build(bad, path.join(tmp, 'bad-strict'), path.join(tmp, 'cache-strict'), { KB_STRICT: '1' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/KB_STRICT/);
    expect(r.stdout + r.stderr).toMatch(/Binary\.md:1: error parse-error/);
  });
});
