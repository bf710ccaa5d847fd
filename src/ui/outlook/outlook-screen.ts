import type { RunRecord } from '../../engine/play/record.ts';
import type { Run } from '../../engine/play/run.ts';
import { announce } from '../kit/announce.ts';
import { h, replace, uid } from '../kit/dom.ts';
import { chartTables, outlookChart } from './chart.ts';
import { startOutlook, type OutlookJob } from './client.ts';
import { Downloads, fileStem, pngFile, svgFile } from './files.ts';
import { planOutlook, type OutlookPlan } from '../../engine/analysis/outlook-plan.ts';
import type { OutlookResult } from './protocol.ts';
import { armHeading, resultTables } from './results.ts';
import { summaryCsv } from './summary-csv.ts';
import type { Sources } from '../state/library.ts';
import type { Screen } from '../kit/screen.ts';

/**
 * "What tends to happen": at one decision of a run, every choice the Council had is played a thousand
 * times in a worker, the page showing progress and staying free; then the distributions, as tables, a
 * chart with its text alternative and its numbers, and files to take away. This module is loaded only
 * when the screen is opened, so the first screen's JavaScript does not carry it.
 */
export interface OutlookSpec {
  run: Run;
  record: RunRecord;
  at: number;
  sources: () => Promise<Sources>;
  backHref: string;
  backLabel: string;
  compareHref: string;
}

type State = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Results by what produced them: the same run, decision and seeds always give the same answer, so it is kept for the visit. */
const kept = new Map<string, OutlookResult>();
const KEEP = 6;

function keep(key: string, result: OutlookResult) {
  kept.delete(key);
  kept.set(key, result);
  if (kept.size > KEEP) kept.delete(kept.keys().next().value!);
}

const count = (n: number) => n.toLocaleString('en-US');

export function outlookScreen(spec: OutlookSpec): Screen {
  const { scenario } = spec.run;
  const planned = planOutlook(scenario, spec.record, spec.at);
  const back = h(
    'div',
    { class: 'actions no-print' },
    h('a', { class: 'button primary', href: spec.backHref, 'data-action': 'back' }, spec.backLabel),
    h('a', { class: 'button secondary', href: spec.compareHref }, 'Compare this run with another'),
  );
  if (!planned.ok) {
    const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `What tends to happen at decision ${spec.at}`);
    const el = h('section', { class: 'screen outlook', 'aria-labelledby': 'screen-heading' }, heading, h('p', { class: 'notice notice-error' }, `This cannot be played: ${planned.error}.`), back);
    return { el, heading, announcement: `What tends to happen. This cannot be played: ${planned.error}.` };
  }
  return plannedScreen(spec, planned.plan, back);
}

function plannedScreen(spec: OutlookSpec, plan: OutlookPlan, back: HTMLElement): Screen {
  const { scenario } = spec.run;
  const dev = scenario.developments[plan.development];
  const total = plan.runs * plan.arms.length;
  const title = `What tends to happen at decision ${plan.at}: ${dev.title}`;
  const key = [scenario.id, scenario.contentHash, plan.seed, plan.record.decisions.join(','), plan.at, plan.runs, plan.arms.map((a) => a.decision).join(',')].join('|');
  const downloads = new Downloads();
  let job: OutlookJob | null = null;
  let state: State = 'idle';
  let gone = false;

  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, title);
  const start = h('button', { type: 'button', class: 'primary', 'data-action': 'outlook-start' }, `Play each choice ${count(plan.runs)} times`);
  const progressId = uid('outlook-progress');
  const progress = h('progress', { id: progressId, max: String(total), value: '0' });
  const counter = h('p', { class: 'progress-count' }, '');
  const cancel = h('button', { type: 'button', class: 'secondary', 'data-action': 'outlook-cancel' }, 'Cancel');
  const running = h('div', { class: 'outlook-progress', hidden: true }, h('label', { for: progressId }, 'Playthroughs done'), h('div', { class: 'progress-row' }, progress, cancel), counter);
  const status = h('p', { class: 'outlook-status', 'data-outlook-status': '' });
  const results = h('section', { class: 'outlook-results', 'aria-labelledby': 'results-heading', hidden: true });
  const reference = plan.arms[0];
  const el = h(
    'section',
    { class: 'screen outlook', 'aria-labelledby': 'screen-heading', 'data-outlook-state': state, 'data-at': String(plan.at) },
    h('p', { class: 'kicker' }, `${scenario.title} · seed ${spec.run.seed} · decision ${plan.at} · ${dev.date}`),
    heading,
    h(
      'p',
      { class: 'lede' },
      `Each choice the Council had at this decision is taken, then the rest of the run is played with the historical choices, ${count(plan.runs)} times, on seeds ${plan.seed}-0 to ${plan.seed}-${plan.runs - 1}. Every choice meets the same dice on the same seed, so what differs comes from the choice.`,
    ),
    h(
      'p',
      null,
      plan.pending
        ? `The Council has not decided yet. Choice 1 is what the alliance did historically; the others are measured against it.`
        : `Your run chose “${reference.label}” here. It is choice 1; the others are measured against it.`,
    ),
    h('h3', null, `The ${plan.arms.length} choices played`),
    h('ol', { class: 'outlook-arms' }, plan.arms.map((a, k) => h('li', { 'data-arm': a.decision }, armHeading(a, k).replace(/^\d+\. /, '')))),
    plan.leftOut.length ? h('p', { class: 'muted' }, `Not played, because the Council could not choose them then: ${plan.leftOut.join('; ')}.`) : null,
    h('div', { class: 'outlook-run' }, start, running, status),
    results,
    back,
  );

  const setState = (next: State) => {
    state = next;
    el.dataset.outlookState = next;
  };

  let announcedAt = 0;
  let announcedQuarter = 0;
  const onProgress = (done: number, all: number) => {
    progress.value = done;
    counter.textContent = `${count(done)} of ${count(all)} playthroughs`;
    // Spoken at quarters, and only if the last word was a while ago: a short batch is not narrated.
    const quarter = Math.floor((done / all) * 4);
    if (quarter > announcedQuarter && quarter < 4 && performance.now() - announcedAt > 3000) {
      announcedQuarter = quarter;
      announcedAt = performance.now();
      announce(`${quarter * 25}% done.`);
    }
  };

  const stopRunning = () => {
    running.hidden = true;
    job = null;
  };

  const showResult = (result: OutlookResult, focus: boolean) => {
    const { report } = result;
    const chart = outlookChart(report, plan.arms, title);
    const svgText = svgFile(chart.svg);
    const stem = fileStem(scenario.id, plan.at, plan.seed);
    const files = h(
      'ul',
      { class: 'downloads' },
      h('li', null, downloads.link('runs-csv', `Every playthrough, one row each (CSV, ${count(total)} rows)`, `${stem}_runs.csv`, new Blob([result.csv], { type: 'text/csv' }))),
      h('li', null, downloads.link('summary-csv', 'The tables (CSV)', `${stem}_summary.csv`, new Blob([summaryCsv(report)], { type: 'text/csv' }))),
      h('li', null, downloads.link('json', 'The whole report (JSON)', `${stem}.json`, new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }))),
      h('li', null, downloads.link('svg', 'The chart (SVG)', `${stem}.svg`, new Blob([svgText], { type: 'image/svg+xml' }))),
    );
    const width = Number(chart.svg.getAttribute('width'));
    const height = Number(chart.svg.getAttribute('height'));
    pngFile(svgText, width, height)
      .then((png) => {
        if (!gone) files.append(h('li', null, downloads.link('png', 'The chart (PNG)', `${stem}.png`, png)));
      })
      .catch((error: unknown) => {
        if (!gone) files.append(h('li', { class: 'muted' }, `The chart could not be made into a PNG here (${(error as Error).message}); the SVG opens in any browser.`));
      });
    const resultsHeading = h('h3', { id: 'results-heading', tabindex: '-1' }, `What tends to happen: ${count(report.runs)} runs of each choice`);
    replace(
      results,
      resultsHeading,
      h(
        'p',
        { class: 'how-to-read' },
        `Shares are given with their 95% interval. Under choices 2 and after, in smaller type: the difference from choice 1, “${reference.label}”, paired seed by seed, with its 95% interval. Played in ${(result.ms / 1000).toFixed(1)} s in the background.`,
      ),
      resultTables(scenario, report, plan.arms),
      chart.figure,
      h('details', { class: 'chart-details' }, h('summary', null, 'The chart as a table'), chartTables(report, plan.arms)),
      h('section', { class: 'no-print', 'aria-labelledby': 'downloads-heading' }, h('h4', { id: 'downloads-heading' }, 'Take the results away'), files),
    );
    results.dataset.elapsedMs = String(Math.round(result.ms));
    results.hidden = false;
    start.hidden = true;
    setState('done');
    if (focus) {
      resultsHeading.focus();
      announce(`Done: ${count(total)} playthroughs. The results follow, as tables and a chart.`);
    }
  };

  const fail = (error: string) => {
    stopRunning();
    setState('failed');
    status.textContent = `The runs could not be played: ${error}.`;
    status.classList.add('notice', 'notice-error');
    start.hidden = false;
    start.focus();
    announce(status.textContent);
  };

  const begin = async () => {
    setState('running');
    status.textContent = '';
    status.classList.remove('notice', 'notice-error');
    start.hidden = true;
    running.hidden = false;
    onProgress(0, total);
    announcedQuarter = 0;
    announcedAt = performance.now();
    cancel.focus();
    announce(`Playing ${plan.arms.length} choices ${count(plan.runs)} times each, in the background. The page stays usable; Cancel stops it.`);
    let sources: Sources;
    try {
      sources = await spec.sources();
    } catch (error) {
      return fail((error as Error).message);
    }
    if (state !== 'running' || gone) return;
    job = startOutlook(
      {
        ...sources,
        contentHash: scenario.contentHash,
        record: plan.record,
        at: plan.at,
        alternatives: plan.arms.slice(1).map((a) => a.decision),
        runs: plan.runs,
        seed: plan.seed,
      },
      {
        progress: onProgress,
        done: (result) => {
          stopRunning();
          keep(key, result);
          showResult(result, true);
        },
        failed: fail,
      },
    );
  };

  start.addEventListener('click', () => void begin());
  cancel.addEventListener('click', () => {
    job?.cancel();
    stopRunning();
    setState('cancelled');
    status.textContent = 'Cancelled: the runs were stopped and nothing was kept.';
    start.hidden = false;
    start.focus();
    announce(status.textContent);
  });

  const known = kept.get(key);
  if (known) showResult(known, false);
  const spoken = known ? 'The results of an earlier run are shown.' : `Press “${start.textContent}” to play them.`;
  return {
    el,
    heading,
    announcement: `${title}. ${plan.arms.length} choices to play ${count(plan.runs)} times each. ${spoken}`,
    dispose: () => {
      gone = true;
      job?.cancel();
      downloads.dispose();
    },
  };
}
