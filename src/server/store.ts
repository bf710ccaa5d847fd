import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { TableAction, TableActor, TableState } from '../engine/play/class-table.ts';
import type { Exercise } from '../engine/play/exercise.ts';

/**
 * What a live class keeps on disk, in one SQLite file: the classes (their exercise and the teacher's secret,
 * hashed), the students (their token, hashed), each table's state, and every accepted action as an audit log.
 * The server's memory is a cache of this file: a restart reads it back and every table resumes at its phase.
 *
 * WAL with `synchronous = NORMAL`: a commit survives the process being killed at any moment (the case of a
 * server restarted mid-lesson); only a power cut may lose the last few commits.
 */
export const DEFAULT_DATA_FILE = 'class-data/classes.sqlite';

/** Raised by `PRAGMA user_version` whenever the tables change, with a migration from the version before. */
const SCHEMA_VERSION = 1;

const SCHEMA_V1 = `
CREATE TABLE classes (
  code TEXT PRIMARY KEY,
  secret_sha256 TEXT NOT NULL,
  exercise TEXT NOT NULL,
  tables INTEGER NOT NULL,
  created INTEGER NOT NULL
);
CREATE TABLE students (
  class TEXT NOT NULL REFERENCES classes(code),
  token_sha256 TEXT NOT NULL,
  shown TEXT NOT NULL,
  name TEXT NOT NULL,
  table_number INTEGER NOT NULL,
  team INTEGER NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  joined INTEGER NOT NULL,
  PRIMARY KEY (class, token_sha256)
);
CREATE TABLE tables (
  class TEXT NOT NULL REFERENCES classes(code),
  table_number INTEGER NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (class, table_number)
);
CREATE TABLE events (
  class TEXT NOT NULL REFERENCES classes(code),
  table_number INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (class, table_number, seq)
);
`;

export interface StoredStudent {
  tokenSha256: string;
  /** The token's first characters, what the rosters show. */
  shown: string;
  name: string;
  table: number;
  team: number;
  removed: boolean;
  joined: number;
}

export interface StoredClass {
  code: string;
  secretSha256: string;
  exercise: Exercise;
  /** Table 1 first. */
  tables: TableState[];
  students: StoredStudent[];
  created: number;
}

/** Who took an accepted action, as the audit log keeps it: the teacher, or a team through one of its students. */
export type EventActor = TableActor & { student?: string };

export interface StoredEvent {
  table: number;
  seq: number;
  actor: EventActor;
  action: TableAction;
  at: number;
}

export class ClassStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    const path = resolve(file);
    mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.statements = {
      insertClass: this.db.prepare('INSERT INTO classes (code, secret_sha256, exercise, tables, created) VALUES (?, ?, ?, ?, ?)'),
      insertTable: this.db.prepare('INSERT INTO tables (class, table_number, state) VALUES (?, ?, ?)'),
      updateTable: this.db.prepare('UPDATE tables SET state = ? WHERE class = ? AND table_number = ?'),
      insertEvent: this.db.prepare('INSERT INTO events (class, table_number, seq, actor, action, at) VALUES (?, ?, ?, ?, ?, ?)'),
      putStudent: this.db.prepare(
        `INSERT INTO students (class, token_sha256, shown, name, table_number, team, removed, joined) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (class, token_sha256) DO UPDATE SET shown = excluded.shown, name = excluded.name, table_number = excluded.table_number,
           team = excluded.team, removed = excluded.removed, joined = excluded.joined`,
      ),
      classes: this.db.prepare('SELECT code, secret_sha256, exercise, tables, created FROM classes ORDER BY created, code'),
      classByCode: this.db.prepare('SELECT code, secret_sha256, exercise, tables, created FROM classes WHERE code = ?'),
      tablesOf: this.db.prepare('SELECT table_number, state FROM tables WHERE class = ? ORDER BY table_number'),
      studentsOf: this.db.prepare(
        'SELECT token_sha256, shown, name, table_number, team, removed, joined FROM students WHERE class = ? ORDER BY joined, token_sha256',
      ),
      eventsOf: this.db.prepare('SELECT table_number, seq, actor, action, at FROM events WHERE class = ? AND table_number = ? ORDER BY seq'),
    };
  }

  /** A new class with its tables, all or nothing. */
  createClass(stored: Omit<StoredClass, 'students'>): void {
    this.db.transaction(() => {
      this.statements.insertClass.run(stored.code, stored.secretSha256, JSON.stringify(stored.exercise), stored.tables.length, stored.created);
      for (const [i, state] of stored.tables.entries()) this.statements.insertTable.run(stored.code, i + 1, JSON.stringify(state));
    })();
  }

  /** An accepted action: the table's new state and the action's line in the log, in one transaction. */
  recordAction(code: string, table: number, state: TableState, actor: EventActor, action: TableAction, at: number): void {
    this.db.transaction(() => {
      const changed = this.statements.updateTable.run(JSON.stringify(state), code, table);
      if (changed.changes !== 1) throw new Error(`no table ${table} in class ${code}`);
      this.statements.insertEvent.run(code, table, state.version, JSON.stringify(actor), JSON.stringify(action), at);
    })();
  }

  putStudent(code: string, student: StoredStudent): void {
    const s = student;
    this.statements.putStudent.run(code, s.tokenSha256, s.shown, s.name, s.table, s.team, s.removed ? 1 : 0, s.joined);
  }

  /** Every class as it was last written. */
  loadClasses(): StoredClass[] {
    return (this.statements.classes.all() as ClassRow[]).map((row) => this.classOf(row));
  }

  /** One class as it was last written, or undefined when the file has none of that code. */
  loadClass(code: string): StoredClass | undefined {
    const row = this.statements.classByCode.get(code) as ClassRow | undefined;
    return row ? this.classOf(row) : undefined;
  }

  private classOf(row: ClassRow): StoredClass {
    return {
      code: row.code,
      secretSha256: row.secret_sha256,
      exercise: JSON.parse(row.exercise) as Exercise,
      created: row.created,
      tables: (this.statements.tablesOf.all(row.code) as TableRow[]).map((t) => JSON.parse(t.state) as TableState),
      students: (this.statements.studentsOf.all(row.code) as StudentRow[]).map((s) => ({
        tokenSha256: s.token_sha256,
        shown: s.shown,
        name: s.name,
        table: s.table_number,
        team: s.team,
        removed: s.removed === 1,
        joined: s.joined,
      })),
    };
  }

  /** A table's audit log, oldest first. */
  events(code: string, table: number): StoredEvent[] {
    return (this.statements.eventsOf.all(code, table) as EventRow[]).map((e) => ({
      table: e.table_number,
      seq: e.seq,
      actor: JSON.parse(e.actor) as EventActor,
      action: JSON.parse(e.action) as TableAction,
      at: e.at,
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface ClassRow {
  code: string;
  secret_sha256: string;
  exercise: string;
  tables: number;
  created: number;
}
interface TableRow {
  table_number: number;
  state: string;
}
interface StudentRow {
  token_sha256: string;
  shown: string;
  name: string;
  table_number: number;
  team: number;
  removed: number;
  joined: number;
}
interface EventRow {
  table_number: number;
  seq: number;
  actor: string;
  action: string;
  at: number;
}

/** Brings a file of any earlier schema version up to this one; refuses one written by a newer server. */
function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`this class data was written by a newer version of the server (schema ${version}; this one reads up to ${SCHEMA_VERSION})`);
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version < 1) db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
