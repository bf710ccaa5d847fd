import { createActor } from 'xstate';
import { planOutlook, type OutlookPlan } from '../../engine/analysis/outlook-plan.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import type { Run } from '../../engine/play/run.ts';
import { announce } from '../kit/announce.ts';
import { h } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import type { Sources } from '../state/library.ts';
import { startOutlook, warmWorkers, type OutlookHandlers } from './client.ts';
import type { OutlookRequest } from './protocol.ts';
import type { WarmWorkers } from './warm-workers.ts';
import { Downloads } from './files.ts';
import { keepResult, keptResult } from './kept-results.ts';
import { outlookMachine, type OutlookState, type PlayRuns } from './outlook-machine.ts';
import { count, outlookView, renderOutlook, type OutlookView } from './outlook-view.ts';
import { ProgressNarration } from './progress-narration.ts';
import { fillResults } from './results-section.ts';

/**
 * "What tends to happen": at one decision of a run, every choice the Council had is played a thousand
 * times in background workers, the page showing progress and staying free; then the distributions, as tables, a
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

export function outlookScreen(spec: OutlookSpec): Screen {
  const planned = planOutlook(spec.run.scenario, spec.record, spec.at);
  const back = h(
    'div',
    { class: 'actions no-print' },
    h('a', { class: 'button primary', href: spec.backHref, 'data-action': 'back' }, spec.backLabel),
    h('a', { class: 'button secondary', href: spec.compareHref }, 'Compare this run with another'),
  );
  if (!planned.ok) {
    const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `What tends to happen at decision ${spec.at}`);
    const el = h(
      'section',
      { class: 'screen outlook', 'aria-labelledby': 'screen-heading' },
      heading,
      h('p', { class: 'notice notice-error' }, `This cannot be played: ${planned.error}.`),
      back,
    );
    return { el, heading, announcement: `What tends to happen. This cannot be played: ${planned.error}.` };
  }
  return plannedScreen(spec, planned.value, back);
}

/** The request the workers play: the scenario's texts (fetched once), the run, and the plan. */
function outlookRequest(spec: OutlookSpec, plan: OutlookPlan): Promise<OutlookRequest> {
  return spec.sources().then((sources) => ({
    kind: 'fork',
    ...sources,
    contentHash: spec.run.scenario.contentHash,
    record: plan.record,
    at: plan.at,
    alternatives: plan.arms.slice(1).map((a) => a.decision),
    runs: plan.runs,
    seed: plan.seed,
  }));
}

/**
 * Workers started as the screen opens, so that a click plays at once (see WarmWorkers); the body says
 * when they are ready (`data-outlook-workers`), which the bench waits for.
 */
function warmUp(request: Promise<OutlookRequest>): { warm: Promise<WarmWorkers | null>; dispose(): void } {
  let gone = false;
  let made: WarmWorkers | null = null;
  const warm = request.then(
    (r) => {
      if (gone) return null;
      made = warmWorkers(r, navigator.hardwareConcurrency, () => document.body.setAttribute('data-outlook-workers', 'ready'));
      return made;
    },
    () => null,
  );
  return {
    warm,
    dispose() {
      gone = true;
      made?.dispose();
      document.body.removeAttribute('data-outlook-workers');
    },
  };
}

/** The scenario's texts are fetched, then the runs go to the workers (those warmed up, the first time); stopped before they start, none is. */
function playInWorkers(spec: OutlookSpec, request: Promise<OutlookRequest>, warm: Promise<WarmWorkers | null>): PlayRuns {
  return (on: OutlookHandlers) => {
    let stopped = false;
    let stopJob: (() => void) | null = null;
    Promise.all([request, warm]).then(
      ([r, w]) => {
        if (stopped) return;
        stopJob = startOutlook({ request: r, scenario: spec.run.scenario, cores: navigator.hardwareConcurrency, ...(w ? { warm: w } : {}) }, on).cancel;
      },
      (error: unknown) => {
        if (!stopped) on.failed((error as Error).message);
      },
    );
    return () => {
      stopped = true;
      stopJob?.();
    };
  };
}

/** What is said, and where focus goes, on entering a state: the screen is rendered by then. */
function present(view: OutlookView, state: OutlookState, plan: OutlookPlan, resultsHeading: () => HTMLElement | null) {
  if (state === 'running') {
    view.cancel.focus();
    announce(`Playing ${plan.arms.length} choices ${count(plan.runs)} times each, in the background. The page stays usable; Cancel stops it.`);
  } else if (state === 'done') {
    resultsHeading()?.focus();
    announce(`Done: ${count(plan.runs * plan.arms.length)} playthroughs. The results follow, as tables and a chart.`);
  } else if (state === 'cancelled' || state === 'failed') {
    view.start.focus();
    announce(view.status.textContent ?? '');
  }
}

function plannedScreen(spec: OutlookSpec, plan: OutlookPlan, back: HTMLElement): Screen {
  const { scenario } = spec.run;
  const title = `What tends to happen at decision ${plan.at}: ${scenario.developments[plan.development].title}`;
  const key = [
    scenario.id,
    scenario.contentHash,
    plan.seed,
    plan.record.decisions.join(','),
    plan.at,
    plan.runs,
    plan.arms.map((a) => a.decision).join(','),
  ].join('|');
  const downloads = new Downloads();
  const narration = new ProgressNarration();
  let gone = false;
  let resultsHeading: HTMLElement | null = null;
  const view = outlookView({ scenario, seed: spec.run.seed, plan, title, back });
  const showResults = (result: Parameters<typeof fillResults>[1]) => {
    resultsHeading = fillResults(view.results, result, { scenario, plan, title, downloads, gone: () => gone });
  };

  const known = keptResult(key);
  const request = outlookRequest(spec, plan);
  // A failed fetch is said when the runs are asked for, not reported as unhandled before.
  request.catch(() => {});
  // Results kept from an earlier visit are shown at once: no workers are warmed for them.
  const warming = known ? { warm: Promise.resolve(null), dispose() {} } : warmUp(request);
  const actor = createActor(outlookMachine, {
    input: { total: plan.runs * plan.arms.length, kept: known, play: playInWorkers(spec, request, warming.warm) },
  });
  let was: OutlookState | null = null;
  let progressed = 0;
  actor.subscribe((snapshot) => {
    const state = snapshot.value as OutlookState;
    const { context } = snapshot;
    renderOutlook(view, state, context, showResults);
    if (state === was) {
      if (state === 'running' && context.done !== progressed) narration.heard(context.done, context.total);
    } else if (was !== null) {
      if (state === 'done' && context.result) keepResult(key, context.result);
      present(view, state, plan, () => resultsHeading);
      if (state === 'running') narration.restart();
    }
    was = state;
    progressed = context.done;
  });
  actor.start();
  view.start.addEventListener('click', () => actor.send({ type: 'outlook.start' }));
  view.cancel.addEventListener('click', () => actor.send({ type: 'outlook.cancel' }));

  const spoken = known ? 'The results of an earlier run are shown.' : `Press “${view.start.textContent}” to play them.`;
  return {
    el: view.el,
    heading: view.heading,
    announcement: `${title}. ${plan.arms.length} choices to play ${count(plan.runs)} times each. ${spoken}`,
    dispose: () => {
      gone = true;
      actor.stop();
      warming.dispose();
      downloads.dispose();
    },
  };
}
