import { historyChoice } from '../../engine/play/class-decisions.ts';
import { isClassDecision } from '../../engine/play/exercise.ts';
import type { TurnEvent } from '../../engine/play/machine.ts';
import type { Session } from '../state/session.ts';

/**
 * The next step of a decision the class leaves to history, or null when the class has the floor: the
 * briefing passed, the Council taking what history chooses, the aftermath passed. The page sends these
 * through the session, as a player's clicks would go, so the record is the same as a played run's.
 */
export function nextHistoryStep(s: Session): TurnEvent | null {
  const exercise = s.meta.exercise;
  if (!exercise) return null;
  const { world } = s.run;
  const here = world.development;
  const last = world.decisions[world.decisions.length - 1];
  switch (s.phase) {
    case 'briefing':
      return here === null || isClassDecision(exercise, here) ? null : { type: 'briefing.done' };
    case 'council':
      return here === null || isClassDecision(exercise, here) ? null : { type: 'council.decide', ...historyChoice(s.run) };
    case 'aftermath':
      return !last || isClassDecision(exercise, last.development) ? null : { type: 'aftermath.done' };
    default:
      return null;
  }
}
