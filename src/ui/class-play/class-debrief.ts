import { optionLabel } from '../../engine/core/labels.ts';
import { isClassDecision, type Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import { h } from '../kit/dom.ts';
import { teamsSaid } from './teams-said.ts';

/**
 * The debrief's account of the class's Councils: for each decision, what the chair chose and what history
 * did on the same seed, and beside them what each team declared for its members on each option, in its own
 * words. The arguments are the class's; the discussion starts from them.
 */
export function classDebriefSection(mine: Run, history: Run, exercise: Exercise): HTMLElement {
  const { scenario } = mine;
  const decisions = mine.world.decisions.map((d, i) => {
    const dev = scenario.developments[d.development];
    const theirs = history.world.decisions[i];
    const same = theirs && theirs.development === d.development;
    const taken = isClassDecision(exercise, d.development);
    const teams = teamsSaid(scenario, exercise, d.declared ?? {}, dev?.options ?? []);
    return h(
      'article',
      { class: 'class-decision', 'data-decision': String(i + 1) },
      h('h4', null, `Decision ${i + 1}: ${dev?.title ?? d.development}`),
      h(
        'p',
        null,
        taken ? 'The chair chose ' : 'Played as history did: ',
        h('strong', null, optionLabel(scenario, d.option)),
        d.leverage ? ', with Moscow’s leverage' : '',
        '. ',
        same
          ? ['History on this seed: ', h('strong', null, optionLabel(scenario, theirs.option)), theirs.leverage ? ', with Moscow’s leverage' : '', '.']
          : 'History’s path had gone elsewhere by then.',
      ),
      taken ? (teams.length ? teams : h('p', { class: 'muted' }, 'No team declared a stance: every member took the model’s.')) : null,
    );
  });
  return h(
    'section',
    { class: 'class-declared', 'aria-labelledby': 'class-declared-heading' },
    h('h3', { id: 'class-declared-heading' }, 'What each team declared'),
    decisions,
  );
}
