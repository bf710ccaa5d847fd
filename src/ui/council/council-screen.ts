import './council.css';
import type { Run } from '../../engine/play/run.ts';
import { councilView } from '../../engine/rules/council.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { h } from '../kit/dom.ts';
import { councilGrid } from './council-grid.ts';
import { outcomeOf, STANCE_MARKS } from './stance-text.ts';
import type { Screen } from '../kit/screen.ts';

/** What the marks mean, once, before the grid uses them. */
function legend(): HTMLElement {
  const items = (['supports', 'accepts', 'objects', 'vetoes'] as const).map((k, i) => [
    i ? ', ' : '',
    h('span', { class: `legend-item stance-${k}` }, h('span', { 'aria-hidden': 'true' }, `${STANCE_MARKS[k]} `), k),
  ]);
  return h('span', { class: 'stance-legend' }, items);
}

/**
 * The Council at a glance: members across, options down, each stance as an icon and a word, each option's
 * outcome and its Choose button in its row; the reasons, in each leader's voice, the numbers behind them
 * and what leverage would cost open on demand.
 */
export function councilScreen(run: Run, onDecide: (option: string, leverage: boolean) => void, outlookHref: string): Screen {
  const { scenario, world } = run;
  const dev = currentDevelopment(scenario, world);
  const views = councilView(scenario, world);
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `The Council: ${dev.title}`);
  const el = h(
    'section',
    { class: 'screen council', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Decision ${world.decisions.length + 1} · ${dev.date} · ${dev.place}`),
    heading,
    h('p', { class: 'lede council-lede' }, legend(), '. One veto blocks a consensus option.'),
    councilGrid(run, views, onDecide),
    h(
      'p',
      { class: 'outlook-link' },
      'Weighing the choices? ',
      h('a', { href: outlookHref, 'data-action': 'outlook' }, 'See what tends to happen: each choice played 1,000 times'),
      '.',
    ),
  );
  const spoken = views.map((v, i) => `Option ${i + 1}: ${v.option.label}. ${outcomeOf(run, v).text}`).join(' ');
  return { el, heading, announcement: `The Council: ${dev.title}. ${views.length} options. ${spoken}` };
}
