import { optionLabel } from '../../engine/core/labels.ts';
import { historyTookBefore } from '../../engine/play/class-decisions.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import { h } from '../kit/dom.ts';

/** "Decision 2, The border flares up, was played as history did: the Council chose Send observers." */
export function historyTookLines(run: Run, exercise: Exercise): string[] {
  const { scenario, world } = run;
  return historyTookBefore(exercise, world.decisions).flatMap((j) => {
    const d = world.decisions[j - 1];
    if (!d) return [];
    const dev = scenario.developments[d.development];
    const how = d.leverage ? ', with Moscow’s leverage' : '';
    return [`Decision ${j}, ${dev?.title ?? d.development}, was played as history did: the Council chose ${optionLabel(scenario, d.option)}${how}.`];
  });
}

/** The lines, for the top of the class's next briefing; null when the class took the decision before. */
export function historyTookSection(lines: string[]): HTMLElement | null {
  if (!lines.length) return null;
  return h(
    'section',
    { class: 'history-took', 'aria-label': 'Decisions played as history did' },
    lines.map((line) => h('p', { 'data-history-took': '' }, line)),
  );
}
