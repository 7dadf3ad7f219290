// Specification of the incremental check (src/lib/build/check-session.ts) and of what a re-check
// reports (diagnostic-diff.ts): after any sequence of edits, additions, removals and folder moves,
// the session's diagnostics equal a fresh check of the folder; only changed files are read again;
// a problem whose line merely moved is neither new nor fixed.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultDomains } from '../../src/config.ts';
import { CheckSession } from '../../src/lib/build/check-session.ts';
import { diffDiagnostics } from '../../src/lib/build/diagnostic-diff.ts';
import { diagnostic } from '../../src/lib/diagnostics.ts';

const config = { publishAll: false, domains: defaultDomains };
const page = (termId: string, title: string, extra = '') =>
  `- ### OntologyBlock\n\t- term-id:: ${termId}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${title} is a test concept.\n${extra}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-session-'));
  writeFileSync(path.join(dir, 'Alpha.md'), page('AI-0001', 'Alpha'));
  writeFileSync(path.join(dir, 'Beta.md'), page('AI-0002', 'Beta', '\t- is-subclass-of:: [[Alpha]]\n'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fresh = () => {
  const s = new CheckSession(dir, config);
  s.loadAll();
  return s.check().diagnostics;
};
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
};

describe('CheckSession', () => {
  it('equals a fresh check after edits, additions, removals and a folder move', () => {
    const session = new CheckSession(dir, config);
    session.loadAll();
    expect(session.check().diagnostics).toEqual([]);

    write('Beta.md', page('AI-0002', 'Beta', '\t- is-subclass-of:: [[Alpah]]\n'));
    expect(session.update(['Beta.md'])).toEqual(['Beta.md']);
    expect(session.check().diagnostics).toEqual(fresh());
    expect(session.check().diagnostics.map((d) => [d.code, d.suggestions])).toEqual([['missing-parent', ['Alpha']]]);

    write('sub/Gamma.md', page('AI-0002', 'Gamma'));
    expect(session.update(['sub'])).toEqual(['sub/Gamma.md']);
    expect(session.check().diagnostics.map((d) => d.code)).toContain('duplicate-term-id');
    expect(session.check().diagnostics).toEqual(fresh());

    renameSync(path.join(dir, 'sub'), path.join(dir, 'moved'));
    expect(session.update(['sub', 'moved'])).toEqual(['moved/Gamma.md', 'sub/Gamma.md']);
    expect(session.check().diagnostics).toEqual(fresh());

    rmSync(path.join(dir, 'Alpha.md'));
    expect(session.update(['Alpha.md'])).toEqual(['Alpha.md']);
    expect(session.check().diagnostics).toEqual(fresh());
    expect(session.size).toBe(2);
  });

  it('reads only named files again, and reports nothing when their bytes did not change', () => {
    const session = new CheckSession(dir, config);
    session.loadAll();
    write('Beta.md', page('AI-0002', 'Beta', '\t- is-subclass-of:: [[Alpha]]\n'));
    expect(session.update(['Beta.md'])).toEqual([]);
    expect(session.update(['.Beta.md.swp', '4913'])).toEqual([]);
    // A changed file the watcher did not name is left as it was read until it is named.
    write('Alpha.md', page('AI-0001', 'Alpha', '- See [[Nowhere]].\n'));
    expect(session.update(['Beta.md'])).toEqual([]);
    expect(session.check().diagnostics).toEqual([]);
    expect(session.update(['Alpha.md'])).toEqual(['Alpha.md']);
    expect(session.check().diagnostics.map((d) => d.code)).toEqual(['broken-link']);
  });

  it('keeps the extracted pages unchanged by the graph (unique slugs are assigned on copies)', () => {
    write('alpha-2.md', page('AI-0003', 'Alpha'));
    const session = new CheckSession(dir, config);
    session.loadAll();
    const first = session.check().build.graph.nodes.map((n) => n.slug);
    const second = session.check().build.graph.nodes.map((n) => n.slug);
    expect(second).toEqual(first);
    expect(first).toEqual(['alpha', 'alpha-2', 'beta']);
  });
});

describe('diffDiagnostics', () => {
  const broken = (line: number, target = 'X') => diagnostic('broken-link', 'a.md', line, `link "${target}" resolves to no page`, target);

  it('lists new and fixed problems, ignoring a problem whose line moved', () => {
    const before = [broken(3), broken(5, 'Y')];
    const after = [broken(4), broken(9, 'Z')];
    expect(diffDiagnostics(before, after)).toEqual({ added: [broken(9, 'Z')], fixed: [broken(5, 'Y')] });
  });

  it('counts repeated problems one by one', () => {
    expect(diffDiagnostics([broken(3)], [broken(3), broken(7)])).toEqual({ added: [broken(7)], fixed: [] });
    expect(diffDiagnostics([broken(3), broken(7)], [broken(7)]).fixed).toHaveLength(1);
  });
});
