// The render cache and automatic term links: a cached body is rendered again exactly when a term it
// mentions appears in or vanishes from the glossary (or the setting changes), and reused otherwise,
// also when a linked concept's definition changes (automatic links carry no text of their target).
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '../../src/config.ts';
import { buildSite, type SiteBuild } from '../../src/lib/build/pipeline.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kb-autolink-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = (id: number, title: string, definition: string, body: string) =>
  `- ### OntologyBlock\n\t- term-id:: AI-${String(id).padStart(4, '0')}\n\t- preferred-term:: ${title}\n\t- public-access:: true\n\t- definition:: ${definition}\n${body}`;
const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);

let last: SiteBuild | null = null;
function build(env: Record<string, string> = {}): { rendered: string[]; html: (slug: string) => string } {
  const cache = new Map(last?.pages.map((p) => [p.node.slug, p.render]) ?? []);
  const site = buildSite({ contentDir: dir, config: loadSiteConfig(env), cache });
  const bodies = new Map(last?.pages.map((p) => [p.render.bodyDigest, p.rendered?.html ?? '']) ?? []);
  for (const p of site.pages) if (p.rendered) bodies.set(p.render.bodyDigest, p.rendered.html);
  last = site;
  return {
    rendered: site.pages
      .filter((p) => p.rendered)
      .map((p) => p.node.slug)
      .sort(),
    html: (slug) => bodies.get(site.pages.find((p) => p.node.slug === slug)?.render.bodyDigest ?? '') ?? '',
  };
}

describe('render cache with automatic term links', () => {
  it('renders a page again only when a term it mentions appears or vanishes', () => {
    write('weight.md', page(1, 'Weight', 'A weight scales an input.', '- Nothing to link here.\n'));
    write('step.md', page(2, 'Step', 'A step changes weights.', '- A step applies gradient clipping to each weight.\n'));
    write('other.md', page(3, 'Other', 'Unrelated.', '- This page talks about something else entirely.\n'));
    const first = build();
    expect(first.rendered).toEqual(['other', 'step', 'weight']);
    expect(first.html('step')).toContain('href="/concepts/weight/"');
    expect(build().rendered).toEqual([]);

    // A new concept whose term the step page mentions: that page (and the new one) render again.
    write('clipping.md', page(4, 'Gradient Clipping', 'Clipping bounds the gradient.', '- Body.\n'));
    const added = build();
    expect(added.rendered).toEqual(['gradient-clipping', 'step']);
    expect(added.html('step')).toContain('href="/concepts/gradient-clipping/"');

    // A linked concept's definition changes: only that concept's own page renders again.
    write('weight.md', page(1, 'Weight', 'A weight multiplies an input.', '- Nothing to link here.\n'));
    expect(build().rendered).toEqual(['weight']);

    // The term vanishes again: the page that linked it renders again, without the link.
    unlinkSync(path.join(dir, 'clipping.md'));
    const removed = build();
    expect(removed.rendered).toEqual(['step']);
    expect(removed.html('step')).not.toContain('gradient-clipping');
  });

  it('renders every page again when the site setting changes, and links nothing when it is off', () => {
    const off = build({ KB_AUTOLINK: '0' });
    expect(off.rendered).toEqual(['other', 'step', 'weight']);
    expect(off.html('step')).not.toContain('autolink');
    expect(build({ KB_AUTOLINK: '0' }).rendered).toEqual([]);
    expect(build().html('step')).toContain('autolink');
  });
});
