import type { OutlookPlan } from '../../engine/analysis/outlook-plan.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { h, uid } from '../kit/dom.ts';
import type { OutlookContext, OutlookState } from './outlook-machine.ts';
import type { OutlookResult } from './protocol.ts';
import { armHeading } from './results.ts';

export const count = (n: number) => n.toLocaleString('en-US');

/** The screen's elements that change as the runs go: what `renderOutlook` sets from the machine's state. */
export interface OutlookView {
  el: HTMLElement;
  heading: HTMLElement;
  start: HTMLButtonElement;
  cancel: HTMLButtonElement;
  running: HTMLElement;
  progress: HTMLProgressElement;
  counter: HTMLElement;
  status: HTMLElement;
  results: HTMLElement;
  /** The result the results section shows, so that it is built once. */
  shown: OutlookResult | null;
}

export interface OutlookPage {
  scenario: Scenario;
  seed: string;
  plan: OutlookPlan;
  title: string;
  back: HTMLElement;
}

function explanation({ plan }: OutlookPage): HTMLElement[] {
  const reference = plan.arms[0];
  return [
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
  ];
}

function armsPlayed({ plan }: OutlookPage): (HTMLElement | null)[] {
  return [
    h('h3', null, `The ${plan.arms.length} choices played`),
    h(
      'ol',
      { class: 'outlook-arms' },
      plan.arms.map((a, k) => h('li', { 'data-arm': a.decision }, armHeading(a, k).replace(/^\d+\. /, ''))),
    ),
    plan.leftOut.length ? h('p', { class: 'muted' }, `Not played, because the Council could not choose them then: ${plan.leftOut.join('; ')}.`) : null,
  ];
}

export function outlookView(page: OutlookPage): OutlookView {
  const { plan, scenario } = page;
  const total = plan.runs * plan.arms.length;
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, page.title);
  const start = h('button', { type: 'button', class: 'primary', 'data-action': 'outlook-start' }, `Play each choice ${count(plan.runs)} times`);
  const progressId = uid('outlook-progress');
  const progress = h('progress', { id: progressId, max: String(total), value: '0' });
  const counter = h('p', { class: 'progress-count' }, '');
  const cancel = h('button', { type: 'button', class: 'secondary', 'data-action': 'outlook-cancel' }, 'Cancel');
  const running = h(
    'div',
    { class: 'outlook-progress', hidden: true },
    h('label', { for: progressId }, 'Playthroughs done'),
    h('div', { class: 'progress-row' }, progress, cancel),
    counter,
  );
  const status = h('p', { class: 'outlook-status', 'data-outlook-status': '' });
  const results = h('section', { class: 'outlook-results', 'aria-labelledby': 'results-heading', hidden: true });
  const el = h(
    'section',
    { class: 'screen outlook', 'aria-labelledby': 'screen-heading', 'data-outlook-state': 'idle', 'data-at': String(plan.at) },
    h('p', { class: 'kicker' }, `${scenario.title} · seed ${page.seed} · decision ${plan.at} · ${scenario.developments[plan.development].date}`),
    heading,
    ...explanation(page),
    ...armsPlayed(page),
    h('div', { class: 'outlook-run' }, start, running, status),
    results,
    page.back,
  );
  return { el, heading, start, cancel, running, progress, counter, status, results, shown: null };
}

const STATUS: Partial<Record<OutlookState, (context: OutlookContext) => string>> = {
  cancelled: () => 'Cancelled: the runs were stopped and nothing was kept.',
  failed: ({ error }) => `The runs could not be played: ${error}.`,
};

/**
 * The machine's state on the page. The status line keeps its last words until the runs start again; the
 * results section is filled by `showResults` (once per result), given here because it needs the plan.
 */
export function renderOutlook(view: OutlookView, state: OutlookState, context: OutlookContext, showResults: (result: OutlookResult) => void) {
  view.el.dataset.outlookState = state;
  view.start.hidden = state === 'running' || state === 'done';
  view.running.hidden = state !== 'running';
  if (state === 'running') {
    view.progress.value = context.done;
    view.counter.textContent = `${count(context.done)} of ${count(context.total)} playthroughs`;
    view.status.textContent = '';
  }
  const status = STATUS[state];
  if (status) view.status.textContent = status(context);
  view.status.classList.toggle('notice', state === 'failed');
  view.status.classList.toggle('notice-error', state === 'failed');
  if (state === 'done' && context.result && view.shown !== context.result) {
    view.shown = context.result;
    showResults(context.result);
    view.results.hidden = false;
  }
}
