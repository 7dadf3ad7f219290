// Small helpers that write SVG markup as strings (escaping, number formatting, compact path data)
// for the static, build-time fallback figures.

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Rounds to one decimal and drops a trailing ".0", keeping coordinates short and deterministic. */
export function fmt(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A linear map from [d0, d1] to [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** A polyline through the points as path data. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i ? 'L' : 'M'}${fmt(x)} ${fmt(y)}`).join('');
}

/** Zero-length segments: drawn as dots (round caps) or squares (square caps) by the stroke. */
export function dotsPath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `M${fmt(x)} ${fmt(y)}h0`).join('');
}

/** Axis-aligned rectangles as one path. */
export function rectsPath(rects: readonly (readonly [number, number, number, number])[]): string {
  return rects.map(([x, y, w, h]) => `M${fmt(x)} ${fmt(y)}h${fmt(w)}v${fmt(h)}h${fmt(-w)}z`).join('');
}

export function svgOpen(width: number, height: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}" class="kb-demo-svg">`;
}

export function text(x: number, y: number, content: string, className = 'kb-demo-ink', anchor = 'start'): string {
  return `<text x="${fmt(x)}" y="${fmt(y)}" class="${className}" text-anchor="${anchor}" font-size="11" fill="currentColor">${escapeXml(content)}</text>`;
}
