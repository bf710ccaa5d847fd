import './compare.css';
import { isOver, type Run } from '../../engine/play/run.ts';
import { cohesion } from '../../engine/rules/cohesion.ts';
import type { Decision, World } from '../../engine/core/world.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import { chartLegend, chartTable, lineChart, type Series } from '../charts/line-chart.ts';
import { firstDivergence } from './divergence.ts';
import { h, type Child } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { endingReached } from '../../engine/core/ending.ts';
import { banded } from '../kit/banded.ts';

/**
 * A run beside another on the same seed (the historical path, or a branch the player made): the
 * decisions side by side with the first one taken differently marked, and the meters over time.
 */
export interface CompareTarget {
  href: string;
  label: string;
  current: boolean;
}

export interface CompareSpec {
  mine: Run;
  other: Run;
  /** What the other run is, as a column heading: "The historical path", "Branch at decision 2". */
  otherName: string;
  /** Everything this run can be set beside: the historical path first, then saved runs on the same seed. */
  targets: CompareTarget[];
  backHref: string;
  backLabel: string;
  outlookHref: (at: number) => string;
  /** A link to open the other run itself, when it is a saved one. */
  otherHref: string | null;
  notice: string | null;
}

/** "The historical path" inside a sentence: "the historical path". */
const inSentence = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function decisionText(scenario: Scenario, d: Decision): Child[] {
  const dev = scenario.developments[d.development];
  const historical = dev.options.some((o) => o.id === d.option && o.historical);
  return [
    h('span', { class: 'path-dev' }, `${dev.title} (${dev.date})`),
    h('br'),
    h('strong', null, optionLabel(scenario, d.option)),
    d.leverage ? " — with Moscow's leverage" : null,
    historical ? h('span', { class: 'tag history-tag' }, 'as in history') : null,
  ];
}

function cell(run: Run, i: number): HTMLElement {
  const { scenario, world } = run;
  const d = world.decisions[i];
  if (d) return h('td', null, decisionText(scenario, d));
  if (i === world.decisions.length && !isOver(run))
    return h('td', { class: 'pending' }, h('span', { class: 'path-dev' }, 'Not decided yet: '), currentDevelopment(scenario, world).title);
  return h('td', { class: 'none' }, i === world.decisions.length ? 'The run ended.' : '');
}

function decisionsTable(spec: CompareSpec, parted: number | null): HTMLElement {
  const { mine, other, otherName } = spec;
  const { scenario } = mine;
  const pending = isOver(mine) ? 0 : 1;
  const n = Math.max(mine.world.decisions.length + pending, other.world.decisions.length + (isOver(other) ? 0 : 1));
  const rows = Array.from({ length: n }, (_, i) => {
    const diverges = i === parted;
    const at = i + 1;
    const devId = mine.world.decisions[i]?.development ?? (i === mine.world.decisions.length ? mine.world.development : null);
    const link = devId
      ? h(
          'a',
          { class: 'link-action', href: spec.outlookHref(at), 'aria-label': `What tends to happen at decision ${at}, ${scenario.developments[devId].title}` },
          'What tends to happen',
        )
      : null;
    return h(
      'tr',
      { class: diverges ? 'diverges' : null, 'data-decision': String(at), 'data-diverges': diverges ? 'true' : null },
      h('th', { scope: 'row' }, String(at), diverges ? h('span', { class: 'tag diverge-tag' }, 'first divergence') : null),
      cell(mine, i),
      cell(other, i),
      h('td', null, link),
    );
  });
  return h(
    'table',
    { class: 'path compare-path' },
    h('caption', null, `Decisions side by side: your run and ${inSentence(otherName)}`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Your run'),
        h('th', { scope: 'col' }, otherName),
        h('th', { scope: 'col' }, 'Each choice played 1,000 times'),
      ),
    ),
    h('tbody', null, rows),
  );
}

function summary(spec: CompareSpec, parted: number | null): string {
  const { mine, other, otherName } = spec;
  const { scenario } = mine;
  const label = (d: Decision) => `“${optionLabel(scenario, d.option)}”${d.leverage ? " with Moscow's leverage" : ''}`;
  if (parted !== null) {
    const dev = scenario.developments[mine.world.decisions[parted].development];
    return `The paths part at decision ${parted + 1}, ${dev.title} (${dev.date}): your run chose ${label(mine.world.decisions[parted])}; ${inSentence(otherName)} chose ${label(other.world.decisions[parted])}.`;
  }
  const n = Math.min(mine.world.decisions.length, other.world.decisions.length);
  if (n === 0) return `${mine.world.decisions.length === 0 ? 'Your run has' : `${otherName} has`} not taken a decision yet, so the paths have not parted.`;
  return `The paths have not parted: the ${n === 1 ? 'one decision' : `${n} decisions`} both have taken are the same, and on the same seed the same decisions give the same world.`;
}

type Read = (w: { cohesion: number; credibility: number; moscowBandwidth: number; loyalty: Record<string, number> }) => number;

function charts(spec: CompareSpec): HTMLElement {
  const { mine, other, otherName } = spec;
  const { scenario } = mine;
  const n = Math.max(mine.world.trajectory.length, other.world.trajectory.length);
  const points = Array.from({ length: n }, (_, i) => (i === 0 ? 'Start' : String(i)));
  const pair = (read: Read): Series[] => [
    { label: 'Your run', kind: 'yours', values: mine.world.trajectory.map(read) },
    { label: otherName, kind: 'history', values: other.world.trajectory.map(read) },
  ];
  const meters: [string, Read][] = [
    ['Credibility of the guarantee', (w) => w.credibility],
    ["Moscow's bandwidth", (w) => w.moscowBandwidth],
    ...scenario.members.map((code): [string, Read] => [`${scenario.names[code]}: loyalty`, (w) => w.loyalty[code]]),
  ];
  const all: [string, Read][] = [['Cohesion', (w) => w.cohesion], ...meters];
  return h(
    'section',
    { class: 'charts', 'aria-labelledby': 'compare-charts-heading' },
    h('h3', { id: 'compare-charts-heading' }, 'The meters over time'),
    h('p', null, 'After each decision ("Start" is before the first). Values run from 0 to 100.'),
    chartLegend('Your run', otherName),
    lineChart({ title: 'Cohesion of the alliance', points, series: pair((w) => w.cohesion) }),
    h(
      'div',
      { class: 'small-multiples' },
      meters.map(([title, read]) => lineChart({ title, size: 'small', points, series: pair(read) })),
    ),
    h(
      'details',
      { class: 'chart-details' },
      h('summary', null, 'The charts as a table'),
      chartTable(
        'The meters after each decision',
        points,
        all.flatMap(([title, read]) => [
          { label: `${title}, your run`, values: mine.world.trajectory.map(read) },
          { label: `${title}, ${inSentence(otherName)}`, values: other.world.trajectory.map(read) },
        ]),
      ),
    ),
  );
}

function standing(spec: CompareSpec): HTMLElement {
  const { mine, other, otherName } = spec;
  const { scenario } = mine;
  const ending = (run: Run) => (isOver(run) ? endingReached(scenario, run.world).title : 'not over yet');
  const member = (w: World, code: string) =>
    w.members[code].status === 'member'
      ? banded('loyalty', w.members[code].loyalty)
      : `${banded('loyalty', w.members[code].loyalty)}, ${w.members[code].status}`;
  const row = (label: string, a: string, b: string) => h('tr', null, h('th', { scope: 'row' }, label), h('td', null, a), h('td', null, b));
  return h(
    'table',
    { class: 'final' },
    h('caption', null, isOver(mine) && isOver(other) ? 'Where each path ended' : 'Where each path stands now'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Your run'), h('th', { scope: 'col' }, otherName))),
    h(
      'tbody',
      null,
      row('Ending', ending(mine), ending(other)),
      row('Cohesion', banded('cohesion', cohesion(mine.world, scenario.params.cohesion)), banded('cohesion', cohesion(other.world, scenario.params.cohesion))),
      row('Credibility', banded('credibility', mine.world.credibility), banded('credibility', other.world.credibility)),
      row("Moscow's bandwidth", banded('moscowBandwidth', mine.world.moscowBandwidth), banded('moscowBandwidth', other.world.moscowBandwidth)),
      scenario.members.map((code) => row(`${scenario.names[code]}: loyalty`, member(mine.world, code), member(other.world, code))),
    ),
  );
}

export function compareScreen(spec: CompareSpec): Screen {
  const { mine, otherName } = spec;
  const { scenario } = mine;
  const parted = firstDivergence(mine.world.decisions, spec.other.world.decisions);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `Compare: your run beside ${inSentence(otherName)}`);
  const said = summary(spec, parted);
  const el = h(
    'section',
    { class: 'screen compare', 'aria-labelledby': 'screen-heading', 'data-parted': parted === null ? 'none' : String(parted + 1) },
    h('p', { class: 'kicker' }, `${scenario.title} · seed ${mine.seed} · ${mine.world.decisions.length} decisions`),
    heading,
    spec.notice ? h('p', { class: 'notice notice-error' }, spec.notice) : null,
    h('p', { class: 'lede' }, `Both runs are played on seed ${mine.seed}: the same dice, so what differs comes from the decisions.`),
    h(
      'nav',
      { class: 'compare-with', 'aria-labelledby': 'compare-with-heading' },
      h('h3', { id: 'compare-with-heading' }, 'Compare with'),
      h(
        'ul',
        null,
        spec.targets.map((t) => h('li', null, h('a', { href: t.href, class: 'button secondary', 'aria-current': t.current ? 'page' : null }, t.label))),
      ),
      spec.targets.length < 2
        ? h(
            'p',
            { class: 'muted' },
            `No other saved run of this scenario on seed ${mine.seed} yet. Go back to a decision (Decisions, in the bar above) to start a branch: it is saved on its own and can be set beside this one here.`,
          )
        : null,
    ),
    h('p', { class: `divergence ${parted === null ? 'same' : 'parted'}`, 'data-divergence': '' }, said),
    scrollBox(decisionsTable(spec, parted)),
    charts(spec),
    scrollBox(standing(spec)),
    h(
      'div',
      { class: 'actions no-print' },
      h('a', { class: 'button primary', href: spec.backHref, 'data-action': 'back' }, spec.backLabel),
      spec.otherHref ? h('a', { class: 'button secondary', href: spec.otherHref, 'data-action': 'open-other' }, 'Open the other run') : null,
    ),
  );
  return { el, heading, announcement: `Compare. Your run beside ${otherName}. ${said}` };
}
