import type { Scenario } from '../../engine/core/scenario.ts';
import { historicalDecisions } from '../../engine/play/class-brief.ts';
import { type TablePhase, type TableState, tableRun } from '../../engine/play/class-table.ts';
import { isClassDecision, type Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';

export const TABLE_PHASE_NAMES: Record<TablePhase, string> = {
  chapter: 'Chapter',
  briefing: 'Briefing',
  council: 'Council',
  reveal: 'Reveal',
  aftermath: 'Aftermath',
  debrief: 'Debrief',
};

/** What the teacher's "move on" does at each phase, as its button says it; null where the teacher cannot move the table on. */
export const ADVANCE_LABELS: Record<TablePhase, string | null> = {
  chapter: 'Open the briefing',
  briefing: 'Open the Council',
  council: null,
  reveal: 'Reveal the consequences',
  aftermath: 'Next',
  debrief: null,
};

/**
 * Which of the class's decisions the table is at: the number of the class's own decisions taken so far (the
 * one coming up is one more, before its Council closes), out of those the exercise names on history's path.
 */
export function classDecisionAt(run: Run, exercise: Exercise, phase: TablePhase): number {
  const taken = run.world.decisions.filter((d) => isClassDecision(exercise, d.development)).length;
  return phase === 'chapter' || phase === 'briefing' || phase === 'council' ? taken + 1 : taken;
}

/** How many decisions the class takes on history's path: the N of "decision n of N". Plays history once: ask it once per class. */
export function classDecisionCount(scenario: Scenario, exercise: Exercise): number {
  return historicalDecisions(scenario, exercise.seed).filter((d) => isClassDecision(exercise, d.development.id)).length;
}

/** A table's phase and decision in words, for its bar, from its record. */
export function tablePhaseText(scenario: Scenario, exercise: Exercise, state: TableState, of: number): string {
  return phaseText(state, classDecisionAt(tableRun(scenario, state, false), exercise, state.phase), of);
}

/** The table's phase as words: "Council · decision 2 of 3". */
export function phaseText(state: TableState, decision: number, of: number): string {
  const name = TABLE_PHASE_NAMES[state.phase];
  return state.phase === 'debrief' ? name : `${name} · decision ${decision} of ${of}`;
}
