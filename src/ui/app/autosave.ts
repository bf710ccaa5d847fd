import { announce } from '../kit/announce.ts';
import type { SaveStatus } from '../run-bar/run-bar.ts';
import { writeSlot } from '../state/saves.ts';
import type { Session } from '../state/session.ts';

export const savedAfter = (decisions: number): SaveStatus => ({ ok: true, text: decisions ? `Saved after decision ${decisions}` : 'Saved' });

/** The run record, after every decision, into the run's own slot; a failure is said aloud as well as shown. */
export function autosave(session: Session): SaveStatus {
  const record = session.record;
  const written = writeSlot(session.slot, session.label, record);
  if (!written.ok) announce(written.error);
  return written.ok ? savedAfter(record.decisions.length) : { ok: false, text: written.error };
}
