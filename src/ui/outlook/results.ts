import type { Interval } from '../../engine/analysis/stats.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import type { ForkReport } from '../../engine/analysis/fork.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { reactionLabel } from '../../engine/core/labels.ts';
import { h } from '../kit/dom.ts';
import { signed, valueName, whole } from '../kit/format.ts';
import type { Arm } from '../../engine/analysis/outlook-plan.ts';

/**
 * The distributions as tables, one column per choice: how the runs end and which reactions happened
 * (shares with 95% intervals), and where the meters end (median with the 10th and 90th percentiles).
 * Under every choice after the first, its paired difference from the first, with its interval.
 */
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const points = (x: number) => signed(x * 100, 1);

export function armHeading(arm: Arm, k: number): string {
  return `${k + 1}. ${arm.label}${arm.chosen ? ' (chosen)' : arm.historical ? ' (as in history)' : ''}`;
}

function head(first: string, arms: Arm[]): HTMLElement {
  return h(
    'thead',
    null,
    h(
      'tr',
      null,
      h('th', { scope: 'col' }, first),
      arms.map((a, k) => h('th', { scope: 'col', 'data-arm': a.decision }, armHeading(a, k))),
    ),
  );
}

function shareCell(share: Interval, difference: Interval, k: number): HTMLElement {
  return h(
    'td',
    { 'data-arm-index': String(k), 'data-estimate': String(share.estimate) },
    h('span', { class: 'estimate' }, pct(share.estimate)),
    ' ',
    h('span', { class: 'interval' }, `(${pct(share.lo)}–${pct(share.hi)})`),
    k > 0 ? h('span', { class: 'difference' }, `${points(difference.estimate)} points (${points(difference.lo)} to ${points(difference.hi)})`) : null,
  );
}

/** "AM:refuses_to_sign" as "Armenia refuses to sign the declaration". */
export function outcomeLabel(scenario: Scenario, key: string, fallback: string): string {
  if (key === 'any:withdrawn') return 'Any member withdraws';
  if (key === 'any:suspended') return 'Any member suspends its participation';
  if (key.startsWith('ending:')) return scenario.endings.find((e) => `ending:${e.id}` === key)?.title ?? fallback;
  const [, member, id] = key.split(':');
  return scenario.reactions.some((r) => r.member === member && r.id === id) ? `${scenario.names[member] ?? member} ${reactionLabel(scenario, id)}` : fallback;
}

export function resultTables(scenario: Scenario, report: ForkReport, arms: Arm[]): HTMLElement[] {
  const endings = report.outcomes.filter((o) => o.key.startsWith('ending:'));
  const others = report.outcomes.filter((o) => !o.key.startsWith('ending:') && o.byPolicy.some((i) => i.estimate > 0));
  const outcomeRows = (rows: typeof endings) =>
    rows.map((o) =>
      h(
        'tr',
        { 'data-outcome': o.key },
        h('th', { scope: 'row' }, outcomeLabel(scenario, o.key, o.label)),
        o.byPolicy.map((share, k) => shareCell(share, o.difference[k], k)),
      ),
    );
  const endingsTable = h(
    'table',
    { class: 'outlook-table', 'data-table': 'endings' },
    h('caption', null, `How the runs end: share of the ${report.runs.toLocaleString('en-US')} runs of each choice`),
    head('Ending', arms),
    h('tbody', null, outcomeRows(endings)),
  );
  const reactionsTable = others.length
    ? h(
        'table',
        { class: 'outlook-table', 'data-table': 'reactions' },
        h('caption', null, 'What members did: share of runs in which it happened at least once'),
        head('Reaction', arms),
        h('tbody', null, outcomeRows(others)),
      )
    : h('p', { 'data-table': 'reactions' }, 'No member reacted in any of these runs.');
  const metricsTable = h(
    'table',
    { class: 'outlook-table', 'data-table': 'metrics' },
    h('caption', null, 'Where the meters end: median, with the 10th and 90th percentiles'),
    head('At the end', arms),
    h(
      'tbody',
      null,
      report.metrics.map((m) =>
        h(
          'tr',
          { 'data-metric': m.key },
          h('th', { scope: 'row' }, valueName(scenario, m.key)),
          m.byPolicy.map((q, k) =>
            h(
              'td',
              { 'data-arm-index': String(k), 'data-p50': String(q.p50) },
              h('span', { class: 'estimate' }, whole(q.p50)),
              ' ',
              h('span', { class: 'interval' }, `(${whole(q.p10)}–${whole(q.p90)})`),
              k > 0
                ? h(
                    'span',
                    { class: 'difference' },
                    `mean ${signed(m.difference[k].estimate)} (${signed(m.difference[k].lo)} to ${signed(m.difference[k].hi)})`,
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
  return [scrollBox(endingsTable), others.length ? scrollBox(reactionsTable) : reactionsTable, scrollBox(metricsTable)];
}
