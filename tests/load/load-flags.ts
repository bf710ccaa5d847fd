import { MAX_TABLES } from '../../src/live/messages.ts';
import { LOAD_TEAMS } from './load-exercise.ts';

/** How big a load run is: its classes, each class's students and tables, and how long it may take in all. */
export interface LoadSize {
  classes: number;
  /** Students in each class (the teacher is one more client). */
  students: number;
  /** Tables in each class: the students are spread over them. */
  tables: number;
  /** The whole run stops by itself after this, whatever is unfinished. */
  deadlineSeconds: number;
}

export const DEFAULT_SIZE: LoadSize = { classes: 50, students: 30, tables: 5, deadlineSeconds: 120 };

const BOUNDS: Record<keyof LoadSize, { flag: string; min: number; max: number }> = {
  classes: { flag: '--classes', min: 1, max: 500 },
  students: { flag: '--students', min: 1, max: 360 },
  tables: { flag: '--tables', min: 1, max: MAX_TABLES },
  deadlineSeconds: { flag: '--deadline', min: 5, max: 3600 },
};

/** What `npm run load -- --help` prints. */
export const LOAD_USAGE = `npm run load -- [--classes ${DEFAULT_SIZE.classes}] [--students ${DEFAULT_SIZE.students}] [--tables ${DEFAULT_SIZE.tables}] [--deadline ${DEFAULT_SIZE.deadlineSeconds}]

  --classes N    classes at once, each a teacher and its students
  --students N   students in each class, spread over its tables (each table needs one for each team)
  --tables N     tables in each class (1 to ${MAX_TABLES})
  --deadline S   seconds before the run stops by itself, finished or not`;

export type FlagsRead = { ok: true; size: LoadSize } | { ok: false; error: string };

/** Reads `--classes N --students N --tables N --deadline S`; anything else is refused with a sentence. */
export function readLoadFlags(args: string[]): FlagsRead {
  const size = { ...DEFAULT_SIZE };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    const key = (Object.keys(BOUNDS) as (keyof LoadSize)[]).find((k) => BOUNDS[k].flag === flag);
    if (!key)
      return {
        ok: false,
        error: `Unknown option '${flag}': the options are ${Object.values(BOUNDS)
          .map((b) => `${b.flag} N`)
          .join(', ')}.`,
      };
    const { min, max } = BOUNDS[key];
    const text = args[i + 1];
    if (text === undefined || !/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      return { ok: false, error: `${flag} takes a whole number from ${min} to ${max}${text === undefined ? '' : `, not '${text}'`}.` };
    }
    size[key] = Number(text);
  }
  const fewest = Math.floor(size.students / size.tables);
  if (fewest < LOAD_TEAMS.length) {
    return {
      ok: false,
      error: `${size.students} students at ${size.tables} tables leaves ${fewest} at a table; each table needs at least ${LOAD_TEAMS.length}, one for each team.`,
    };
  }
  return { ok: true, size };
}
