import type { Session } from '../state/session.ts';
import { readClassState, writeClassState } from './class-storage.ts';

/**
 * A save knows a run before a decision, not whether its Council was already convened: a solo player
 * reloading mid-Council sees the briefing again. A class would lose its place, so the class's run keeps
 * which Council it reached and a reload convenes it again.
 */
export function noteCouncilReached(slot: string, decision: number): void {
  writeClassState(slot, 'council', decision);
}

/** Convenes the Council again on a class's run reopened on the briefing of a decision whose Council had met. */
export function returnToCouncil(s: Session): void {
  if (!s.meta.exercise || s.phase !== 'briefing') return;
  if (readClassState(s.slot, 'council') === s.run.world.decisions.length + 1) s.send({ type: 'briefing.done' });
}
