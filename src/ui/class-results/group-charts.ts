import type { GroupRun } from '../../engine/analysis/class-set.ts';
import type { Waypoint } from '../../engine/core/world.ts';
import { chartLegend, chartTable, lineChart, type Series } from '../charts/line-chart.ts';
import { h } from '../kit/dom.ts';

/**
 * Cohesion and credibility over time, a small chart of each per group, each beside history on the
 * group's own seed (the compare screen's charts and legend), with every number also in a table.
 */
const METERS: [string, (w: Waypoint) => number][] = [
  ['Cohesion', (w) => w.cohesion],
  ['Credibility', (w) => w.credibility],
];

const pointsOf = (n: number) => Array.from({ length: n }, (_, i) => (i === 0 ? 'Start' : String(i)));

export function groupCharts(groups: GroupRun[], headingId: string): HTMLElement {
  const n = Math.max(2, ...groups.flatMap((g) => [g.run.world.trajectory.length, g.history.world.trajectory.length]));
  const points = pointsOf(n);
  const pair = (g: GroupRun, read: (w: Waypoint) => number): Series[] => [
    { label: g.name, kind: 'yours', values: g.run.world.trajectory.map(read) },
    { label: 'History on its seed', kind: 'history', values: g.history.world.trajectory.map(read) },
  ];
  return h(
    'section',
    { class: 'charts class-charts', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'The meters over time'),
    h('p', null, 'After each decision ("Start" is before the first), from 0 to 100: each group beside history played on the group’s own seed.'),
    chartLegend('The group', 'History on its seed'),
    h(
      'div',
      { class: 'small-multiples' },
      groups.flatMap((g) =>
        METERS.map(([meter, read]) => lineChart({ title: `${g.name}: ${meter.toLowerCase()}`, size: 'small', points, series: pair(g, read) })),
      ),
    ),
    h(
      'details',
      { class: 'chart-details' },
      h('summary', null, 'The charts as a table'),
      chartTable(
        'Cohesion and credibility after each decision',
        points,
        groups.flatMap((g) =>
          METERS.flatMap(([meter, read]) => [
            { label: `${g.name}: ${meter.toLowerCase()}`, values: g.run.world.trajectory.map(read) },
            { label: `${g.name}: ${meter.toLowerCase()}, history on its seed`, values: g.history.world.trajectory.map(read) },
          ]),
        ),
      ),
    ),
  );
}
