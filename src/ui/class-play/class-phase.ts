import type { Exercise } from '../../engine/play/exercise.ts';
import type { Session } from '../state/session.ts';
import { isRevealed } from './reveal-state.ts';

/**
 * Where a class stands in its run: the turn machine's phase, with the Council's choice split in two: the
 * reveal (the chair has chosen; the class waits for the teacher) and the aftermath (its consequences shown).
 * A campaign's account between chapters belongs to the briefing that follows it.
 */
export type ClassPhase = 'briefing' | 'council' | 'reveal' | 'aftermath' | 'debrief';

export const CLASS_PHASE_NAMES: Record<ClassPhase, string> = {
  briefing: 'Briefing',
  council: 'Council',
  reveal: 'Reveal',
  aftermath: 'Aftermath',
  debrief: 'Debrief',
};

export function classPhaseOf(s: Session): ClassPhase {
  switch (s.phase) {
    case 'chapter':
    case 'briefing':
      return 'briefing';
    case 'council':
      return 'council';
    case 'aftermath':
      return isRevealed(s.slot, s.run.world.decisions.length) ? 'aftermath' : 'reveal';
    case 'debrief':
      return 'debrief';
  }
}

/** The decision (1-based) the phase belongs to: the one coming up, or the one just taken. */
export function decisionOfPhase(s: Session, phase: ClassPhase): number {
  const taken = s.run.world.decisions.length;
  return phase === 'briefing' || phase === 'council' ? taken + 1 : taken;
}

/** The teacher's minutes for a phase; the reveal and the debrief have no timer. */
export function phaseMinutes(exercise: Exercise, phase: ClassPhase): number {
  if (phase === 'briefing' || phase === 'council' || phase === 'aftermath') return exercise.settings.timers[phase];
  return 0;
}
