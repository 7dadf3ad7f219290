// The small local graph on a concept page, drawn as SVG at build time: the concept in the centre,
// parents above, children below, related concepts to the sides. Deterministic layout, no script;
// every node is a link with its title, so the figure is usable without a mouse. Drawn while the page
// is generated, from the entry's own lists (not kept in the entry: that would add ~1.3 KB per concept
// to the content store Astro serialises and bundles).
import type { ConceptEntryData, ConceptRef } from './types.ts';

const W = 640;
const ROW = 86;
/** Vertical distance between the two related nodes on one side. */
const RELATED_GAP = 44;

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A label in at most two lines of at most `width` characters, broken between words; a title that
 * needs more loses its last words (an ellipsis says so), never part of a word. A single word longer
 * than a line stays whole.
 */
export function labelLines(title: string, width: number): string[] {
  const words = title
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const lines: string[] = [];
  let k = 0;
  while (k < words.length && lines.length < 2) {
    let line = words[k++];
    while (k < words.length && line.length + 1 + words[k].length <= width) line += ` ${words[k++]}`;
    lines.push(line);
  }
  if (k < words.length) {
    const last = lines[lines.length - 1];
    const fit = last.length + 1 <= width || !last.includes(' ') ? last : last.slice(0, last.lastIndexOf(' '));
    lines[lines.length - 1] = `${fit}…`;
  }
  return lines;
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
  const shownRelated = Math.min(4, related.length);
  const height = Math.max(cy + (children.length > 0 ? ROW : 0) + 34, cy + (shownRelated > 2 ? RELATED_GAP : 0) + 26);
  const placed: Placed[] = [
    ...row(parents, 30, 'parent'),
    ...row(children, cy + ROW, 'child'),
    ...related.slice(0, 4).map((ref, k): Placed => ({ ref, x: k % 2 === 0 ? 90 : W - 90, y: cy + (k < 2 ? 0 : RELATED_GAP), role: 'related' })),
  ];
  const cx = W / 2;
  const edges = placed.map((p) => `<line x1="${cx}" y1="${cy}" x2="${p.x}" y2="${p.y}" class="lg-edge lg-edge--${p.role}"/>`).join('');
  const rowCount = (role: Placed['role']) => placed.filter((q) => q.role === role).length;
  /** Characters per label line: a node's share of its row's width, at about 7 px a character. */
  const widthFor = (p: Placed) => (p.role === 'related' ? 22 : Math.max(12, Math.min(24, Math.floor((W / (rowCount(p.role) + 1) - 12) / 7))));
  const textLines = (lines: string[], x: number, y: number) =>
    lines.length === 1
      ? `<text x="${x}" y="${y + 4}" text-anchor="middle">${esc(lines[0])}</text>`
      : `<text x="${x}" y="${y - 3}" text-anchor="middle">${lines.map((l, k) => `<tspan x="${x}" dy="${k === 0 ? 0 : 14}">${esc(l)}</tspan>`).join('')}</text>`;
  const node = (p: Placed) => {
    const lines = labelLines(p.ref.title, widthFor(p));
    const w = Math.max(60, Math.max(...lines.map((l) => l.length)) * 7 + 16);
    const h = lines.length === 1 ? 26 : 40;
    return `<a href="${esc(href(p.ref.slug))}" class="lg-node lg-node--${p.role}"><title>${esc(p.ref.title)}</title><rect x="${p.x - w / 2}" y="${p.y - h / 2}" width="${w}" height="${h}" rx="6"/>${textLines(lines, p.x, p.y)}</a>`;
  };
  const selfLines = labelLines(self.title, 28);
  const sw = Math.max(80, Math.max(...selfLines.map((l) => l.length)) * 7.5 + 20);
  const sh = selfLines.length === 1 ? 30 : 44;
  const center = `<g class="lg-node lg-node--self"><rect x="${cx - sw / 2}" y="${cy - sh / 2}" width="${sw}" height="${sh}" rx="8"/>${textLines(selfLines, cx, cy)}</g>`;
  const desc = `${self.title}: ${parents.length} broader, ${children.length} narrower and ${shownRelated} related concepts`;
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
