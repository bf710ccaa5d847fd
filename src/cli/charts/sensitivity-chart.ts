import type { SensitivityReport } from '../../engine/analysis/sensitivity.ts';
import { chartKit, stackCharts } from './document.ts';

/** A tornado chart: for each parameter, the outcome with it moved down and up, widest swing on top. */
export async function sensitivityChart(report: SensitivityReport, top: number): Promise<string> {
  const { Plot, document } = await chartKit();
  const rows = report.rows.slice(0, top);
  const scale = report.kind === 'probability' ? 100 : 1;
  const bars = rows.flatMap((r) => [
    { parameter: r.label, end: 'low', from: report.base * scale, to: r.outcomeLow * scale },
    { parameter: r.label, end: 'high', from: report.base * scale, to: r.outcomeHigh * scale },
  ]);
  const chart = Plot.plot({
    document,
    width: 1100,
    height: 60 + rows.length * 30,
    marginLeft: 520,
    title: `What moves ${report.kind === 'probability' ? 'P' : 'mean'}(${report.outcome}) under ${report.policy}`,
    x: { label: `${report.kind === 'probability' ? 'probability (%)' : report.outcome}`, grid: true },
    y: { label: null, domain: rows.map((r) => r.label) },
    color: { domain: ['low', 'high'], range: ['#3b6fb6', '#d0743c'] },
    marks: [
      // Low and high share a row, each in its own half, so neither hides the other.
      Plot.barX(
        bars.filter((b) => b.end === 'low'),
        { y: 'parameter', x1: 'from', x2: 'to', fill: 'end', insetBottom: 13 },
      ),
      Plot.barX(
        bars.filter((b) => b.end === 'high'),
        { y: 'parameter', x1: 'from', x2: 'to', fill: 'end', insetTop: 13 },
      ),
      Plot.ruleX([report.base * scale], { stroke: 'black' }),
    ],
  }) as unknown as Element;
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : (chart.querySelector('svg:last-of-type') ?? chart);
  return stackCharts(document, `${report.scenario}: sensitivity (blue: parameter moved down; orange: moved up)`, [svg as SVGSVGElement]);
}
