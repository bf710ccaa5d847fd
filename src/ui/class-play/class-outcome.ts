import type { MemberCode } from '../../engine/core/world.ts';
import { teamOf, type Exercise } from '../../engine/play/exercise.ts';
import type { Run } from '../../engine/play/run.ts';
import type { OptionView } from '../../engine/rules/council.ts';
import { outcomeOf, type OptionOutcome } from '../council/stance-text.ts';
import { listText } from '../kit/format.ts';

/** "Astana and Minsk for Kazakhstan": the team that speaks for a member. */
function teamFor(run: Run, exercise: Exercise, member: string): string {
  const team = teamOf(exercise, member as MemberCode);
  return `${team === null ? 'a team' : exercise.teams[team].name} for ${run.scenario.names[member]}`;
}

/**
 * The members teams hold who have not declared on this option yet, as "Team for Member": without advice,
 * the option's outcome waits for them, since it would otherwise be the model's stance speaking for them.
 */
export function waitingFor(run: Run, exercise: Exercise, view: OptionView, held: Set<string>): string[] {
  if (exercise.settings.showAdvice || !view.available) return [];
  return view.stances.filter((s) => held.has(s.member) && !s.declared).map((s) => teamFor(run, exercise, s.member));
}

/**
 * An option's outcome as the class's declarations leave it, in the solo Council's words, saying whose
 * team declared the veto that blocks it: the room hears that the block is theirs, not the model's.
 * Without advice, it is said only once every team holding a member has declared on the option.
 */
export function classOutcome(run: Run, exercise: Exercise, view: OptionView, held: Set<string>): OptionOutcome {
  const waiting = waitingFor(run, exercise, view, held);
  if (waiting.length > 0) {
    return { kind: 'closed', short: 'waiting for declarations', text: `Waiting for ${listText(waiting)} to declare: the outcome shows once every team has.` };
  }
  const outcome = outcomeOf(run, view);
  const declaredVetoes = view.stances.filter((s) => s.declared && view.vetoedBy.includes(s.member));
  if (outcome.kind !== 'blocked' || declaredVetoes.length === 0) return outcome;
  const by = declaredVetoes.map((s) => teamFor(run, exercise, s.member));
  return { ...outcome, text: `${outcome.text} The veto was declared by ${listText(by)}.` };
}
