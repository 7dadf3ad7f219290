// SVG drawing of an MLP: neurons as circles, every weight as an edge whose width shows its magnitude and
// whose colour *and* dash pattern show its sign (solid = positive, dashed = negative, dotted = zero).
// Hovering an edge shows its value (<title>); clicking selects it for editing.

import type { Mlp } from '../training/index.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface WeightAddress {
  /** Index of the dense layer (0 = from the inputs). */
  layer: number;
  from: number;
  to: number;
}

export interface NetworkDiagram {
  readonly root: SVGSVGElement;
  /** Centre of every node, by column (inputs first); valid after the first update(). */
  readonly positions: readonly (readonly { x: number; y: number }[])[];
  /** Redraws edge widths, signs and tooltips from the model's current weights. */
  update(model: Mlp): void;
  select(address: WeightAddress | null): void;
}

export function describeWeight({ layer, from, to }: WeightAddress, sizes: readonly number[]): string {
  const source = layer === 0 ? `input ${from + 1}` : `layer ${layer} neuron ${from + 1}`;
  const target = layer === sizes.length - 2 ? 'the output' : `layer ${layer + 1} neuron ${to + 1}`;
  return `weight from ${source} to ${target}`;
}

const svg = <K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] => {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
};

export interface DiagramLayout {
  /** Space left of the input column and right of the output column (for labels or node maps). */
  marginLeft?: number;
  marginRight?: number;
  /** Radius of the drawn node circles (0: none, when something else is drawn over the nodes). */
  nodeRadius?: number;
}

export function createNetworkDiagram(width: number, height: number, onSelect: (address: WeightAddress) => void, layout: DiagramLayout = {}): NetworkDiagram {
  const { marginLeft = 16, marginRight = 16, nodeRadius = 6 } = layout;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, class: 'kb-demo-network', role: 'img' });
  let positions: { x: number; y: number }[][] = [];
  let shape = '';
  let edges: { el: SVGLineElement; title: SVGTitleElement; address: WeightAddress }[] = [];
  let selected: WeightAddress | null = null;

  const build = (sizes: readonly number[]): void => {
    root.replaceChildren();
    edges = [];
    const columns = sizes.length;
    const x = (c: number): number => marginLeft + ((width - marginLeft - marginRight) * c) / Math.max(1, columns - 1);
    const y = (c: number, i: number): number => (height * (i + 0.5)) / sizes[c];
    positions = sizes.map((n, c) => Array.from({ length: n }, (_, i) => ({ x: x(c), y: y(c, i) })));
    const edgeGroup = svg('g', {}),
      nodeGroup = svg('g', {});
    for (let c = 0; c + 1 < columns; c++) {
      for (let i = 0; i < sizes[c]; i++) {
        for (let j = 0; j < sizes[c + 1]; j++) {
          const address = { layer: c, from: i, to: j };
          const el = svg('line', { x1: x(c), y1: y(c, i), x2: x(c + 1), y2: y(c + 1, j), class: 'kb-demo-edge' });
          const title = svg('title', {});
          el.append(title);
          el.addEventListener('click', () => onSelect(address));
          edgeGroup.append(el);
          edges.push({ el, title, address });
        }
      }
    }
    if (nodeRadius) {
      sizes.forEach((n, c) => {
        for (let i = 0; i < n; i++) nodeGroup.append(svg('circle', { cx: x(c), cy: y(c, i), r: nodeRadius, class: 'kb-demo-node' }));
      });
    }
    root.append(edgeGroup, nodeGroup);
    root.setAttribute(
      'aria-label',
      `Network with layer sizes ${sizes.join(', ')}; edge width shows weight size, solid edges are positive, dashed negative. Click an edge to edit it.`,
    );
  };

  const diagram: NetworkDiagram = {
    root,
    get positions() {
      return positions;
    },
    update(model) {
      const key = model.sizes.join('-');
      if (key !== shape) {
        build(model.sizes);
        shape = key;
      }
      for (const { el, title, address } of edges) {
        const weights = model.layers[address.layer].weights;
        const w = weights.data[address.from * weights.cols + address.to];
        const sign = !Number.isFinite(w) ? 'bad' : w > 0 ? 'pos' : w < 0 ? 'neg' : 'zero';
        el.setAttribute(
          'class',
          `kb-demo-edge ${sign}${selected && selected.layer === address.layer && selected.from === address.from && selected.to === address.to ? ' selected' : ''}`,
        );
        el.setAttribute('stroke-width', Number.isFinite(w) ? (0.6 + Math.min(5, Math.abs(w) * 2)).toFixed(2) : '1');
        title.textContent = `${describeWeight(address, model.sizes)}: ${Number.isFinite(w) ? w.toFixed(3) : String(w)}`;
      }
    },
    select(address) {
      selected = address;
    },
  };
  return diagram;
}
