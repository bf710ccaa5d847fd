import { fail, ok, type Result } from '../engine/core/result.ts';
import { newTable } from '../engine/play/class-table.ts';
import { exerciseProblems, readExercise } from '../engine/play/exercise.ts';
import { normaliseCode } from '../live/messages.ts';
import { LiveClass } from './live-class.ts';
import type { ScenarioShelf } from './scenario-shelf.ts';
import { newClassCode, newSecret, sha256 } from './secrets.ts';
import type { ClassStore } from './store.ts';

/**
 * The server's live classes, by code: read from the store when the server starts, so that a restart resumes
 * every table at its phase, and made by `create`, which checks the exercise as the classroom's setup does.
 */
export class Classes {
  private readonly byCode = new Map<string, LiveClass>();

  constructor(
    private readonly store: ClassStore,
    private readonly shelf: ScenarioShelf,
  ) {
    for (const stored of store.loadClasses()) {
      const scenario = shelf.get(stored.exercise.scenario);
      // A scenario removed or broken since: its classes cannot be played, and are left in the file as they were.
      if (!scenario) {
        process.stderr.write(`class ${stored.code}: its scenario '${stored.exercise.scenario}' no longer loads; the class is not opened\n`);
        continue;
      }
      this.byCode.set(stored.code, new LiveClass(stored, scenario, store));
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  /** A class by its code as typed (any case, spaces ignored). */
  get(code: string): LiveClass | undefined {
    return this.byCode.get(normaliseCode(code));
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
    while (this.byCode.has(code)) code = newClassCode();
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
    this.byCode.set(code, new LiveClass(stored, scenario, this.store));
    return ok({ code, secret });
  }
}
