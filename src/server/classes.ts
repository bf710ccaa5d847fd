import { fail, ok, type Result } from '../engine/core/result.ts';
import { newTable } from '../engine/play/class-table.ts';
import { exerciseProblems, readExercise } from '../engine/play/exercise.ts';
import { normaliseCode } from '../live/messages.ts';
import { LiveClass } from './live-class.ts';
import type { ScenarioShelf } from './scenario-shelf.ts';
import { newClassCode, newSecret, sha256 } from './secrets.ts';
import type { ClassStore } from './store.ts';

/** A class nobody has asked for in this long, with no student connected, leaves memory; the store keeps it. */
export const IDLE_MS = 30 * 60_000;

/**
 * The server's live classes, by code: the store is their truth, and this a cache of the classes in use. A
 * class is read from the store when its code is first asked for (after a restart, it resumes every table at
 * its phase) and leaves memory when idle, so a server used all year holds only the day's classes. `create`
 * checks the exercise as the classroom's setup does.
 */
export class Classes {
  private readonly byCode = new Map<string, { live: LiveClass; asked: number }>();

  constructor(
    private readonly store: ClassStore,
    private readonly shelf: ScenarioShelf,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The classes in memory now. */
  get size(): number {
    return this.byCode.size;
  }

  /** A class by its code as typed (any case, spaces ignored): from memory, or read from the store. */
  get(typed: string): LiveClass | undefined {
    const code = normaliseCode(typed);
    const held = this.byCode.get(code);
    if (held) {
      held.asked = this.clock();
      return held.live;
    }
    const stored = this.store.loadClass(code);
    if (!stored) return undefined;
    const scenario = this.shelf.get(stored.exercise.scenario);
    // A scenario removed or broken since: its classes cannot be played, and are left in the file as they were.
    if (!scenario) {
      process.stderr.write(`class ${stored.code}: its scenario '${stored.exercise.scenario}' no longer loads; the class is not opened\n`);
      return undefined;
    }
    const live = new LiveClass(stored, scenario, this.store);
    this.byCode.set(code, { live, asked: this.clock() });
    return live;
  }

  /** Lets go of the classes idle for IDLE_MS with no student connected: everything of them is in the store already. */
  sweep(): number {
    const now = this.clock();
    let gone = 0;
    for (const [code, held] of this.byCode) {
      if (now - held.asked >= IDLE_MS && !held.live.anyoneConnected) {
        this.byCode.delete(code);
        gone += 1;
      }
    }
    return gone;
  }

  /** A new class of `tables` tables on an exercise from untrusted data: its code and the teacher's secret, or why not. */
  create(exerciseData: unknown, tables: number, now: number): Result<{ code: string; secret: string }> {
    const exercise = readExercise(exerciseData);
    if (!exercise.ok) return fail(`The exercise cannot be used: ${exercise.error}.`);
    const scenario = this.shelf.get(exercise.value.scenario);
    if (!scenario) return fail(`The exercise cannot be used: this server has no scenario '${exercise.value.scenario}'.`);
    const problems = exerciseProblems(exercise.value, scenario);
    if (problems.length) return fail(`The exercise cannot be used: ${problems.join('; ')}.`);
    let code = newClassCode();
    while (this.byCode.has(code) || this.store.loadClass(code)) code = newClassCode();
    const secret = newSecret();
    // Every table starts as the same run; each is its own copy from then on.
    const first = newTable(scenario, exercise.value, now);
    const stored = {
      code,
      secretSha256: sha256(secret),
      exercise: exercise.value,
      tables: Array.from({ length: tables }, () => structuredClone(first)),
      students: [],
      created: now,
    };
    this.store.createClass(stored);
    this.byCode.set(code, { live: new LiveClass(stored, scenario, this.store), asked: now });
    return ok({ code, secret });
  }
}
