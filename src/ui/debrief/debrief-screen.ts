import './debrief.css';
import type { Run } from '../../engine/play/run.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import type { Decision } from '../../engine/core/world.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import { chartLegend, chartTable, lineChart } from '../charts/line-chart.ts';
import { h } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import { meterBand } from '../../engine/rules/meter-meaning.ts';
import { banded } from '../kit/banded.ts';
import { sentence, sourceRef, sourceText } from '../kit/sources.ts';
import type { Screen } from '../kit/screen.ts';
import { endingReached } from '../../engine/core/ending.ts';
import { verdictAgainstHistory, type Verdict } from '../../engine/play/verdict.ts';

const TONES: Record<string, string> = { holds: 'The alliance holds', hollows: 'The alliance hollows out', breaks: 'The alliance breaks' };
const TONE_WORDS: Record<string, string> = { holds: 'holds', hollows: 'hollows out', breaks: 'breaks' };

function decisionCell(scenario: Scenario, d: Decision | undefined): HTMLElement {
  if (!d) return h('td', { class: 'none' }, 'The run had ended.');
  const dev = scenario.developments[d.development];
  const historical = dev.options.some((o) => o.id === d.option && o.historical);
  return h(
    'td',
    null,
    h('span', { class: 'path-dev' }, `${dev.title} (${dev.date})`),
    h('br'),
    h('strong', null, optionLabel(scenario, d.option)),
    d.leverage ? " — with Moscow's leverage" : '',
    historical ? h('span', { class: 'tag history-tag' }, 'as in history') : null,
  );
}

function recordCell(scenario: Scenario, d: Decision | undefined): HTMLElement {
  if (!d) return h('td', null, '');
  const dev = scenario.developments[d.development];
  const historical = dev.options.find((o) => o.historical);
  const found = new Set<string>();
  for (const q of dev.quotes) found.add(sourceRef(scenario, q.source).title);
  if (historical?.source) found.add(sourceText(scenario, historical.source));
  // A bare title is dropped where the same text is also cited with its passage.
  const sources = [...found].filter((a) => ![...found].some((b) => b !== a && b.startsWith(a)));
  return h(
    'td',
    null,
    h('p', null, dev.history),
    historical ? h('p', null, 'The Council did: ', h('strong', null, historical.label), '.') : null,
    sources.length ? h('p', { class: 'source' }, `Sources: ${sentence(sources.join('; '))}`) : null,
  );
}

function pathTable(mine: Run, history: Run, onBranch: (k: number) => void): HTMLElement {
  const { scenario } = mine;
  const n = Math.max(mine.world.decisions.length, history.world.decisions.length);
  const rows = Array.from({ length: n }, (_, i) => {
    const d = mine.world.decisions[i];
    const cell = decisionCell(scenario, d);
    if (d)
      cell.append(
        h('br'),
        h(
          'button',
          { type: 'button', class: 'link-button', 'data-branch': String(i), onclick: () => onBranch(i) },
          `Go back to decision ${i + 1} and choose again`,
        ),
      );
    return h(
      'tr',
      null,
      h('th', { scope: 'row' }, String(i + 1)),
      cell,
      decisionCell(scenario, history.world.decisions[i]),
      recordCell(scenario, history.world.decisions[i] ?? d),
    );
  });
  return h(
    'table',
    { class: 'path' },
    h('caption', { class: 'visually-hidden' }, 'Your decisions beside the historical ones, with what the record says'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Your Council'),
        h('th', { scope: 'col' }, 'The historical path (same seed)'),
        h('th', { scope: 'col' }, 'What the record says'),
      ),
    ),
    h('tbody', null, rows),
  );
}

function charts(mine: Run, history: Run): HTMLElement {
  const { scenario } = mine;
  const n = Math.max(mine.world.trajectory.length, history.world.trajectory.length);
  const points = Array.from({ length: n }, (_, i) => (i === 0 ? 'Start' : String(i)));
  const cohesionSeries = [
    { label: 'Your path', kind: 'yours' as const, values: mine.world.trajectory.map((w) => w.cohesion) },
    { label: 'The historical path', kind: 'history' as const, values: history.world.trajectory.map((w) => w.cohesion) },
  ];
  const small = scenario.members.map((code) =>
    lineChart({
      title: `${scenario.names[code]}: loyalty`,
      size: 'small',
      points,
      series: [
        { label: 'Your path', kind: 'yours', values: mine.world.trajectory.map((w) => w.loyalty[code]) },
        { label: 'The historical path', kind: 'history', values: history.world.trajectory.map((w) => w.loyalty[code]) },
      ],
    }),
  );
  const tableRows = [
    { label: 'Cohesion, your path', values: cohesionSeries[0].values },
    { label: 'Cohesion, historical path', values: cohesionSeries[1].values },
    ...scenario.members.flatMap((code) => [
      { label: `${scenario.names[code]} loyalty, your path`, values: mine.world.trajectory.map((w) => w.loyalty[code]) },
      { label: `${scenario.names[code]} loyalty, historical path`, values: history.world.trajectory.map((w) => w.loyalty[code]) },
    ]),
  ];
  return h(
    'section',
    { class: 'charts', 'aria-labelledby': 'charts-heading' },
    h('h3', { id: 'charts-heading' }, 'Cohesion and loyalty over time'),
    h('p', null, 'After each decision ("Start" is before the first). Values run from 0 to 100.'),
    chartLegend(),
    lineChart({ title: 'Cohesion of the alliance', points, series: cohesionSeries }),
    h('div', { class: 'small-multiples' }, small),
    h(
      'details',
      { class: 'chart-details' },
      h('summary', null, 'The charts as a table'),
      chartTable('Cohesion and loyalty after each decision', points, tableRows),
    ),
  );
}

function finalTable(mine: Run, history: Run): HTMLElement {
  const { scenario } = mine;
  const row = (label: string, a: string, b: string) => h('tr', null, h('th', { scope: 'row' }, label), h('td', null, a), h('td', null, b));
  const status = (run: Run, code: string) => {
    const m = run.world.members[code];
    return m.status === 'member' ? banded('loyalty', m.loyalty) : `${banded('loyalty', m.loyalty)}, ${m.status}`;
  };
  return h(
    'table',
    { class: 'final' },
    h('caption', null, 'Where each path ended'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Your path'), h('th', { scope: 'col' }, 'Historical path'))),
    h(
      'tbody',
      null,
      row(
        'Cohesion',
        banded('cohesion', cohesion(mine.world, scenario.params.cohesion)),
        banded('cohesion', cohesion(history.world, scenario.params.cohesion)),
      ),
      row('Credibility', banded('credibility', mine.world.credibility), banded('credibility', history.world.credibility)),
      row("Moscow's bandwidth", banded('moscowBandwidth', mine.world.moscowBandwidth), banded('moscowBandwidth', history.world.moscowBandwidth)),
      scenario.members.map((code) => row(`${scenario.names[code]}: loyalty`, status(mine, code), status(history, code))),
    ),
  );
}

/** "History on this seed ended in X; you ended in Y: better for the alliance", with the figures behind it. */
function verdictSection(verdict: Verdict): HTMLElement {
  const { mine, history, comparison, decidedBy, figures } = verdict;
  const same = mine.id === history.id;
  const points = Math.abs(Math.round(figures.mine.cohesion) - Math.round(figures.history.cohesion));
  const cohesionGap = `cohesion ends ${points} ${points === 1 ? 'point' : 'points'} ${comparison === 'better' ? 'higher' : 'lower'} on your path`;
  const why =
    decidedBy === 'tone'
      ? `the alliance ${TONE_WORDS[mine.tone]} on your path and ${TONE_WORDS[history.tone]} on history's`
      : decidedBy === 'cohesion'
        ? same
          ? `the same ending, but ${cohesionGap}`
          : `in both the alliance ${TONE_WORDS[mine.tone]}, and ${cohesionGap}`
        : same
          ? 'the same ending, and cohesion within a point'
          : 'endings of the same kind, with cohesion within a point';
  const figure = (f: typeof figures.mine) =>
    `cohesion ${whole(f.cohesion)} (${meterBand('cohesion', f.cohesion).word}), credibility ${whole(f.credibility)} (${meterBand('credibility', f.credibility).word}), ${f.membersIn} of ${verdict.members} members still in`;
  return h(
    'section',
    { class: `history-verdict history-verdict-${comparison.replace(' ', '-')}`, 'aria-labelledby': 'verdict-heading', 'data-verdict': comparison },
    h('h3', { id: 'verdict-heading' }, 'Against history'),
    h(
      'p',
      { class: 'history-verdict-line' },
      `History on this seed ended in “${history.title}”; you ended in “${mine.title}”: `,
      h('strong', null, `${comparison} for the alliance`),
      ` (${why}).`,
    ),
    h(
      'ul',
      { class: 'history-verdict-figures' },
      h('li', null, `Your path: ${figure(figures.mine)}.`),
      h('li', null, `History's path: ${figure(figures.history)}.`),
    ),
  );
}

/** Every ending the scenario has, in the order they are tried, with the one this run reached and the one history reached marked. */
function endingsList(scenario: Scenario, verdict: Verdict): HTMLElement {
  return h(
    'section',
    { class: 'endings', 'aria-labelledby': 'endings-heading' },
    h('h3', { id: 'endings-heading' }, 'The endings there were'),
    h(
      'ol',
      { class: 'endings-list' },
      scenario.endings.map((e) => {
        const yours = e.id === verdict.mine.id;
        const history = e.id === verdict.history.id;
        return h(
          'li',
          { class: `ending tone-edge-${e.tone}${yours ? ' reached' : ''}`, 'data-ending-id': e.id, 'aria-current': yours ? 'true' : null },
          h('span', { class: 'ending-title' }, e.title),
          ' ',
          h('span', { class: `ending-tone tone-word-${e.tone}` }, TONES[e.tone] ?? e.tone),
          yours ? h('span', { class: 'tag reached-tag' }, '★ Your ending') : null,
          history ? h('span', { class: 'tag history-tag' }, 'History on this seed') : null,
        );
      }),
    ),
  );
}

export interface DebriefActions {
  onBranch: (k: number) => void;
  onAgain: () => void;
  onChoose: () => void;
  /** The Compare screen: this run beside the historical path or a branch, and what tends to happen at each decision. */
  compareHref: string;
}

/** The class's path beside the historical one, the charts, the questions and the sources. Prints on paper. */
export function debriefScreen(mine: Run, history: Run, actions: DebriefActions): Screen {
  const { scenario, world } = mine;
  const ending = endingReached(scenario, world);
  const verdict = verdictAgainstHistory(scenario, world, history.world);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `Debrief: ${ending.title}`);
  const el = h(
    'section',
    { class: 'screen debrief', 'aria-labelledby': 'screen-heading', 'data-ending': ending.id },
    h('p', { class: 'kicker' }, `${scenario.title} · seed ${mine.seed} · ${world.decisions.length} decisions`),
    heading,
    h('p', { class: `tone tone-${ending.tone}` }, TONES[ending.tone] ?? ending.tone),
    h('p', { class: 'lede' }, ending.text),
    h('p', { class: 'objective' }, h('strong', null, 'Your objective was: '), scenario.objective),
    verdictSection(verdict),
    endingsList(scenario, verdict),
    h('section', { 'aria-labelledby': 'history-heading' }, h('h3', { id: 'history-heading' }, 'What really happened'), h('p', null, scenario.debrief.summary)),
    h(
      'section',
      { 'aria-labelledby': 'path-heading' },
      h('h3', { id: 'path-heading' }, 'Your path beside the historical one'),
      scrollBox(pathTable(mine, history, actions.onBranch)),
      h(
        'p',
        { class: 'no-print compare-link' },
        h('a', { href: actions.compareHref, class: 'button secondary', 'data-action': 'compare' }, 'Compare runs'),
        ' Set this run beside the historical path or a branch of it, meter by meter, and see what tends to happen at each decision.',
      ),
    ),
    charts(mine, history),
    scrollBox(finalTable(mine, history)),
    h(
      'section',
      { class: 'questions', 'aria-labelledby': 'questions-heading' },
      h('h3', { id: 'questions-heading' }, 'For discussion'),
      h(
        'ol',
        null,
        scenario.debrief.questions.map((q) => h('li', null, q)),
      ),
    ),
    h(
      'section',
      { class: 'sources', 'aria-labelledby': 'sources-heading' },
      h('h3', { id: 'sources-heading' }, 'Sources'),
      h(
        'ul',
        null,
        scenario.sources.map((file) => h('li', null, sourceRef(scenario, file).title)),
      ),
    ),
    h(
      'div',
      { class: 'actions no-print' },
      h('button', { type: 'button', class: 'primary', 'data-action': 'print', onclick: () => window.print() }, 'Print the debrief'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'again', onclick: actions.onAgain }, 'Play again with a new seed'),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'choose', onclick: actions.onChoose }, 'Choose another crisis'),
    ),
  );
  return {
    el,
    heading,
    announcement: `Debrief. ${ending.title}. ${ending.text} ${TONES[ending.tone] ?? ''}. History on this seed ended in ${verdict.history.title}: yours is ${verdict.comparison} for the alliance.`,
  };
}
