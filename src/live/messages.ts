import { declarationSchema, type Declaration } from '../engine/core/declared.ts';
import type { Exercise } from '../engine/play/exercise.ts';
import type { TableAction, TableState } from '../engine/play/class-table.ts';
import { MEMBER_CODES } from '../engine/core/world.ts';
import { z } from '../engine/core/zod.ts';

/**
 * The messages of a live class between the teacher's server and the page: their shapes, checked with zod on
 * arrival, so that a message that is not one of these is refused with a sentence before anything acts on
 * it. The server keeps every table; the page sends only choices (a declaration, a choice, a move of the
 * teacher's) and rebuilds the table's world from its record with the engine.
 */

/** Short for typing, without the letters and digits that are read alike (I, L, O, 0, 1). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const MAX_NAME = 40;
export const MAX_TABLES = 12;

/** A code as the student typed it: any case, spaces and dashes ignored. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

const code = z
  .string()
  .max(40)
  .transform(normaliseCode)
  .pipe(z.string().regex(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`), 'a class code is six letters and digits'));
/** A student's identity: a random token its page makes once per class code and keeps. */
const student = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not a student token');
const secret = z.string().min(16).max(128);
const table = z.number().int().min(1).max(MAX_TABLES);
const team = z.number().int().min(0).max(11);
const name = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'a name is needed').max(MAX_NAME, `a name is at most ${MAX_NAME} characters`));
const optionId = z.string().regex(/^[a-z][a-z0-9_]*$/);

export const tableActionSchema: z.ZodType<TableAction> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('declare'), option: optionId, member: z.enum(MEMBER_CODES), declaration: declarationSchema.nullable() }),
  z.object({ type: z.literal('choose'), option: optionId, leverage: z.boolean() }),
  z.object({ type: z.literal('advance') }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
]);

/** Client to server, each acknowledged with a Reply. */
export const clientMessages = {
  'teacher.open': z.object({ code, secret }),
  'student.join': z.object({ code, student, name, table, team }),
  'student.rejoin': z.object({ code, student }),
  /** Before joining: the class's exercise, its tables and who sits where, for the join screen's choices (a wrong code counts as one). */
  'class.look': z.object({ code }),
  'table.act': z.object({ table, action: tableActionSchema }),
  'teacher.all': z.object({ action: z.object({ type: z.enum(['advance', 'pause', 'resume']) }) }),
  'teacher.move': z.object({ student: z.string().min(1).max(64), table, team }),
  'teacher.remove': z.object({ student: z.string().min(1).max(64) }),
} as const;

export type ClientEvent = keyof typeof clientMessages;
export type ClientMessage<E extends ClientEvent> = z.output<(typeof clientMessages)[E]>;

/** A class's creation over HTTP: `POST /api/classes`. The exercise is checked by the engine's own reader. */
export const createClassSchema = z.object({ exercise: z.unknown(), tables: table });

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** One student as the rosters show it: never the whole token, which is the student's key. */
export interface RosterEntry {
  /** The token's first six characters: enough to tell students apart on the dashboard and to move or remove one. */
  student: string;
  name: string;
  table: number;
  team: number;
  connected: boolean;
}

export interface ClassView {
  code: string;
  exercise: Exercise;
  tables: { table: number; state: TableState }[];
  students: RosterEntry[];
  serverNow: number;
}

export interface StudentView {
  code: string;
  exercise: Exercise;
  table: number;
  team: number;
  name: string;
  state: TableState;
  /** Everyone at this table. */
  students: RosterEntry[];
  serverNow: number;
}

/** What a student sees of a class before joining it: its teams and roles, its tables, and who is already at each. */
export interface ClassLook {
  code: string;
  exercise: Exercise;
  tables: number;
  students: RosterEntry[];
}

/** Server to client. */
export interface ServerEvents {
  'table.state': (message: { table: number; state: TableState; serverNow: number }) => void;
  'class.roster': (message: { students: RosterEntry[] }) => void;
  'table.roster': (message: { table: number; students: RosterEntry[] }) => void;
  'student.removed': (message: Record<string, never>) => void;
  'student.moved': (message: StudentView) => void;
}

/** Reads a client's message: the parsed value, or the first problem as a sentence. */
export function readClientMessage<E extends ClientEvent>(event: E, data: unknown): Reply<ClientMessage<E>> {
  const parsed = clientMessages[event].safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data as ClientMessage<E> };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return { ok: false, error: `That message cannot be read (${where}${issue?.message ?? 'unknown problem'}).` };
}

export type { Declaration };
