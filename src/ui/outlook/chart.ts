import type { CompareReport } from '../../engine/analysis/compare.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import { h, s, uid } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import type { Arm } from '../../engine/analysis/outlook-plan.ts';

/**
 * The distributions as one SVG, a row per option: on the left, final cohesion over the runs (2-point
 * bins); on the right, cohesion after each decision (the median, and the band from the 10th to the
 * 90th percentile), with the reference option's median dashed for comparison. Drawn by hand rather
 * than with a charting library: nothing to load, and every colour and size is a presentation attribute,
 * so the very same element saves as a standalone SVG and draws onto a canvas for a PNG.
 */
const W = 760;
const TOP = 70;
const ROW = 124;
const BOTTOM = 8;
const HIST = { left: 44, right: 340 };
const BANDS = { left: 420, right: 744 };
const INK = '#1b1b19';
const MUTED = '#4f4d47';
const GRID = '#d8d3c6';
const ACCENT = '#1d4f7a';
const REFERENCE = '#a34e00';

const fmt = (x: number) => x.toFixed(1).replace(/\.0$/, '');

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  return s('text', { x: fmt(x), y: fmt(y), fill: MUTED, 'font-size': 12, ...attrs }, content);
}

/** A row of the chart: an option of a fork, or a policy; only the label is needed, the tags when known. */
export type ChartArm = Pick<Arm, 'label'> & Partial<Pick<Arm, 'decision' | 'chosen' | 'historical'>>;

/** A value marked under every row's histogram of final cohesion: a group of a class, by its number. */
export interface CohesionMark {
  number: number;
  value: number;
}

/** Room under a row for its marks: their triangles and numbers, in up to three lines where they crowd. */
const MARK_ROOM = 34;
const MARK_LINES = 3;

export interface OutlookChart {
  figure: HTMLElement;
  svg: SVGSVGElement;
}

/** Where things go: shared by every row, so that heights and positions compare across options. */
interface Scales {
  shares: number[][];
  /** The highest share in any bin of any row: the top of every histogram. */
  top: number;
  lastTurn: number;
  hx: (v: number) => number;
  bx: (turn: number) => number;
}

function scalesOf(report: CompareReport): Scales {
  const lastTurn = Math.max(1, ...report.trajectories.flat().map((b) => b.turn));
  const shares = report.cohesionBins.map((bins) => bins.map((c) => c / report.runs));
  return {
    shares,
    top: Math.max(0.01, ...shares.flat()),
    lastTurn,
    hx: (v) => HIST.left + (v / 100) * (HIST.right - HIST.left),
    bx: (turn) => BANDS.left + (turn / lastTurn) * (BANDS.right - BANDS.left),
  };
}

/** A row's plotting area, from the top of its plots to their axis. */
interface RowBox {
  plotTop: number;
  plotBottom: number;
}

/** Final cohesion: a histogram on a scale shared by every row, so heights compare across options. */
function histogram(report: CompareReport, k: number, scales: Scales, { plotTop, plotBottom }: RowBox): SVGElement[] {
  const { hx, top } = scales;
  const sy = (share: number) => plotBottom - (share / top) * (plotBottom - plotTop);
  const bars = scales.shares[k].map((share, i) =>
    share > 0
      ? s('rect', { x: fmt(hx(i * 2) + 0.5), y: fmt(sy(share)), width: fmt(hx(2) - hx(0) - 1), height: fmt(plotBottom - sy(share)), fill: ACCENT })
      : null,
  );
  const median = cohesionMetric(report).byPolicy[k].p50;
  return [
    s('line', { x1: HIST.left, x2: HIST.right, y1: fmt(sy(top)), y2: fmt(sy(top)), stroke: GRID }),
    text(HIST.left - 4, sy(top) + 4, `${whole(top * 100)}%`, { 'text-anchor': 'end' }),
    ...bars.filter((bar) => bar !== null),
    s('line', { x1: HIST.left, x2: HIST.right, y1: fmt(plotBottom), y2: fmt(plotBottom), stroke: MUTED }),
    s('line', {
      x1: fmt(hx(median)),
      x2: fmt(hx(median)),
      y1: fmt(plotTop - 4),
      y2: fmt(plotBottom),
      stroke: INK,
      'stroke-width': 1.5,
      'stroke-dasharray': '3 2',
    }),
    text(hx(median) + (median > 80 ? -4 : 4), plotTop + 4, `median ${whole(median)}`, { fill: INK, 'text-anchor': median > 80 ? 'end' : 'start' }),
    ...[0, 50, 100].map((v) => text(hx(v), plotBottom + 14, String(v), { 'text-anchor': 'middle' })),
  ];
}

/**
 * Each mark as a triangle under the histogram's axis pointing at its value, with its number below; marks
 * too close to be read apart go on the next line down.
 */
function markers(marks: CohesionMark[], { hx }: Scales, { plotBottom }: RowBox): SVGElement[] {
  const lastX: number[] = [];
  return [...marks]
    .sort((a, b) => a.value - b.value || a.number - b.number)
    .flatMap((mark) => {
      const x = hx(Math.max(0, Math.min(100, mark.value)));
      let line = lastX.findIndex((at) => x - at >= 14);
      if (line < 0) line = lastX.length < MARK_LINES ? lastX.length : MARK_LINES - 1;
      lastX[line] = x;
      return [
        s('path', { d: `M${fmt(x)},${fmt(plotBottom + 17)} l-4,7 h8 z`, fill: REFERENCE }),
        text(x, plotBottom + 35 + line * 11, String(mark.number), { fill: INK, 'font-size': 11, 'font-weight': 'bold', 'text-anchor': 'middle' }),
      ];
    });
}

/** Cohesion over time: the band, the median, and the reference's median for comparison. */
function bandsPlot(report: CompareReport, k: number, scales: Scales, { plotTop, plotBottom }: RowBox): SVGElement[] {
  const { bx, lastTurn } = scales;
  const py = (v: number) => plotBottom - (v / 100) * (plotBottom - plotTop);
  const bands = report.trajectories[k];
  const area = [
    ...bands.map((b) => `${fmt(bx(b.turn))},${fmt(py(b.p90))}`),
    ...bands
      .slice()
      .reverse()
      .map((b) => `${fmt(bx(b.turn))},${fmt(py(b.p10))}`),
  ].join(' ');
  const line = (series: typeof bands) => series.map((b) => `${fmt(bx(b.turn))},${fmt(py(b.p50))}`).join(' ');
  const tickStep = Math.ceil(lastTurn / 10);
  const turnTicks = Array.from({ length: Math.floor(lastTurn / tickStep) + 1 }, (_, i) => i * tickStep);
  return [
    ...[0, 50, 100].flatMap((v) => [
      s('line', { x1: BANDS.left, x2: BANDS.right, y1: fmt(py(v)), y2: fmt(py(v)), stroke: GRID }),
      text(BANDS.left - 4, py(v) + 4, String(v), { 'text-anchor': 'end' }),
    ]),
    s('polygon', { points: area, fill: ACCENT, 'fill-opacity': 0.2 }),
    ...(k > 0
      ? [s('polyline', { points: line(report.trajectories[0]), fill: 'none', stroke: REFERENCE, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' })]
      : []),
    s('polyline', { points: line(bands), fill: 'none', stroke: ACCENT, 'stroke-width': 2.5 }),
    ...turnTicks.map((t) => text(bx(t), plotBottom + 14, t === 0 ? 'Start' : String(t), { 'text-anchor': 'middle' })),
  ];
}

function armRow(report: CompareReport, arm: ChartArm, k: number, scales: Scales, marks: CohesionMark[]): SVGGElement {
  const rowHeight = ROW + (marks.length ? MARK_ROOM : 0);
  const y0 = TOP + k * rowHeight;
  const box = { plotTop: y0 + 26, plotBottom: y0 + ROW - 26 };
  const tag = arm.chosen ? ' (chosen)' : arm.historical ? ' (as in history)' : '';
  return s(
    'g',
    { 'data-arm': arm.decision ?? arm.label },
    text(8, y0 + 16, `${k + 1}. ${arm.label}${tag}`, { fill: INK, 'font-size': 13, 'font-weight': 'bold' }),
    histogram(report, k, scales, box),
    markers(marks, scales, box),
    bandsPlot(report, k, scales, box),
  );
}

/** The title and how to read each half, above the rows. */
function chartHeading(report: CompareReport, arms: ChartArm[], title: string): (SVGElement | null)[] {
  return [
    text(8, 18, title, { fill: INK, 'font-size': 14, 'font-weight': 'bold' }),
    text(8, 38, `Final cohesion: share of the ${report.runs.toLocaleString('en-US')} runs`, { fill: INK }),
    text(8, 52, 'in 2-point bins, with the median (dotted)', { fill: INK }),
    text(BANDS.left - 30, 38, 'Cohesion after each decision: the median (line)', { fill: INK }),
    text(BANDS.left - 30, 52, 'and the 10th to 90th percentile (band)', { fill: INK }),
    arms.length > 1 ? text(BANDS.left - 30, 66, 'dashed: the median of choice 1, for comparison', { fill: REFERENCE }) : null,
  ];
}

/** `marks`: values to point at under every row's histogram (a class's groups' final cohesion), by number. */
export function outlookChart(report: CompareReport, arms: ChartArm[], title: string, marks: CohesionMark[] = []): OutlookChart {
  const H = TOP + arms.length * (ROW + (marks.length ? MARK_ROOM : 0)) + BOTTOM;
  const scales = scalesOf(report);
  const rows = arms.map((arm, k) => armRow(report, arm, k, scales, marks));
  const titleId = uid('outlook-chart-title');
  const descId = uid('outlook-chart-desc');
  const svg = s(
    'svg',
    {
      class: 'outlook-chart',
      width: W,
      height: H,
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif',
    },
    s('title', { id: titleId }, title),
    s('desc', { id: descId }, describe(report, arms)),
    s('rect', { x: 0, y: 0, width: W, height: H, fill: '#ffffff' }),
    chartHeading(report, arms, title),
    rows,
  );
  const figure = h(
    'figure',
    { class: 'outlook-figure' },
    h('figcaption', null, `${title}. The same numbers are in the tables above and in “The chart as a table” below.`),
    svg,
  );
  return { figure, svg };
}

/** The chart's text alternative: what the eye takes from it, option by option. */
export function describe(report: CompareReport, arms: ChartArm[]): string {
  const cohesion = cohesionMetric(report);
  return arms
    .map((arm, k) => {
      const q = cohesion.byPolicy[k];
      const bands = report.trajectories[k];
      const first = bands[0];
      const last = bands[bands.length - 1];
      return `${arm.label}: final cohesion has a median of ${whole(q.p50)}, 10th to 90th percentile ${whole(q.p10)} to ${whole(q.p90)}; its median goes from ${whole(first?.p50 ?? NaN)} at the start to ${whole(last?.p50 ?? NaN)} after decision ${last?.turn ?? 0}.`;
    })
    .join(' ');
}

/** The chart's numbers as tables: final cohesion in 10-point bins, and the bands decision by decision. */
export function chartTables(report: CompareReport, arms: ChartArm[]): HTMLElement[] {
  const head = (first: string) =>
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, first),
        arms.map((a, k) => h('th', { scope: 'col' }, `${k + 1}. ${a.label}`)),
      ),
    );
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const tens = report.cohesionBins.map((bins) => Array.from({ length: 10 }, (_, d) => bins.slice(d * 5, d * 5 + 5).reduce((a, b) => a + b, 0)));
  const distribution = h(
    'table',
    { class: 'chart-data' },
    h('caption', null, 'Final cohesion: share of runs in each 10-point range'),
    head('Final cohesion'),
    h(
      'tbody',
      null,
      Array.from({ length: 10 }, (_, d) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, d === 9 ? '90–100' : `${d * 10}–under ${d * 10 + 10}`),
          tens.map((t) => h('td', null, pct(t[d] / report.runs))),
        ),
      ),
    ),
  );
  const turns = Math.max(...report.trajectories.map((t) => (t.length ? t[t.length - 1].turn + 1 : 0)));
  const bands = h(
    'table',
    { class: 'chart-data' },
    h('caption', null, 'Cohesion after each decision: median (10th–90th percentile), over the runs that got that far'),
    head('After decision'),
    h(
      'tbody',
      null,
      Array.from({ length: turns }, (_, turn) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, turn === 0 ? 'Start' : String(turn)),
          report.trajectories.map((t) => {
            const b = t.find((x) => x.turn === turn);
            return h(
              'td',
              null,
              b ? `${whole(b.p50)} (${whole(b.p10)}–${whole(b.p90)})${b.runs < report.runs ? `, ${b.runs.toLocaleString('en-US')} runs` : ''}` : '–',
            );
          }),
        ),
      ),
    ),
  );
  return [scrollBox(distribution), scrollBox(bands)];
}

/** Every fork report measures cohesion: the chart's medians and its text read it. */
function cohesionMetric(report: CompareReport) {
  const metric = report.metrics.find((m) => m.key === 'cohesion');
  if (!metric) throw new Error('the report has no cohesion figures');
  return metric;
}
