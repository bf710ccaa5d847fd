import type { MemberCode } from '../../engine/core/world.ts';
import { teamOf, type Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import type { OptionView } from '../../engine/rules/council.ts';
import { outcomeOf, type OptionOutcome } from '../council/stance-text.ts';
import { listText } from '../kit/format.ts';

/**
 * An option's outcome as the class's declarations leave it, in the solo Council's words, saying whose
 * team declared the veto that blocks it: the room hears that the block is theirs, not the model's.
 */
export function classOutcome(run: Run, exercise: Exercise, view: OptionView): OptionOutcome {
  const outcome = outcomeOf(run, view);
  const declaredVetoes = view.stances.filter((s) => s.declared && view.vetoedBy.includes(s.member));
  if (outcome.kind !== 'blocked' || declaredVetoes.length === 0) return outcome;
  const by = declaredVetoes.map((s) => {
    const team = teamOf(exercise, s.member as MemberCode);
    return `${team === null ? 'a team' : exercise.teams[team].name} for ${run.scenario.names[s.member]}`;
  });
  return { ...outcome, text: `${outcome.text} The veto was declared by ${listText(by)}.` };
}
