import type { LegendOptions } from '@observablehq/plot';
import type { CompareReport } from '../../engine/analysis/compare.ts';
import { chartKit, stackCharts } from './document.ts';

/** The comparison as an SVG: final cohesion's distribution per policy, and cohesion over time as bands. */
export async function compareChart(report: CompareReport): Promise<string> {
  const { Plot, document } = await chartKit();
  const bins = report.policies.flatMap((policy, k) =>
    report.cohesionBins[k].map((count, i) => ({ policy, x1: i * 2, x2: i * 2 + 2, share: count / report.runs })),
  );
  const distribution = Plot.plot({
    document,
    width: 720,
    height: 300,
    marginLeft: 50,
    title: `Final cohesion over ${report.runs} runs per policy`,
    x: { label: 'cohesion at the end', domain: [0, 100] },
    y: { label: 'share of runs', grid: true },
    color: { domain: report.policies },
    // y1/y2 rather than y: overlaid, not stacked, so each policy's distribution reads on its own.
    marks: [Plot.rectY(bins, { x1: 'x1', x2: 'x2', y1: 0, y2: 'share', fill: 'policy', fillOpacity: 0.5 }), Plot.ruleY([0])],
  }) as SVGSVGElement;
  const bands = report.policies.flatMap((policy, k) => report.trajectories[k].map((b) => ({ policy, ...b })));
  const lastTurn = Math.max(1, ...bands.map((b) => b.turn));
  const step = Math.ceil(lastTurn / 12);
  const trajectory = Plot.plot({
    document,
    width: 720,
    height: 300,
    marginLeft: 50,
    title: 'Cohesion after each decision: median, with the 10th to 90th percentile band',
    x: { label: 'decisions taken', ticks: Array.from({ length: Math.floor(lastTurn / step) + 1 }, (_, i) => i * step), tickFormat: 'd' },
    y: { label: 'cohesion', domain: [0, 100], grid: true },
    marginRight: 110,
    color: { domain: report.policies },
    marks: [
      Plot.areaY(bands, { x: 'turn', y1: 'p10', y2: 'p90', fill: 'policy', fillOpacity: 0.2 }),
      Plot.line(bands, { x: 'turn', y: 'p50', stroke: 'policy', strokeWidth: 2 }),
      Plot.text(bands, Plot.selectLast({ x: 'turn', y: 'p50', z: 'policy', text: 'policy', dx: 6, textAnchor: 'start' })),
    ],
  }) as SVGSVGElement;
  // Plot takes a document for legends as for plots; its types only declare it for plots.
  const legendOptions = { document, color: { type: 'categorical', domain: report.policies }, legend: 'ramp', width: 720, label: 'policy' };
  const legend = Plot.legend(legendOptions as unknown as LegendOptions) as SVGSVGElement;
  return stackCharts(document, `${report.scenario}: ${report.policies.join(' vs ')}`, [unwrap(legend), unwrap(distribution), unwrap(trajectory)]);
}

/** Plot wraps a chart with a title or legend in a <figure>; keep its SVGs for an SVG file. */
function unwrap(node: Element): SVGSVGElement {
  if (node.tagName.toLowerCase() === 'svg') return node as SVGSVGElement;
  const svgs = [...node.querySelectorAll('svg')];
  const main = svgs[svgs.length - 1] as SVGSVGElement;
  const doc = node.ownerDocument;
  const ns = 'http://www.w3.org/2000/svg';
  const group = doc.createElementNS(ns, 'svg') as SVGSVGElement;
  const width = Number(main.getAttribute('width') ?? 640);
  let y = 0;
  const title = node.querySelector('h2, figcaption');
  if (title?.textContent) {
    const text = doc.createElementNS(ns, 'text');
    text.setAttribute('x', '8');
    text.setAttribute('y', '14');
    text.setAttribute('font-size', '13');
    text.textContent = title.textContent;
    group.appendChild(text);
    y += 22;
  }
  for (const svg of svgs) {
    svg.setAttribute('y', String(y));
    group.appendChild(svg);
    y += Number(svg.getAttribute('height') ?? 30) + 4;
  }
  group.setAttribute('width', String(width));
  group.setAttribute('height', String(y));
  return group;
}
