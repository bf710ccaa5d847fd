import { declaredOnChoice, type GroupDecision, type GroupRun } from '../../engine/analysis/class-set.ts';
import { armLabel } from '../../engine/analysis/outlook-plan.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { h, type Child } from '../kit/dom.ts';
import { banded } from '../kit/banded.ts';
import { scrollBox } from '../kit/scroll-box.ts';

/**
 * The class's runs side by side, as tables: where each group ended against history on its own seed, and
 * each decision with the option chosen, marked where it differs from what history chose there.
 */
const VERDICT_WORDS: Record<string, string> = { better: 'Better', worse: 'Worse', 'the same': 'The same' };

function verdictText(g: GroupRun): string {
  if (!g.verdict) return 'Not over yet';
  const { comparison, history } = g.verdict;
  return `${VERDICT_WORDS[comparison] ?? comparison} for the alliance ${comparison === 'the same' ? 'as' : 'than'} history (${history.title})`;
}

export function summaryTable(scenario: Scenario, groups: GroupRun[]): HTMLElement {
  const row = (g: GroupRun) =>
    h(
      'tr',
      { 'data-group': g.name },
      h('th', { scope: 'row' }, g.name),
      h('td', null, g.run.seed),
      h('td', { 'data-ending': g.ending?.id ?? '' }, g.ending?.title ?? 'Not over yet'),
      h('td', { 'data-verdict': g.verdict?.comparison ?? '' }, verdictText(g)),
      h('td', { 'data-cohesion': String(Math.round(g.cohesion)) }, banded('cohesion', g.cohesion)),
      h('td', null, banded('credibility', g.credibility)),
      h('td', null, `${g.decisions.filter((d) => d.differs).length} of ${g.decisions.length}`),
    );
  return scrollBox(
    h(
      'table',
      { class: 'class-summary', 'data-table': 'summary' },
      h('caption', null, `Where each group ended: ${scenario.title}`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Group', 'Seed', 'Ending', 'Against history on the same seed', 'Final cohesion', 'Final credibility', 'Decisions unlike history'].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h('tbody', null, groups.map(row)),
    ),
  );
}

/** What a reader should know about a group's replay (its scenario changed since it was played, say), or nothing. */
export function replayNotes(groups: GroupRun[]): HTMLElement | null {
  const noted = groups.filter((g) => g.warnings.length > 0);
  return noted.length
    ? h(
        'ul',
        { class: 'replay-notes muted' },
        noted.map((g) => h('li', null, `${g.name}: ${g.warnings.join('; ')}.`)),
      )
    : null;
}

function decisionCell(scenario: Scenario, d: GroupDecision | undefined, over: boolean): HTMLElement {
  if (!d) return h('td', { class: 'none' }, over ? '' : 'Not decided yet');
  const dev = scenario.developments[d.development];
  const mark: Child = d.differs
    ? h('span', { class: 'tag differs-tag' }, d.history === null ? 'unlike history: it never came here' : `unlike history: ${armLabel(scenario, d.history)}`)
    : h('span', { class: 'tag history-tag' }, 'as history did');
  const declared = Object.keys(declaredOnChoice(d)).length;
  return h(
    'td',
    { class: d.differs ? 'differs' : null, 'data-decision': d.decision, 'data-differs': d.differs ? 'true' : 'false' },
    h('span', { class: 'path-dev' }, dev ? `${dev.title} (${dev.date})` : d.development),
    h('br'),
    h('strong', null, armLabel(scenario, d.decision)),
    h('br'),
    mark,
    declared ? h('span', { class: 'tag declared-tag' }, `${declared} ${declared === 1 ? 'stance' : 'stances'} declared`) : null,
  );
}

export function decisionsTable(scenario: Scenario, groups: GroupRun[]): HTMLElement {
  const n = Math.max(0, ...groups.map((g) => g.decisions.length));
  return scrollBox(
    h(
      'table',
      { class: 'path class-decisions', 'data-table': 'decisions' },
      h('caption', null, 'Each decision against history on the group’s own seed'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, '#'),
          groups.map((g) => h('th', { scope: 'col' }, g.name)),
        ),
      ),
      h(
        'tbody',
        null,
        Array.from({ length: n }, (_, i) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, String(i + 1)),
            groups.map((g) => decisionCell(scenario, g.decisions[i], g.finished)),
          ),
        ),
      ),
    ),
  );
}
