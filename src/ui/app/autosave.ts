import { announce } from '../kit/announce.ts';
import type { SaveStatus } from '../run-bar/run-bar.ts';
import { storedPrecedes } from '../state/other-tabs.ts';
import { readSlot, writeSlot } from '../state/saves.ts';
import type { Session } from '../state/session.ts';

export const savedAfter = (decisions: number): SaveStatus => ({ ok: true, text: decisions ? `Saved after decision ${decisions}` : 'Saved' });

export const NOT_SAVED_CHANGED_ELSEWHERE: SaveStatus = { ok: false, text: 'Not saved: another tab changed this run' };

export const NOT_SAVED_DELETED_ELSEWHERE: SaveStatus = { ok: false, text: 'Not saved: another tab deleted this run’s save' };

export interface Autosaved {
  status: SaveStatus;
  /** The slot holds what another tab wrote since: nothing was written over it. */
  changedElsewhere: boolean;
}

/** The run record, after every decision, into the run's own slot; a failure is said aloud as well as shown. */
export function autosave(session: Session): Autosaved {
  const record = session.record;
  if (!storedPrecedes(readSlot(session.slot), record)) return { status: NOT_SAVED_CHANGED_ELSEWHERE, changedElsewhere: true };
  const stored = readSlot(session.slot);
  // The name is the player's: renamed meanwhile (on the Choose screen, in another tab), it stays renamed.
  const name = stored?.ok && stored.value.name ? stored.value.name : session.meta.name;
  const at = session.phase === 'aftermath' ? 'aftermath' : undefined;
  const written = writeSlot(session.slot, { ...session.meta, name, at }, record);
  if (!written.ok) announce(written.error);
  return { status: written.ok ? savedAfter(record.decisions.length) : { ok: false, text: written.error }, changedElsewhere: false };
}
