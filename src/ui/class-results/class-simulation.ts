import { CLASS_PATH_ARM, classPathPolicyArgument, commonPath, commonPathSteps, type GroupRun } from '../../engine/analysis/class-set.ts';
import type { CompareReport } from '../../engine/analysis/compare.ts';
import { armLabel } from '../../engine/analysis/outlook-plan.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { announce } from '../kit/announce.ts';
import { h, replace, uid } from '../kit/dom.ts';
import { whole } from '../kit/format.ts';
import { scrollBox } from '../kit/scroll-box.ts';
import type { Sources } from '../state/library.ts';
import { chartTables, outlookChart, type ChartArm } from '../outlook/chart.ts';
import { type OutlookJob, startClassPath } from '../outlook/client.ts';
import { ProgressNarration } from '../outlook/progress-narration.ts';
import type { OutlookResult } from '../outlook/protocol.ts';

/**
 * The class set against simulation: a thousand runs of history and a thousand of the class's most common
 * path, in the outlook's workers, on the same seeds; then the endings and final cohesion of both, with
 * each group marked where it ended.
 */
export const SIMULATED_RUNS = 1000;
/** Fixed, so the same class gives the same figures each time and on every machine. */
export const SIMULATION_SEED = 'class';

/**
 * Results already played, by scenario version and path: renaming a group, or adding one that leaves the
 * path as it was, shows them again at once rather than asking for the runs anew.
 */
const played = new Map<string, OutlookResult<CompareReport>>();

const ARMS: ChartArm[] = [{ label: 'History' }, { label: 'The class’s most common path' }];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export interface SimulationSpec {
  scenario: Scenario;
  groups: GroupRun[];
  sources: () => Promise<Sources>;
  /** The page has left the screen: nothing more is drawn or said. */
  gone: () => boolean;
}

export interface Simulation {
  el: HTMLElement;
  stop(): void;
}

/** The path as sentences: at each development, the decision and how many of the groups there took it. */
function pathList(scenario: Scenario, groups: GroupRun[]): HTMLElement {
  return h(
    'ul',
    { class: 'class-path' },
    commonPathSteps(groups).map((step) =>
      h(
        'li',
        { 'data-development': step.development },
        `${scenario.developments[step.development]?.title ?? step.development}: `,
        h('strong', null, armLabel(scenario, step.decision)),
        ` (${step.took} of the ${step.came} ${step.came === 1 ? 'group' : 'groups'} that came there${step.tied ? ', tied with another choice' : ''})`,
      ),
    ),
  );
}

function endingsTable(scenario: Scenario, report: CompareReport, groups: GroupRun[]): HTMLElement {
  const rows = scenario.endings.map((ending) => {
    const outcome = report.outcomes.find((o) => o.key === `ending:${ending.id}`);
    const reached = groups.filter((g) => g.ending?.id === ending.id);
    return h(
      'tr',
      { 'data-ending': ending.id },
      h('th', { scope: 'row' }, ending.title),
      (outcome?.byPolicy ?? []).map((share) => h('td', null, `${pct(share.estimate)} (${pct(share.lo)}–${pct(share.hi)})`)),
      h('td', null, reached.length ? reached.map((g) => g.name).join(', ') : '–'),
    );
  });
  return scrollBox(
    h(
      'table',
      { class: 'class-endings' },
      h('caption', null, `Endings: share of ${SIMULATED_RUNS.toLocaleString('en-US')} runs each (95% interval), and the groups that reached each`),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Ending'),
          ARMS.map((a) => h('th', { scope: 'col' }, a.label)),
          h('th', { scope: 'col' }, 'The class’s groups'),
        ),
      ),
      h('tbody', null, rows),
    ),
  );
}

function results(spec: SimulationSpec, result: OutlookResult<CompareReport>): HTMLElement[] {
  const { scenario, groups } = spec;
  const { report } = result;
  const marks = groups.map((g, k) => ({ number: k + 1, value: g.cohesion }));
  const chart = outlookChart(report, ARMS, `${scenario.title}: the class against ${SIMULATED_RUNS.toLocaleString('en-US')} runs each`, marks);
  return [
    endingsTable(scenario, report, groups),
    // On a phone the chart keeps a legible size and its box scrolls sideways, as a wide table's does.
    scrollBox(chart.figure, 'The chart of final cohesion: history beside the class’s path'),
    h(
      'p',
      { class: 'class-marks' },
      'Under each histogram, the triangles mark where the groups’ final cohesion fell: ',
      groups.map((g, k) => `${k + 1}. ${g.name} (${whole(g.cohesion)})`).join('; '),
      '.',
    ),
    report.notes.length
      ? h(
          'ul',
          { class: 'muted' },
          report.notes.map((n) => h('li', null, n.replace(`${CLASS_PATH_ARM}:`, 'The class’s path:'))),
        )
      : null,
    h('details', { class: 'chart-details' }, h('summary', null, 'The chart as a table'), chartTables(report, ARMS)),
    h(
      'p',
      { class: 'muted' },
      `Played in ${(result.ms / 1000).toFixed(1)} s in the background${result.workers > 1 ? `, on ${result.workers} processor cores at once` : ''}, on seeds ${SIMULATION_SEED}-0 to ${SIMULATION_SEED}-${SIMULATED_RUNS - 1}. Simulated members take the stances the model gives them, not the ones the class declared.`,
    ),
    h(
      'p',
      { class: 'muted' },
      'The command line gives the same numbers: ',
      h(
        'code',
        { class: 'class-command', 'data-command': '' },
        `npm run cli -- compare ${scenario.id} --policy historical --policy '${classPathPolicyArgument(commonPath(groups))}' --runs ${SIMULATED_RUNS} --seed ${SIMULATION_SEED}`,
      ),
    ),
  ].filter((e): e is HTMLElement => e !== null);
}

export function classSimulation(spec: SimulationSpec): Simulation {
  const { scenario, groups } = spec;
  const plan = commonPath(groups);
  const id = uid('class-sim');
  const start = h('button', { type: 'button', class: 'primary', 'data-action': 'simulate' }, `Play ${SIMULATED_RUNS.toLocaleString('en-US')} runs of each`);
  const cancel = h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel' }, 'Cancel');
  const progress = h('progress', { id: `${id}-progress`, max: String(SIMULATED_RUNS * 2), value: '0' });
  const running = h(
    'div',
    { class: 'outlook-progress', hidden: true },
    h('label', { for: `${id}-progress` }, 'Playthroughs done'),
    h('div', { class: 'progress-row' }, progress, cancel),
  );
  const status = h('p', { class: 'muted', 'data-simulation': 'idle' });
  const out = h('div', { class: 'class-simulation-results' });
  const narration = new ProgressNarration();
  const key = JSON.stringify([scenario.id, scenario.contentHash, plan, SIMULATED_RUNS, SIMULATION_SEED]);
  let job: OutlookJob | null = null;
  let stopped = false;

  const settle = (state: string, text: string) => {
    job = null;
    running.hidden = true;
    start.hidden = false;
    status.dataset.simulation = state;
    status.textContent = text;
  };
  start.addEventListener('click', () => {
    start.hidden = true;
    running.hidden = false;
    progress.value = 0;
    status.dataset.simulation = 'running';
    status.textContent = '';
    replace(out);
    stopped = false;
    narration.restart();
    cancel.focus();
    announce(`Playing ${SIMULATED_RUNS.toLocaleString('en-US')} runs of history and of the class’s path, in the background. Cancel stops it.`);
    spec.sources().then(
      (sources) => {
        if (stopped || spec.gone()) return;
        job = startClassPath(
          {
            request: { kind: 'class-path', ...sources, contentHash: scenario.contentHash, path: plan, runs: SIMULATED_RUNS, seed: SIMULATION_SEED },
            scenario,
            cores: navigator.hardwareConcurrency,
          },
          {
            progress: (done, total) => {
              progress.value = done;
              narration.heard(done, total);
            },
            done: (result) => {
              played.set(key, result);
              if (spec.gone()) return;
              settle('done', `Done: ${(SIMULATED_RUNS * 2).toLocaleString('en-US')} playthroughs.`);
              start.textContent = 'Play them again';
              replace(out, results(spec, result));
              announce('Done. The endings and final cohesion of both follow, with the groups marked.');
            },
            failed: (error) => {
              if (!spec.gone()) settle('failed', `The runs stopped: ${error}.`);
            },
          },
        );
      },
      (error: unknown) => settle('failed', `The runs could not start: ${(error as Error).message}.`),
    );
  });
  cancel.addEventListener('click', () => {
    stopped = true;
    job?.cancel();
    settle('cancelled', 'Cancelled: nothing was kept.');
    start.focus();
    announce('Cancelled.');
  });

  const earlier = played.get(key);
  if (earlier) {
    status.dataset.simulation = 'done';
    status.textContent = `Played earlier: ${(SIMULATED_RUNS * 2).toLocaleString('en-US')} playthroughs.`;
    start.textContent = 'Play them again';
    replace(out, results(spec, earlier));
  }
  const el = h(
    'section',
    { class: 'class-simulation', 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading` }, `The class against ${SIMULATED_RUNS.toLocaleString('en-US')} simulated runs`),
    h(
      'p',
      null,
      `History (the choices the alliance really made, at every decision) and the class’s most common path are each played ${SIMULATED_RUNS.toLocaleString('en-US')} times, on the same seeds. The class’s path takes, at each development, the decision most of the groups that came there took (a tie goes to the group listed first); everywhere else, history’s choice:`,
    ),
    pathList(scenario, groups),
    h('div', { class: 'actions no-print' }, start),
    running,
    status,
    out,
  );
  return {
    el,
    stop: () => {
      stopped = true;
      job?.cancel();
      job = null;
    },
  };
}
