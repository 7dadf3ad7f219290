// The small local graph on a concept page, drawn as SVG at build time: the concept in the centre,
// parents above, children below, related concepts to the sides. Deterministic layout, no script;
// every node is a link with its title, so the figure is usable without a mouse. Drawn while the page
// is generated, from the entry's own lists (not kept in the entry: that would add ~1.3 KB per concept
// to the content store Astro serialises and bundles).
import type { ConceptEntryData, ConceptRef } from './types.ts';

const W = 640;
const ROW = 78;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function clip(s: string, n = 26): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

interface Placed {
  ref: ConceptRef;
  x: number;
  y: number;
  role: 'parent' | 'child' | 'related';
}

function row(refs: ConceptRef[], y: number, role: Placed['role'], max = 5): Placed[] {
  const shown = refs.slice(0, max);
  const step = W / (shown.length + 1);
  return shown.map((ref, k) => ({ ref, x: Math.round(step * (k + 1)), y, role }));
}

export function localGraphSvg(
  self: { title: string },
  parents: ConceptRef[],
  children: ConceptRef[],
  related: ConceptRef[],
  href: (slug: string) => string,
): string {
  if (parents.length + children.length + related.length === 0) return '';
  const hasParents = parents.length > 0;
  const cy = hasParents ? 30 + ROW : 30;
  const height = cy + (children.length > 0 ? ROW : 0) + 34;
  const placed: Placed[] = [
    ...row(parents, 30, 'parent'),
    ...row(children, cy + ROW, 'child'),
    ...related.slice(0, 4).map((ref, k): Placed => ({ ref, x: k % 2 === 0 ? 90 : W - 90, y: cy + (k < 2 ? 0 : 34) - (k < 2 ? 0 : 0), role: 'related' })),
  ];
  const cx = W / 2;
  const edges = placed
    .map((p) => `<line x1="${cx}" y1="${cy}" x2="${p.x}" y2="${p.y}" class="lg-edge lg-edge--${p.role}"/>`)
    .join('');
  const node = (p: Placed) => {
    const label = clip(p.ref.title);
    const w = Math.max(60, label.length * 7 + 16);
    return `<a href="${esc(href(p.ref.slug))}" class="lg-node lg-node--${p.role}"><title>${esc(p.ref.title)}</title><rect x="${p.x - w / 2}" y="${p.y - 13}" width="${w}" height="26" rx="6"/><text x="${p.x}" y="${p.y + 4}" text-anchor="middle">${esc(label)}</text></a>`;
  };
  const selfLabel = clip(self.title, 30);
  const sw = Math.max(80, selfLabel.length * 7.5 + 20);
  const center = `<g class="lg-node lg-node--self"><rect x="${cx - sw / 2}" y="${cy - 15}" width="${sw}" height="30" rx="8"/><text x="${cx}" y="${cy + 5}" text-anchor="middle">${esc(selfLabel)}</text></g>`;
  const desc = `${self.title}: ${parents.length} broader, ${children.length} narrower and ${Math.min(4, related.length)} related concepts`;
  return `<svg class="local-graph" viewBox="0 0 ${W} ${height}" role="group" aria-label="${esc(desc)}" xmlns="http://www.w3.org/2000/svg">${edges}${placed.map(node).join('')}${center}</svg>`;
}

/** Concepts related by typed relations, either way, that are not already parents or children. */
export function relatedRefs(data: Pick<ConceptEntryData, 'slug' | 'parents' | 'children' | 'relations' | 'incoming'>): ConceptRef[] {
  const seen = new Set<string>([data.slug, ...data.parents.map((p) => p.slug), ...data.children.map((c) => c.slug)]);
  const out: ConceptRef[] = [];
  for (const ref of [...data.relations, ...data.incoming].flatMap((r) => r.targets)) {
    if (seen.has(ref.slug)) continue;
    seen.add(ref.slug);
    out.push(ref);
  }
  return out;
}

/** The local graph of a concept entry ('' when it has no neighbours). */
export function localGraphOf(data: ConceptEntryData, href: (slug: string) => string): string {
  return localGraphSvg(data, data.parents, data.children, relatedRefs(data), href);
}
