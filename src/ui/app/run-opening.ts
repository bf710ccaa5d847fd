import { fail, ok, type Result } from '../../engine/core/result.ts';
import { seedProblem } from '../../engine/play/record.ts';
import { exerciseProblems, type Exercise } from '../../engine/play/exercise.ts';
import { decodeRunParams } from '../../engine/play/share-link.ts';
import type { Library } from '../state/library.ts';
import { defaultRunName, findSavedRun, listSlots, nameOf, newSeed, newSlotId, readSlot, unusedName } from '../state/saves.ts';
import { Session, type Reopened } from '../state/session.ts';

/**
 * Where a run comes from: a scenario started afresh, a saved slot, a share link, or a branch of the run on
 * show. A failure is the sentence the Choose screen shows. `isCurrent` is asked after each wait: a run
 * whose scenario arrives after the player has moved on is not started (null).
 */
export type Opening = Result<Reopened> | null;

/** The names the saved runs go by now, so that a new run's name is not one of them. */
function takenNames(library: Library): string[] {
  return listSlots().flatMap((read) => (read.ok ? [nameOf(read.value, library.entry(read.value.record.scenario)?.title ?? read.value.record.scenario)] : []));
}

/** A new run is called after its scenario, its seed and the day it began. */
function newName(library: Library, title: string, seed: string): string {
  return unusedName(defaultRunName(title, seed, new Date().toISOString()), takenNames(library));
}

export async function startScenario(library: Library, id: string, seed: string, isCurrent: () => boolean): Promise<Result<Session> | null> {
  const seedTooLong = seedProblem(seed);
  if (seedTooLong) return fail(`That run cannot begin: ${seedTooLong}.`);
  const loaded = await library.load(id);
  if (!isCurrent()) return null;
  if (!loaded.ok) return fail(`That scenario cannot be played: ${loaded.error}.`);
  const slot = newSlotId();
  const chosen = seed || newSeed();
  return ok(Session.start(loaded.value, chosen, slot, { label: 'new run', name: newName(library, loaded.value.title, chosen) }));
}

/**
 * A class's run of an exercise: its scenario on its seed, in a save of its own that carries the exercise, so
 * a reload (or the projector's laptop restarting) comes back to the class's run with its teams and settings.
 */
export async function startExercise(library: Library, exercise: Exercise, isCurrent: () => boolean): Promise<Result<Session> | null> {
  const seedTooLong = seedProblem(exercise.seed);
  if (seedTooLong) return fail(`That exercise cannot begin: ${seedTooLong}.`);
  const loaded = await library.load(exercise.scenario);
  if (!isCurrent()) return null;
  if (!loaded.ok) return fail(`That exercise cannot begin: ${loaded.error}.`);
  const problems = exerciseProblems(exercise, loaded.value);
  if (problems.length > 0) return fail(`That exercise cannot begin: ${problems.join('; ')}.`);
  const title = exercise.title || loaded.value.title;
  return ok(Session.start(loaded.value, exercise.seed, newSlotId(), { label: 'class exercise', name: newName(library, title, exercise.seed), exercise }));
}

/** A saved run, with how many decisions its save holds. */
export async function openSaved(library: Library, slot: string, isCurrent: () => boolean): Promise<Result<Reopened & { saved: number }> | null> {
  const read = readSlot(slot);
  if (!read) return fail('That saved run is no longer in this browser.');
  const kept = (why: string) => fail(`That saved run cannot be opened: ${why}. It is kept as it is.`);
  if (!read.ok) return kept(read.error.reason);
  const { record, label, branch, at, exercise } = read.value;
  const loaded = await library.load(record.scenario);
  if (!isCurrent()) return null;
  if (!loaded.ok) return kept(loaded.error);
  const opened = Session.resume(loaded.value, record, slot, { label, name: nameOf(read.value, loaded.value.title), branch, at, exercise });
  if (!opened.ok) return kept(opened.error);
  return ok({ ...opened.value, saved: record.decisions.length });
}

/**
 * A shared run: opened in a new save, unless a save of this browser already holds that very run (the
 * same link opened twice), which is then opened instead ({ saved: slot }).
 */
export async function openLink(library: Library, hash: string, isCurrent: () => boolean): Promise<Opening | Result<{ saved: string }>> {
  const decoded = decodeRunParams(hash);
  if (!decoded.ok) return fail(`This link cannot be opened: ${decoded.error}.`);
  const record = decoded.value;
  const saved = findSavedRun(record);
  if (saved !== null) return ok({ saved });
  const loaded = await library.load(record.scenario);
  if (!isCurrent()) return null;
  if (!loaded.ok) return fail(`This link cannot be opened: ${loaded.error}.`);
  const name = newName(library, loaded.value.title, record.seed);
  const opened = Session.fromRecord(loaded.value, record, newSlotId(), { label: 'opened from a link', name });
  return opened.ok ? opened : fail(`This link cannot be opened: ${opened.error}.`);
}

/** The run on show up to decision k, as a new branch in a slot of its own, named after the run it left. */
export function branchAt(library: Library, current: Session, k: number): Result<Reopened> {
  const of = current.meta.name;
  const short = of.length > 48 ? `${of.slice(0, 47)}…` : of;
  const name = unusedName(`Branch of ${short} at decision ${k + 1}`, takenNames(library));
  const opened = Session.fromRecord(
    current.scenario,
    current.record,
    newSlotId(),
    // A class that goes back to an earlier decision goes on as the same class, with its teams and settings.
    { label: `branch at decision ${k + 1}`, name, branch: { of, decision: k + 1 }, ...(current.meta.exercise ? { exercise: current.meta.exercise } : {}) },
    k,
  );
  return opened.ok ? opened : fail(`Cannot go back: ${opened.error}.`);
}

/** The run on show, whole, in a slot of its own: kept apart from the run another tab saved in its slot. */
export function keepApart(library: Library, current: Session): Result<Reopened> {
  const name = unusedName(`${current.meta.name} (kept apart)`, takenNames(library));
  const opened = Session.fromRecord(current.scenario, current.record, newSlotId(), {
    ...current.meta,
    label: 'kept apart from another tab',
    name,
    at: undefined,
  });
  return opened.ok ? opened : fail(`Cannot save this run apart: ${opened.error}.`);
}
