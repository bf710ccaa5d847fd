import { readClassState, writeClassState } from './class-storage.ts';

/**
 * After the chair chooses, the class sees what was chosen and waits: the consequences show only when the
 * teacher reveals them. What is kept is how many decisions have been revealed, so a reload on the waiting
 * screen still waits, and one after the reveal shows the aftermath.
 */
export function isRevealed(slot: string, decision: number): boolean {
  const kept = readClassState(slot, 'revealed');
  return typeof kept === 'number' && kept >= decision;
}

export function reveal(slot: string, decision: number): void {
  writeClassState(slot, 'revealed', decision);
}
