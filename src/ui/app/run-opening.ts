import { fail, ok, type Result } from '../../engine/core/result.ts';
import { seedProblem } from '../../engine/play/record.ts';
import { decodeRunParams } from '../../engine/play/share-link.ts';
import type { Library } from '../state/library.ts';
import { newSeed, newSlotId, readSlot } from '../state/saves.ts';
import { Session, type Reopened } from '../state/session.ts';

/**
 * Where a run comes from: a scenario started afresh, a saved slot, a share link, or a branch of the run on
 * show. A failure is the sentence the Choose screen shows. `isCurrent` is asked after each wait: a run
 * whose scenario arrives after the player has moved on is not started (null).
 */
export type Opening = Result<Reopened> | null;

export async function startScenario(library: Library, id: string, seed: string, isCurrent: () => boolean): Promise<Result<Session> | null> {
  const seedTooLong = seedProblem(seed);
  if (seedTooLong) return fail(`That run cannot begin: ${seedTooLong}.`);
  const loaded = await library.load(id);
  if (!isCurrent()) return null;
  if (!loaded.ok) return fail(`That scenario cannot be played: ${loaded.error}.`);
  const slot = newSlotId();
  return ok(Session.start(loaded.value, seed || newSeed(), slot, 'new run'));
}

/** A saved run, with how many decisions its save holds. */
export async function openSaved(library: Library, slot: string, isCurrent: () => boolean): Promise<Result<Reopened & { saved: number }> | null> {
  const read = readSlot(slot);
  if (!read) return fail('That saved run is no longer in this browser.');
  const kept = (why: string) => fail(`That saved run cannot be opened: ${why}. It is kept as it is.`);
  if (!read.ok) return kept(read.error.reason);
  const { record, label } = read.value;
  const loaded = await library.load(record.scenario);
  if (!isCurrent()) return null;
  if (!loaded.ok) return kept(loaded.error);
  const opened = Session.fromRecord(loaded.value, record, slot, label);
  if (!opened.ok) return kept(opened.error);
  return ok({ ...opened.value, saved: record.decisions.length });
}

export async function openLink(library: Library, hash: string, isCurrent: () => boolean): Promise<Opening> {
  const decoded = decodeRunParams(hash);
  if (!decoded.ok) return fail(`This link cannot be opened: ${decoded.error}.`);
  const record = decoded.value;
  const loaded = await library.load(record.scenario);
  if (!isCurrent()) return null;
  if (!loaded.ok) return fail(`This link cannot be opened: ${loaded.error}.`);
  const opened = Session.fromRecord(loaded.value, record, newSlotId(), 'opened from a link');
  return opened.ok ? opened : fail(`This link cannot be opened: ${opened.error}.`);
}

/** The run on show up to decision k, as a new branch in a slot of its own. */
export function branchAt(current: Session, k: number): Result<Reopened> {
  const opened = Session.fromRecord(current.scenario, current.record, newSlotId(), `branch at decision ${k + 1}`, k);
  return opened.ok ? opened : fail(`Cannot go back: ${opened.error}.`);
}

/** The run on show, whole, in a slot of its own: kept apart from the run another tab saved in its slot. */
export function keepApart(current: Session): Result<Reopened> {
  const opened = Session.fromRecord(current.scenario, current.record, newSlotId(), 'kept apart from another tab');
  return opened.ok ? opened : fail(`Cannot save this run apart: ${opened.error}.`);
}
