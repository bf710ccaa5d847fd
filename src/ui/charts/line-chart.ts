import './charts.css';
import { h, s, uid } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import { scrollBox } from '../kit/scroll-box.ts';

/**
 * A small hand-made SVG line chart on the 0-100 scale every value of the model uses. The two paths
 * differ by line pattern and marker shape as well as colour, and the numbers are also given as a table.
 */
export interface Series {
  label: string;
  kind: 'yours' | 'history';
  values: number[];
}

export interface ChartSpec {
  title: string;
  series: Series[];
  /** Names of the points: "Start", "1", "2"... */
  points: string[];
  size?: 'large' | 'small';
}

/**
 * Which points get a label on the x-axis: as many as fit `gap` apart without touching (each label is a
 * decision number), in even steps from the first, with the last always labelled and its too-near
 * neighbour left out.
 */
export function shownTicks(points: string[], spacing: number, gap: number): number[] {
  const last = points.length - 1;
  if (last < 0) return [];
  const step = Math.max(1, Math.ceil(gap / spacing));
  const shown: number[] = [];
  for (let i = 0; i <= last; i += step) shown.push(i);
  const end = shown[shown.length - 1] ?? 0;
  if (end !== last) {
    if (last - end < step && shown.length > 1) shown.pop();
    shown.push(last);
  }
  return shown;
}

export function lineChart(spec: ChartSpec): HTMLElement {
  const large = spec.size !== 'small';
  const W = large ? 640 : 300;
  const H = large ? 260 : 150;
  const m = { left: 34, right: 12, top: 12, bottom: 38 };
  const n = Math.max(2, ...spec.series.map((x) => x.values.length));
  const x = (i: number) => m.left + (i * (W - m.left - m.right)) / (n - 1);
  const y = (v: number) => m.top + ((100 - v) * (H - m.top - m.bottom)) / 100;
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const grid = [0, 25, 50, 75, 100].map((v) =>
    s(
      'g',
      { class: 'grid' },
      s('line', { x1: m.left, x2: W - m.right, y1: y(v), y2: y(v) }),
      v % 50 === 0 ? s('text', { x: m.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)) : null,
    ),
  );
  const ticks = shownTicks(spec.points.slice(0, n), (W - m.left - m.right) / (n - 1), large ? 30 : 26).map((i) =>
    s('text', { class: 'tick', x: x(i), y: H - 20, 'text-anchor': 'middle' }, spec.points[i] ?? ''),
  );
  const axis = s('text', { class: 'axis-label', x: (m.left + W - m.right) / 2, y: H - 4, 'text-anchor': 'middle' }, 'after decision');
  const lines = spec.series.map((series) => {
    const pts = series.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const markers = series.values.map((v, i) =>
      series.kind === 'yours' ? s('circle', { cx: x(i), cy: y(v), r: large ? 4 : 3 }) : s('rect', { x: x(i) - 3.5, y: y(v) - 3.5, width: 7, height: 7 }),
    );
    return s('g', { class: `series series-${series.kind}` }, s('polyline', { points: pts }), markers);
  });
  const desc = spec.series.map((x) => `${x.label}: from ${whole(x.values[0])} to ${whole(x.values[x.values.length - 1])}`).join('. ');
  const svg = s(
    'svg',
    { class: `chart chart-${large ? 'large' : 'small'}`, viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    s('title', { id: titleId }, spec.title),
    s('desc', { id: descId }, `${desc}.`),
    grid,
    ticks,
    axis,
    lines,
  );
  return h('figure', { class: `chart-figure ${large ? 'large' : 'small'}` }, h('figcaption', null, spec.title), svg);
}

/** The same numbers as a table, for reading aloud and for print. */
export function chartTable(caption: string, points: string[], rows: { label: string; values: number[] }[]): HTMLElement {
  const n = Math.max(...rows.map((r) => r.values.length));
  const table = h(
    'table',
    { class: 'chart-data' },
    h('caption', null, caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Series'),
        points.slice(0, n).map((p) => h('th', { scope: 'col' }, p)),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((r) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, r.label),
          Array.from({ length: n }, (_, i) => h('td', null, r.values[i] === undefined ? '–' : whole(r.values[i]))),
        ),
      ),
    ),
  );
  return scrollBox(table);
}

/** The key to the two lines; the labels name what is compared (by default, the debrief's two paths). */
export function chartLegend(yours = 'Your path', other = 'The historical path'): HTMLElement {
  return h(
    'p',
    { class: 'chart-legend' },
    h(
      'span',
      { class: 'key key-yours' },
      s(
        'svg',
        { viewBox: '0 0 40 10', 'aria-hidden': 'true', focusable: 'false' },
        s('line', { x1: 0, y1: 5, x2: 40, y2: 5 }),
        s('circle', { cx: 20, cy: 5, r: 4 }),
      ),
      ` ${yours} (solid line, round markers)`,
    ),
    h(
      'span',
      { class: 'key key-history' },
      s(
        'svg',
        { viewBox: '0 0 40 10', 'aria-hidden': 'true', focusable: 'false' },
        s('line', { x1: 0, y1: 5, x2: 40, y2: 5 }),
        s('rect', { x: 16.5, y: 1.5, width: 7, height: 7 }),
      ),
      ` ${other} (dashed line, square markers)`,
    ),
  );
}
