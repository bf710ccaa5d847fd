import { z } from '../core/zod.ts';
import { hashText } from '../core/hash.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import { councilDeclarationsSchema, type CouncilDeclarations } from '../core/declared.ts';
import { decide, DecisionError, formatDecision, isOver, parseDecision, startRun, type Run, type RunOptions } from './run.ts';

/**
 * A run is its scenario, seed and decisions: replaying the decisions rebuilds the World exactly.
 * This record is the save, the share link and what the command line reads and writes.
 */
/** 2: decisions may carry the stances a class's teams declared (`declared`). Format 1 records still load. */
export const RUN_FORMAT = 2;
/** The oldest record format this engine still reads. */
export const MIN_RUN_FORMAT = 1;
export const ENGINE_VERSION = '0.1.0';
/** The longest seed a run may have: the one limit the seed field, the command line, saves and links all keep. */
export const MAX_SEED_LENGTH = 200;

/** Why a seed cannot begin a run, or null when it can: a run whose record could not be read back is never begun. */
export function seedProblem(seed: string): string | null {
  return seed.length > MAX_SEED_LENGTH ? `a seed is at most ${MAX_SEED_LENGTH} characters long, and this one has ${seed.length}` : null;
}

/**
 * A seed as a class types it: "Class 7B", "class 7b" and " class  7B " are one seed, so the whole class
 * lands in the same world whatever each student typed. Lower-casing is by code point (no locale).
 */
export function normaliseSeed(seed: string): string {
  return seed
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

export interface RunRecord {
  format: number;
  engine: string;
  scenario: string;
  contentHash: string;
  seed: string;
  decisions: string[];
  /** What the class's teams declared at each decision's Council (index i is decisions[i]); absent when nobody did. */
  declared?: (CouncilDeclarations | null)[];
}

const MAX_DECISIONS = 500;

const recordSchema = z.object({
  format: z.number().int(),
  engine: z.string(),
  scenario: z.string().regex(/^[a-z][a-z0-9_]*$/),
  contentHash: z.string().max(64),
  seed: z.string().max(MAX_SEED_LENGTH),
  decisions: z.array(z.string().regex(/^[a-z][a-z0-9_]*(\+leverage)?$/)).max(MAX_DECISIONS),
  declared: z.array(councilDeclarationsSchema.nullable()).max(MAX_DECISIONS).optional(),
});

/** What each field is called in a sentence a player reads. */
const FIELD_NAMES: Record<string, string> = {
  format: 'format number',
  engine: 'engine version',
  scenario: "scenario's name",
  contentHash: "scenario's version",
  seed: 'seed',
  decisions: 'list of decisions',
  declared: 'declared stances',
};

/**
 * The first thing wrong with a record, as a plain sentence: players read it beside a damaged save or a
 * refused link, where the schema's own wording (a type, a pattern) would tell them nothing.
 */
function plainProblem(data: unknown, issue: { code: string; path: PropertyKey[] } | undefined): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return 'it is not a saved run';
  const [field, index] = issue?.path ?? [];
  const name = typeof field === 'string' ? FIELD_NAMES[field] : undefined;
  if (!issue || !name) return 'it cannot be read';
  if ((data as Record<string, unknown>)[field as string] === undefined) return `it has no ${name}`;
  if (field === 'decisions' && typeof index === 'number') return `decision ${index + 1} is not the name of an option`;
  if (field === 'declared' && typeof index === 'number') return `the stances declared at decision ${index + 1} cannot be read`;
  if (issue.code === 'too_big') {
    if (field === 'seed') return `its seed is longer than ${MAX_SEED_LENGTH} characters`;
    if (field === 'decisions') return `it has more than ${MAX_DECISIONS} decisions`;
    return `its ${name} is too long`;
  }
  if (issue.code === 'invalid_format') return `its ${name} is not one the game writes`;
  return `its ${name} cannot be read`;
}

export function recordOf(run: Run): RunRecord {
  const { decisions } = run.world;
  const record: RunRecord = {
    format: RUN_FORMAT,
    engine: ENGINE_VERSION,
    scenario: run.scenario.id,
    contentHash: run.scenario.contentHash,
    seed: run.seed,
    decisions: decisions.map(formatDecision),
  };
  if (decisions.some((d) => d.declared !== undefined)) record.declared = decisions.map((d) => d.declared ?? null);
  return record;
}

/** Reads a record from untrusted data (a save slot, a file, a link): refuses what it cannot read, saying why. */
export function readRunRecord(data: unknown): Result<RunRecord> {
  const parsed = recordSchema.safeParse(data);
  if (!parsed.success) {
    return fail(`not a run record: ${plainProblem(data, parsed.error.issues[0])}`);
  }
  const record = parsed.data;
  if (record.format > RUN_FORMAT) {
    return fail(`this run was saved by a newer version (format ${record.format}; this version reads up to ${RUN_FORMAT})`);
  }
  if (record.format < MIN_RUN_FORMAT) return fail(`this run's format ${record.format} is too old to read`);
  if (record.declared !== undefined && record.declared.length > record.decisions.length) {
    return fail(`not a run record: it declares stances for ${record.declared.length} decisions but has ${record.decisions.length}`);
  }
  return ok(record);
}

/** A replayed run, with what a reader should know about it (the scenario has changed since, say). */
export interface Replayed {
  run: Run;
  warnings: string[];
}

/** Rebuilds a run from its record, optionally only its first `upTo` decisions (to fork there). */
export function replay(scenario: Scenario, record: RunRecord, options: RunOptions & { upTo?: number } = {}): Result<Replayed> {
  if (record.scenario !== scenario.id) return fail(`this run is of scenario '${record.scenario}', not '${scenario.id}'`);
  const warnings: string[] = [];
  if (record.contentHash !== scenario.contentHash) {
    warnings.push('the scenario has changed since this run was recorded; it is replayed on the current version');
  }
  const run = startRun(scenario, record.seed, options);
  const decisions = options.upTo === undefined ? record.decisions : record.decisions.slice(0, options.upTo);
  for (const [i, decision] of decisions.entries()) {
    if (isOver(run)) return fail(`decision ${i + 1} ('${decision}') comes after the run has ended`);
    try {
      const declared = record.declared?.[i];
      decide(run, declared ? { ...parseDecision(decision), declared } : parseDecision(decision));
    } catch (error) {
      if (error instanceof DecisionError) return fail(`decision ${i + 1}: ${error.message}`);
      throw error;
    }
  }
  return ok({ run, warnings });
}

/** The state that defines a World, in a fixed order: two worlds with the same hash are the same. */
export function worldHash(world: World): string {
  const members = Object.entries(world.members)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, m]) => [code, m.loyalty, m.publicSupport, m.hedging, m.ties, m.status]);
  const vars = Object.keys(world.vars)
    .sort()
    .map((k) => [k, world.vars[k]]);
  return hashText(
    JSON.stringify([
      world.turn,
      world.development,
      world.ending,
      members,
      world.credibility,
      world.moscowBandwidth,
      vars,
      world.decisions.map(formatDecision),
      world.reactions.map((r) => `${r.member}:${r.reaction}@${r.turn}`),
      world.debts.map((d) => `${d.member}:${d.loyalty}@${d.dueMonth}`),
    ]),
  );
}
