import { z } from '../core/zod.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { MEMBER_CODES, type MemberCode } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import { MAX_SEED_LENGTH } from './record.ts';

export { normaliseSeed } from './record.ts';

/**
 * A classroom exercise: a scenario (or the campaign), a seed, the class's teams and the roles they hold, and
 * the teacher's settings. It travels as a link and as a file, so a teacher prepares it once and every
 * projector or laptop opens the same exercise. The chair is the Secretary General's team, which chooses;
 * a team holding a member declares that member's stance; members no team holds play themselves.
 */
export const EXERCISE_FORMAT = 1;

export type Role = 'chair' | MemberCode;

export interface Team {
  name: string;
  roles: Role[];
}

export interface ExerciseSettings {
  /** "What tends to happen" and every "as in history" mark hidden until the debrief, so history does not decide for the class. */
  hideForecasts: boolean;
  /** The model's own stance shown to each team beside its declaration, as advice. */
  showAdvice: boolean;
  /** Minutes per phase; 0 is no timer. */
  timers: { briefing: number; council: number; aftermath: number };
  /**
   * The developments (by id) at which the class takes the decision; at the others the decision is played
   * as history did. By development rather than by number, so that the class sits at the crisis the teacher
   * chose even where its own choices took another road to it.
   */
  classDecisions: 'all' | string[];
}

export interface Exercise {
  format: number;
  title: string;
  scenario: string;
  seed: string;
  teams: Team[];
  settings: ExerciseSettings;
}

export const MAX_TEAMS = 12;
export const MAX_TEAM_NAME = 40;
export const MAX_TITLE = 80;
const MAX_MINUTES = 120;

const role = z.union([z.literal('chair'), z.enum(MEMBER_CODES)]);
const minutes = z.number().int().min(0).max(MAX_MINUTES);
const exerciseSchema = z.object({
  format: z.number().int(),
  title: z.string().max(MAX_TITLE),
  scenario: z.string().regex(/^[a-z][a-z0-9_]*$/),
  seed: z.string().max(MAX_SEED_LENGTH),
  teams: z
    .array(z.object({ name: z.string().min(1).max(MAX_TEAM_NAME), roles: z.array(role).max(MEMBER_CODES.length + 1) }))
    .min(1)
    .max(MAX_TEAMS),
  settings: z.object({
    hideForecasts: z.boolean(),
    showAdvice: z.boolean(),
    timers: z.object({ briefing: minutes, council: minutes, aftermath: minutes }),
    classDecisions: z.union([z.literal('all'), z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(500)]),
  }),
});

/** What each field is called in a sentence a teacher reads. */
const FIELD_NAMES: Record<string, string> = {
  format: 'format number',
  title: 'title',
  scenario: "scenario's name",
  seed: 'seed',
  teams: 'teams',
  settings: 'settings',
};

/** Reads an exercise from untrusted data (a link, a file): refuses what it cannot read, saying why in words. */
export function readExercise(data: unknown): Result<Exercise> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('not an exercise: it is not an exercise file or link');
  const parsed = exerciseSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const [field, index] = issue?.path ?? [];
    const name = typeof field === 'string' ? (FIELD_NAMES[field] ?? 'contents') : 'contents';
    if ((data as Record<string, unknown>)[field as string] === undefined) return fail(`not an exercise: it has no ${name}`);
    if (field === 'teams' && typeof index === 'number') return fail(`not an exercise: team ${index + 1} cannot be read`);
    if (field === 'teams' && issue?.code === 'too_small') return fail('not an exercise: it has no teams');
    if (field === 'teams' && issue?.code === 'too_big') return fail(`not an exercise: it has more than ${MAX_TEAMS} teams`);
    return fail(`not an exercise: its ${name} cannot be read`);
  }
  const exercise = parsed.data;
  if (exercise.format > EXERCISE_FORMAT) {
    return fail(`this exercise was made by a newer version (format ${exercise.format}; this version reads up to ${EXERCISE_FORMAT})`);
  }
  if (exercise.format < 1) return fail(`this exercise's format ${exercise.format} cannot be read`);
  return ok(exercise);
}

/** What stops an exercise from being played on this scenario: roles it has no seat for, a role held twice, no chair. */
export function exerciseProblems(exercise: Exercise, scenario: Scenario): string[] {
  const problems: string[] = [];
  if (exercise.scenario !== scenario.id) problems.push(`the exercise is for '${exercise.scenario}', not '${scenario.id}'`);
  const held = new Map<Role, string>();
  const names = new Set<string>();
  for (const team of exercise.teams) {
    const name = team.name.trim();
    if (names.has(name.toLowerCase())) problems.push(`two teams are called "${name}"`);
    names.add(name.toLowerCase());
    for (const r of team.roles) {
      if (r !== 'chair' && !scenario.members.includes(r)) problems.push(`${name} holds ${r}, which has no seat in ${scenario.title}`);
      const other = held.get(r);
      if (other !== undefined) problems.push(`${roleName(scenario, r)} is held by both ${other} and ${name}`);
      held.set(r, name);
    }
  }
  if (!held.has('chair')) problems.push('no team holds the chair (the Secretary General, who chooses)');
  const taken = exercise.settings.classDecisions;
  if (taken !== 'all') {
    for (const id of taken) if (!scenario.developments[id]) problems.push(`the class is to decide at '${id}', which is not a decision of ${scenario.title}`);
  }
  return problems;
}

export function roleName(scenario: Scenario, r: Role): string {
  return r === 'chair' ? 'the chair' : (scenario.names[r] ?? r);
}

/** The index of the team that holds a role, or null when no team does (a member then plays itself). */
export function teamOf(exercise: Exercise, r: Role): number | null {
  const i = exercise.teams.findIndex((t) => t.roles.includes(r));
  return i < 0 ? null : i;
}

/** Whether the class takes the decision at this development; at the others it is played as history did. */
export function isClassDecision(exercise: Exercise, development: string): boolean {
  const taken = exercise.settings.classDecisions;
  return taken === 'all' || taken.includes(development);
}

/** An exercise as the parameters of a link: `#/class/exercise?e=<the exercise as JSON>`. */
export function encodeExerciseParams(exercise: Exercise): string {
  return `e=${encodeURIComponent(JSON.stringify(exercise))}`;
}

const MAX_EXERCISE_TEXT = 20_000;

/** Reads an exercise from a whole link, or its query or fragment part. */
export function decodeExerciseParams(link: string): Result<Exercise> {
  if (link.length > MAX_EXERCISE_TEXT * 3) return fail('this link is too long to be an exercise');
  const at = link.search(/[?&#]e=/);
  if (at < 0) return fail("this link is not an exercise (it has no 'e=' part: is it the whole link?)");
  const end = link.indexOf('&', at + 3);
  const raw = link.slice(at + 3, end < 0 ? undefined : end);
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return fail('this exercise link is damaged (it is not readable)');
  }
  return readExerciseFile(text);
}

/** An exercise as a file a teacher keeps or mails: readable JSON. */
export function exerciseFile(exercise: Exercise): string {
  return `${JSON.stringify(exercise, null, 2)}\n`;
}

export function readExerciseFile(text: string): Result<Exercise> {
  if (text.length > MAX_EXERCISE_TEXT) return fail('this is too long to be an exercise');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('not an exercise: it is not readable data');
  }
  return readExercise(data);
}
