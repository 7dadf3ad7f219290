// Specification of the synthetic corpus generator (scripts/lib/corpus.ts): deterministic output, the
// five dialects and the shapes real graphs drift into, a manifest that matches the files, planted defects that really are in the files they
// name, private markers only in private files, and generation fast enough for 10k-page corpora.

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, type Manifest, renderCorpus } from '../../scripts/lib/corpus.ts';
import { camelCase } from '../../scripts/lib/plan.ts';

describe('determinism', () => {
  it('same options give identical files and manifest', () => {
    const a = renderCorpus({ pages: 300, seed: 7, defects: true });
    const b = renderCorpus({ pages: 300, seed: 7, defects: true });
    expect(JSON.stringify(b.manifest)).toBe(JSON.stringify(a.manifest));
    expect([...b.files.keys()]).toEqual([...a.files.keys()]);
    for (const [file, content] of a.files) expect(Buffer.from(b.files.get(file)!).equals(Buffer.from(content))).toBe(true);
  });

  it('writes the same bytes to disk on every run', () => {
    const dirs = [mkdtempSync(join(tmpdir(), 'corpus-a-')), mkdtempSync(join(tmpdir(), 'corpus-b-'))];
    try {
      for (const out of dirs) generateCorpus({ pages: 120, seed: 3, out, defects: true });
      const list = (d: string): string[] => readdirSync(join(d, 'pages')).sort();
      expect(list(dirs[1])).toEqual(list(dirs[0]));
      for (const f of list(dirs[0])) {
        expect(readFileSync(join(dirs[1], 'pages', f)).equals(readFileSync(join(dirs[0], 'pages', f)))).toBe(true);
      }
      expect(readFileSync(join(dirs[1], 'manifest.json'), 'utf8')).toBe(readFileSync(join(dirs[0], 'manifest.json'), 'utf8'));
    } finally {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
  });

  it('a different seed gives a different corpus', () => {
    const a = renderCorpus({ pages: 100, seed: 1 });
    const b = renderCorpus({ pages: 100, seed: 2 });
    expect(a.manifest.concepts.map((c) => c.title)).not.toEqual(b.manifest.concepts.map((c) => c.title));
  });

  it('--defects does not change the base corpus (titles, taxonomy, privacy)', () => {
    const plain = renderCorpus({ pages: 400, seed: 11 }).manifest;
    const defective = renderCorpus({ pages: 400, seed: 11, defects: true }).manifest;
    expect(defective.private).toEqual(plain.private);
    expect(defective.concepts.map((c) => c.title)).toEqual(plain.concepts.map((c) => c.title));
    expect(plain.planted.xss).toEqual([]);
  });
});

describe('a 1000-page corpus with defects', () => {
  let out: string;
  let manifest: Manifest;
  const files = new Map<string, Buffer>();
  const text = (file: string): string => files.get(file)!.toString('utf8');

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'corpus-'));
    manifest = generateCorpus({ pages: 1000, seed: 42, out, defects: true });
    for (const f of readdirSync(join(out, 'pages'))) files.set(f, readFileSync(join(out, 'pages', f)));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes the manifest it returns', () => {
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(manifest);
    expect(manifest).toMatchObject({ seed: 42, pages: 1000, defects: true });
  });

  it('counts in the manifest match the files', () => {
    expect(files.size).toBe(manifest.totals.files);
    expect(manifest.totals.files).toBe(1000 + manifest.planted.malformed.length);
    expect(manifest.totals.public).toBe(manifest.concepts.length);
    expect(manifest.totals.private).toBe(manifest.private.length);
    expect(manifest.concepts.length + manifest.private.length).toBe(1000);
    let bytes = 0;
    for (const f of files.keys()) bytes += statSync(join(out, 'pages', f)).size;
    expect(bytes).toBe(manifest.totals.bytes);
    for (const c of manifest.concepts) expect(files.has(c.file)).toBe(true);
    for (const p of manifest.private) expect(files.has(p.file)).toBe(true);
  });

  it('mixes all five dialects, each recognisable in its files', () => {
    const byDialect = Map.groupBy(manifest.concepts, (c) => c.dialect);
    expect([...byDialect.keys()].sort()).toEqual(['front', 'groups', 'inline', 'jsonld', 'tabs']);
    for (const group of byDialect.values()) expect(group.length).toBeGreaterThan(90);
    for (const c of manifest.concepts) {
      const t = text(c.file);
      if (c.dialect === 'jsonld') {
        const blocks = [...t.matchAll(/```json-ld\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]) as Record<string, unknown>);
        const cls = blocks.find((b) => b['@type'] === 'Class');
        expect(cls?.label).toBe(c.title);
        expect(blocks.some((b) => b['@type'] === 'Page')).toBe(true);
        if (c.termId) expect(t).toContain(`"vc:value": "${c.termId}"`);
        expect(t).toMatch(/^- ### Definition\n {2}- \S/m);
        expect(t).not.toMatch(/^\s*- (term-id|preferred-term|definition)::/m);
      }
      if (c.dialect === 'tabs') expect(t.startsWith('- ### OntologyBlock\n  id:: ')).toBe(true);
      if (c.dialect === 'tabs') expect(t).toMatch(/^(\t| {4})?- term-id:: /m); // in the block, or beside it
      if (c.dialect === 'groups') expect(t).toMatch(/^ {2,4}- \*\*Identification\*\*$/m);
      if (c.dialect === 'groups') expect(t).toMatch(/^- ## /m);
      if (c.dialect === 'inline') expect(t).toMatch(/^public:: true\n/);
      if (c.dialect === 'inline') expect(t).toContain('\n- OntologyBlock\n');
      if (c.dialect === 'front') expect(matter(t).data['preferred-term']).toBe(c.title);
    }
  });

  it('includes the shapes of real graphs beyond the canonical page', () => {
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).toMatch(/^- ### OntologyBlock\n.*\n.*\n\t- ontology:: true\n- term-id:: /m); // properties beside the block
    expect(all).toMatch(/^- is-subclass-of:: .*\n\t- definition:: /m); // a definition nested under a parent line
    expect(all).toMatch(/definition:: ### Primary Definition\n\s+- \S/); // its text in a child bullet
    expect(all).toMatch(/^- ### Definition\n\s+- \S/m); // a Definition section
    expect(all).toMatch(/\[\[[^\]|]+\|[^\]]+\]\]/); // [[Target|label]]
    expect(all).toMatch(/\[[^\]]+\]\(\[\[[^\]]+\]\]\)/); // [label]([[Target]])
    expect(all).toMatch(/^tags:: [A-Z ]+, Glossary$/m); // tags in another case
    expect(all).toMatch(/"subClassOf": \{/); // one parent as an object
    expect(all).toContain('"vc:plainGloss"');
    expect(manifest.concepts.some((c) => c.termId === null && c.dialect === 'jsonld')).toBe(true);
    expect(manifest.concepts.some((c) => /^[^ ]+_[^ ]+$/.test(c.title) && text(c.file).includes(`preferred-term:: ${c.title}`))).toBe(true);
    // Parents only in OWL: a page with parents and an OWL fence but no is-subclass-of line.
    const owlOnly = manifest.concepts.filter(
      (c) =>
        c.parents.length > 0 &&
        c.dialect !== 'jsonld' &&
        c.dialect !== 'front' &&
        !text(c.file).includes('is-subclass-of') &&
        text(c.file).includes('SubClassOf('),
    );
    expect(owlOnly.length).toBeGreaterThan(0);
    // Text after child bullets: a continuation line (not a bullet) right after a deeper bullet.
    expect(all).toMatch(/^( {2}|\t| {4})- .*\n\1\1- .*\n\1[A-Z*][^\n]*$/m);
  });

  it('includes the drift real graphs show', () => {
    const all = [...files.values()].map((b) => b.toString('utf8')).join('\n');
    expect(all).toContain('definition:: ### Primary Definition\n');
    expect(all).toMatch(/filename-history:: \["[^"]+\.md"/);
    expect(all).toContain('owl:class:: ');
    expect(all).toContain('tc:platform:: ');
    expect(all).toMatch(/^\s+- [a-z-]+::$/m); // empty value
    expect(all).toMatch(/:: \S.* {2}$/m); // trailing spaces
    expect(all).toMatch(/^ {4}- /m); // 4-space indentation
    expect(all).toMatch(/^\t- .*\n {4}- /m); // a tab list with a 4-space line in it
    expect(all).toMatch(/is-subclass-of:: \[\[[^\]]+\]\], \[\[/); // comma-separated parents
    expect(all).toContain('requires:: [[');
    expect(all).toMatch(/^alias:: .+, /m);
    expect(all).toMatch(/\$\$.+\$\$/);
    expect(all).toMatch(/^\| --- \|/m);
    expect(all).toContain('```clojure');
    expect(all).toContain('](https://');
    // CamelCased parent links against spaced titles.
    const camel = manifest.concepts.some(
      (c) => c.dialect === 'tabs' && c.parents.some((p) => p.includes(' ') && text(c.file).includes(`is-subclass-of:: [[${camelCase(p)}]]`)),
    );
    expect(camel).toBe(true);
  });

  it('spells source-domain several ways per domain and uses several term-id prefixes', () => {
    const spellings = new Set([...files.values()].flatMap((b) => [...b.toString('utf8').matchAll(/source-domain::? (\S+)/g)].map((m) => m[1])));
    for (const s of ['ai', 'artificial-intelligence', 'blockchain', 'distributed-ledger', 'robotics', 'metaverse']) expect(spellings).toContain(s);
    const prefixes = new Set(manifest.concepts.flatMap((c) => (c.termId ? [c.termId.split('-')[0]] : [])));
    for (const p of ['AI', 'BC', 'RB', 'MV']) expect(prefixes).toContain(p);
  });

  it('encodes namespaced titles with ___ in the file name', () => {
    const namespaced = manifest.concepts.filter((c) => c.title.includes('/'));
    expect(namespaced.length).toBeGreaterThan(0);
    for (const c of namespaced) expect(c.file).toBe(`${c.title.replaceAll('/', '___')}.md`);
  });

  it('builds a lattice: few roots, some concepts with two parents, parents published and earlier', () => {
    const order = new Map(manifest.concepts.map((c, i) => [c.title, i]));
    const cycleMembers = new Set(manifest.planted.cycles.flat());
    const roots = manifest.concepts.filter((c) => c.parents.length === 0);
    expect(roots.length).toBeLessThan(60);
    const two = manifest.concepts.filter((c) => c.parents.length >= 2).length / manifest.concepts.length;
    expect(two).toBeGreaterThan(0.06);
    expect(two).toBeLessThan(0.2);
    for (const c of manifest.concepts) {
      for (const p of c.parents) {
        expect(order.has(p)).toBe(true); // only published parents are listed
        if (!cycleMembers.has(c.title)) expect(order.get(p)!).toBeLessThan(order.get(c.title)!);
      }
    }
  });

  it('withholds about 3% of pages, each with a unique marker found only in its own file', () => {
    expect(manifest.private.length).toBeGreaterThan(10);
    expect(manifest.private.length).toBeLessThan(60);
    const markers = new Set(manifest.private.map((p) => p.marker));
    expect(markers.size).toBe(manifest.private.length);
    const privateFiles = new Set(manifest.private.map((p) => p.file));
    for (const [file, bytes] of files) {
      const t = bytes.toString('latin1');
      if (!privateFiles.has(file)) expect(t).not.toMatch(/zzsecret[0-9a-f]/);
    }
    for (const p of manifest.private) {
      const t = text(p.file);
      expect(t).toMatch(/public(-access)?::? false/);
      expect(t.match(new RegExp(p.marker, 'g'))!.length).toBeGreaterThanOrEqual(2); // definition and body
      expect(t).toMatch(new RegExp(`definition:: .*${p.marker}|\\n[^\\n]*${p.marker}[^\\n]*\\n`));
    }
  });

  it('plants broken links, missing parents, duplicate and invalid term ids where the manifest says', () => {
    const { brokenLinks, missingParents, duplicateTermIds, invalidTermIds, missingPreferredTerm, cycles } = manifest.planted;
    expect(brokenLinks.length).toBeGreaterThanOrEqual(20);
    for (const b of brokenLinks) expect(text(b.file)).toContain(`[[${b.target}]]`);
    expect(missingParents.length).toBeGreaterThanOrEqual(2);
    for (const m of missingParents) {
      const t = text(m.file);
      expect(t.includes(`[[${m.parent}]]`) || t.includes(`  - "${m.parent}"`) || t.includes(`"label": "${m.parent}"`)).toBe(true);
      expect(manifest.concepts.find((c) => c.file === m.file)!.parents).not.toContain(m.parent);
    }
    expect(duplicateTermIds.length).toBeGreaterThanOrEqual(1);
    for (const d of duplicateTermIds) {
      expect(d.files[0]).not.toBe(d.files[1]);
      for (const f of d.files) expect(text(f)).toMatch(new RegExp(`term-id:?:? "?${d.termId}"?\\s*$`, 'm'));
    }
    for (const i of invalidTermIds) {
      expect(text(i.file)).toContain(i.termId);
      expect(i.termId).not.toMatch(/^([A-Z]{2}-\d{4}|\d+)$/);
    }
    for (const m of missingPreferredTerm) {
      expect(text(m.file)).not.toContain('preferred-term');
      const concept = manifest.concepts.find((c) => c.file === m.file)!;
      expect(concept.title).toBe(m.file.replace(/\.md$/, '').replaceAll('___', '/'));
    }
    expect(cycles.length).toBeGreaterThanOrEqual(1);
    const byTitle = new Map(manifest.concepts.map((c) => [c.title, c]));
    for (const [a, b] of cycles) {
      expect(byTitle.get(a)!.parents).toContain(b);
      expect(byTitle.get(b)!.parents).toContain(a);
      // b's page really names a as a parent (in whichever spelling its dialect uses).
      const parentLines = text(byTitle.get(b)!.file)
        .split('\n')
        .filter((l) => /is-subclass-of|^\s+- "|"label": /.test(l))
        .join('\n');
      expect([a, camelCase(a), a.toLowerCase()].some((spelling) => parentLines.includes(`[[${spelling}]]`) || parentLines.includes(`"${spelling}"`))).toBe(
        true,
      );
    }
  });

  it('plants every kind of XSS payload in body, definition and alias', () => {
    const { xss } = manifest.planted;
    expect(new Set(xss.map((x) => x.where))).toEqual(new Set(['body', 'definition', 'alias']));
    const all = xss.map((x) => x.payload).join('\n');
    for (const needle of [
      '<script>',
      'onerror=',
      '](javascript:',
      'href="javascript:',
      '<svg onload',
      '<iframe src="javascript:',
      '](data:text/html',
      'href="data:text/html',
    ]) {
      expect(all).toContain(needle);
    }
    for (const x of xss) {
      const t = text(x.file);
      expect(t).toContain(x.payload);
      const line = t.split('\n').find((l) => l.includes(x.payload))!;
      if (x.where === 'definition') expect(line).toMatch(/definition:?:? /);
      if (x.where === 'alias') expect(line).toMatch(/^(alias:: |\s*- alt-terms:: |\s+- ')/);
    }
  });

  it('writes the malformed files as described', () => {
    const byExpect = (code: string | null): string[] => manifest.planted.malformed.filter((m) => m.expect === code).map((m) => m.file);
    expect(manifest.planted.malformed).toHaveLength(8);
    const contents = manifest.planted.malformed.map((m) => files.get(m.file)!);
    expect(contents.some((b) => b.length === 0)).toBe(true);
    expect(contents.some((b) => b.length > 0 && b.toString('utf8').trim() === '')).toBe(true);
    expect(
      contents.some((b) =>
        b
          .toString('utf8')
          .split('\n')
          .some((l) => l.length >= 1_000_000),
      ),
    ).toBe(true);
    expect(contents.some((b) => b.toString('utf8').includes(`${'\t'.repeat(199)}- `))).toBe(true);
    const [missingId] = byExpect('missing-term-id');
    expect(text(missingId)).toMatch(/^\t- :: /m);
    expect(text(missingId)).toMatch(/^\t- term-id::\s*$/m);
    const [fence] = byExpect('unclosed-fence');
    expect(text(fence).split('```').length % 2).toBe(0); // an odd number of fence marks
    const parseErrors = byExpect('parse-error');
    expect(parseErrors).toHaveLength(2);
    let badYaml = 0;
    let badUtf8 = 0;
    for (const f of parseErrors) {
      const bytes = files.get(f)!;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        badUtf8++;
        continue;
      }
      expect(() => matter(bytes.toString('utf8'), {})).toThrow();
      badYaml++;
    }
    expect([badYaml, badUtf8]).toEqual([1, 1]);
  });
});

describe('across seeds and sizes', () => {
  it.each([1, 2, 3, 8, 9, 11, 19, 22])('seed %i: every plant is in its file and markers stay in private files', (seed) => {
    for (const pages of [10, 57, 400]) {
      const { manifest, files } = renderCorpus({ pages, seed, defects: true });
      const text = (f: string): string => Buffer.from(files.get(f)!).toString('latin1');
      const p = manifest.planted;
      for (const x of p.xss) expect(text(x.file), `${x.file} ${x.where}`).toContain(x.payload);
      expect(new Set(p.xss.map((x) => x.where)).size).toBe(3);
      for (const b of p.brokenLinks) expect(text(b.file)).toContain(`[[${b.target}]]`);
      for (const m of p.missingParents) expect(text(m.file)).toContain(m.parent);
      for (const d of p.duplicateTermIds) for (const f of d.files) expect(text(f)).toContain(d.termId);
      for (const i of p.invalidTermIds) expect(text(i.file)).toContain(i.termId);
      for (const m of p.missingPreferredTerm) expect(text(m.file)).not.toContain('preferred-term');
      expect(p.cycles.length).toBeGreaterThanOrEqual(1);
      const privateFiles = new Set(manifest.private.map((x) => x.file));
      for (const f of files.keys()) if (!privateFiles.has(f)) expect(text(f)).not.toContain('zzsecret');
      for (const x of manifest.private) expect(text(x.file).split(x.marker).length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('scale', () => {
  it('renders 1000 pages well under a few seconds and scales linearly', () => {
    const t0 = performance.now();
    const small = renderCorpus({ pages: 1000, seed: 5, defects: true });
    const t1 = performance.now();
    const large = renderCorpus({ pages: 4000, seed: 5 });
    const t2 = performance.now();
    expect(t1 - t0).toBeLessThan(2500);
    expect(large.files.size).toBe(4000);
    expect(t2 - t1).toBeLessThan(10_000);
    expect(small.manifest.totals.bytes).toBeGreaterThan(1_000_000);
  });

  it('rejects nonsense sizes', () => {
    expect(() => renderCorpus({ pages: 3, seed: 1 })).toThrow(/pages/);
  });
});
