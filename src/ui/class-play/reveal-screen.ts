import { currentDevelopment } from '../../engine/core/development.ts';
import type { Decision } from '../../engine/core/world.ts';
import { optionLabel } from '../../engine/core/labels.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import { h } from '../kit/dom.ts';
import type { Screen } from '../kit/screen.ts';
import { teamsSaid } from './teams-said.ts';

/**
 * Between the chair's choice and its consequences: the room sees what was chosen and waits for the teacher,
 * who reveals the aftermath when the class is ready. The map and meters stay off the screen meanwhile: they
 * would show the consequences before the reveal.
 */
export function revealScreen(run: Run, exercise: Exercise, onReveal: () => void): Screen {
  const { scenario, world } = run;
  const decision = world.decisions[world.decisions.length - 1] as Decision;
  const dev = scenario.developments[decision.development] ?? currentDevelopment(scenario, world);
  const chair = exercise.teams.find((t) => t.roles.includes('chair'))?.name ?? 'The chair';
  const chosen = optionLabel(scenario, decision.option);
  const option = dev.options.find((o) => o.id === decision.option);
  const said = option ? teamsSaid(scenario, exercise, decision.declared ?? {}, [option]) : [];
  const heading = h('h2', { tabindex: '-1', id: 'screen-heading' }, `${chair} has chosen`);
  const el = h(
    'section',
    { class: 'screen class-reveal', 'aria-labelledby': 'screen-heading' },
    h('p', { class: 'kicker' }, `Decision ${world.decisions.length} · ${dev.title}`),
    heading,
    h(
      'p',
      { class: 'chosen', 'data-chosen': decision.option },
      h('strong', null, chosen),
      decision.leverage ? h('span', null, ' — with Moscow’s leverage') : null,
    ),
    said.length ? h('section', { class: 'reveal-said', 'aria-label': 'What the teams declared on it' }, said) : null,
    h('p', { class: 'lede' }, 'The decision is taken. When the class is ready, reveal what it leads to.'),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'reveal', onclick: onReveal }, 'Reveal the consequences')),
  );
  return {
    el,
    heading,
    announcement: `${chair} has chosen: ${chosen}${decision.leverage ? ', with Moscow’s leverage' : ''}. Waiting for the teacher to reveal the consequences.`,
    wide: true,
  };
}
