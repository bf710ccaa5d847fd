import { fail, ok, type Result } from '../engine/core/result.ts';
import type { Scenario } from '../engine/core/scenario.ts';
import { actOnTable, type TableAction, type TableActor, type TableState } from '../engine/play/class-table.ts';
import type { Exercise } from '../engine/play/exercise.ts';
import type { ClassView, RosterEntry, StudentView } from '../live/messages.ts';
import { matchesHash, sha256 } from './secrets.ts';
import type { ClassStore, EventActor, StoredClass, StoredStudent } from './store.ts';

/** How many characters of a token the rosters show: enough to tell students apart, never enough to act as one. */
export const SHOWN_TOKEN = 6;
/** More than any classroom holds; a bound on what one class may make the server keep. */
export const MAX_STUDENTS = 300;

/**
 * One class in the server's memory: its exercise, its tables and its students, a cache of the store. Every
 * change is written to the store first and only then made here, so what the sockets broadcast is always
 * what a restart would read back. The engine (`actOnTable`) decides whether an action is allowed.
 */
export class LiveClass {
  readonly code: string;
  readonly exercise: Exercise;
  readonly scenario: Scenario;
  private readonly secretSha256: string;
  private readonly tables: TableState[];
  /** By the token's hash. */
  private readonly students = new Map<string, StoredStudent>();
  /** Open sockets per student (a student may have two tabs open), not stored: after a restart nobody is connected. */
  private readonly connections = new Map<string, number>();

  constructor(
    stored: StoredClass,
    scenario: Scenario,
    private readonly store: ClassStore,
  ) {
    this.code = stored.code;
    this.exercise = stored.exercise;
    this.scenario = scenario;
    this.secretSha256 = stored.secretSha256;
    this.tables = stored.tables;
    for (const s of stored.students) this.students.set(s.tokenSha256, s);
  }

  get tableCount(): number {
    return this.tables.length;
  }

  isTeacherSecret(secret: string): boolean {
    return matchesHash(secret, this.secretSha256);
  }

  table(table: number): TableState | undefined {
    return this.tables[table - 1];
  }

  /** A student still in the class, by the hash of its token. */
  student(tokenSha256: string): StoredStudent | undefined {
    const s = this.students.get(tokenSha256);
    return s && !s.removed ? s : undefined;
  }

  /** Whether the student was in the class and the teacher removed it. */
  wasRemoved(tokenSha256: string): boolean {
    return this.students.get(tokenSha256)?.removed === true;
  }

  /** A student takes a seat (or changes it, or comes back after being removed), by its own token. */
  join(token: string, name: string, table: number, team: number, now: number): Result<StoredStudent> {
    const place = this.placeProblem(table, team);
    if (place) return fail(place);
    const tokenSha256 = sha256(token);
    const shown = token.slice(0, SHOWN_TOKEN);
    const known = this.students.get(tokenSha256);
    if (!known && this.students.size >= MAX_STUDENTS) return fail(`This class is full: it has ${MAX_STUDENTS} students.`);
    // The rosters name students by these characters, so two students may not share them; the page then makes a new token.
    for (const other of this.students.values()) {
      if (other.tokenSha256 !== tokenSha256 && other.shown === shown)
        return fail('Another student has an identity too like yours: reload the page and join again.');
    }
    const student: StoredStudent = { tokenSha256, shown, name, table, team, removed: false, joined: known && !known.removed ? known.joined : now };
    this.store.putStudent(this.code, student);
    this.students.set(tokenSha256, student);
    return ok(student);
  }

  /** The teacher moves a student, named as the rosters name it: where it was and where it is now. */
  move(shown: string, table: number, team: number): Result<{ before: StoredStudent; after: StoredStudent }> {
    const found = this.byShown(shown);
    if (!found.ok) return found;
    const place = this.placeProblem(table, team);
    if (place) return fail(place);
    const moved = { ...found.value, table, team };
    this.store.putStudent(this.code, moved);
    this.students.set(moved.tokenSha256, moved);
    return ok({ before: found.value, after: moved });
  }

  /** The teacher removes a student; its token no longer acts, and it may join again from the start. */
  remove(shown: string): Result<StoredStudent> {
    const found = this.byShown(shown);
    if (!found.ok) return found;
    const removed = { ...found.value, removed: true };
    this.store.putStudent(this.code, removed);
    this.students.set(removed.tokenSha256, removed);
    return ok(removed);
  }

  /**
   * An action at a table, by the teacher or a student's team: applied by the engine, then stored with its line
   * in the log, and only then kept here. The state is returned for broadcasting.
   */
  act(table: number, actor: TableActor, action: TableAction, now: number, student?: StoredStudent): Result<TableState> {
    const current = this.table(table);
    if (!current) return fail(`This class has no table ${table}.`);
    const next = actOnTable(this.scenario, this.exercise, current, actor, action, now);
    if (!next.ok) return next;
    const logged: EventActor = student ? { ...actor, student: student.shown } : actor;
    this.store.recordAction(this.code, table, next.value, logged, action, now);
    this.tables[table - 1] = next.value;
    return next;
  }

  /** Whether any student has a socket open: a class nobody sits in may leave the server's memory. */
  get anyoneConnected(): boolean {
    return this.connections.size > 0;
  }

  connected(tokenSha256: string, change: 1 | -1): void {
    const count = (this.connections.get(tokenSha256) ?? 0) + change;
    if (count > 0) this.connections.set(tokenSha256, count);
    else this.connections.delete(tokenSha256);
  }

  /** Everyone in the class, or at one table, in the order they joined. */
  roster(table?: number): RosterEntry[] {
    const entries: RosterEntry[] = [];
    for (const s of this.students.values()) {
      if (s.removed || (table !== undefined && s.table !== table)) continue;
      entries.push({ student: s.shown, name: s.name, table: s.table, team: s.team, connected: this.connections.has(s.tokenSha256) });
    }
    return entries;
  }

  classView(now: number): ClassView {
    return {
      code: this.code,
      exercise: this.exercise,
      tables: this.tables.map((state, i) => ({ table: i + 1, state })),
      students: this.roster(),
      serverNow: now,
    };
  }

  studentView(student: StoredStudent, now: number): StudentView {
    const state = this.table(student.table);
    if (!state) throw new Error(`a student sits at table ${student.table} of a class of ${this.tables.length}`);
    return {
      code: this.code,
      exercise: this.exercise,
      table: student.table,
      team: student.team,
      name: student.name,
      state,
      students: this.roster(student.table),
      serverNow: now,
    };
  }

  private placeProblem(table: number, team: number): string | null {
    if (table < 1 || table > this.tables.length) return `This class has ${this.tables.length === 1 ? 'one table' : `tables 1 to ${this.tables.length}`}.`;
    if (team < 0 || team >= this.exercise.teams.length) return `This class has ${this.exercise.teams.length} teams.`;
    return null;
  }

  private byShown(shown: string): Result<StoredStudent> {
    const hash = sha256(shown);
    const found = [...this.students.values()].filter((s) => !s.removed && (s.shown === shown || s.tokenSha256 === hash));
    const [only, ...more] = found;
    if (!only) return fail('No such student in this class.');
    if (more.length) return fail('Several students match: name one by its whole identity.');
    return ok(only);
  }
}
