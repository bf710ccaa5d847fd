import type { CouncilDeclarations, Declaration } from '../core/declared.ts';
import { MAX_ARGUMENT_LENGTH } from '../core/declared.ts';
import { currentDevelopment } from '../core/development.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Scenario } from '../core/scenario.ts';
import type { MemberCode } from '../core/world.ts';
import { optionView } from '../rules/council.ts';
import { chapterBegins } from './chapter-account.ts';
import { checkDecision, type Choice } from './check-decision.ts';
import { historyChoice } from './class-decisions.ts';
import { isClassDecision, teamOf, type Exercise } from './exercise.ts';
import { recordOf, replay, type RunRecord } from './record.ts';
import { decide, isOver, startRun, type Run } from './run.ts';

/**
 * A table of a live class: the teams of an exercise around one run, on their own laptops, moved through the
 * phases by the teacher. The rules of who may do what, and what each action does to the run, are here, pure,
 * so that the server that keeps the tables and the page that shows one apply the very same ones; the server
 * passes the time in (the engine never reads a clock).
 */
export type TablePhase = 'chapter' | 'briefing' | 'council' | 'reveal' | 'aftermath' | 'debrief';

/** A phase's clock, in milliseconds since the epoch as the caller gives them. */
export interface TableTimer {
  /** The phase's length from the exercise's timers, or null when untimed. */
  durationMs: number | null;
  /** Time run before the last start: kept across pauses. */
  elapsedMs: number;
  /** When it last started running, or null while paused. */
  runningSince: number | null;
}

export interface TableState {
  phase: TablePhase;
  /** The table's run so far, the class's decisions and history's, with what the teams declared. */
  record: RunRecord;
  /** What the teams have declared so far at the current Council; emptied when the chair chooses. */
  drafts: CouncilDeclarations;
  paused: boolean;
  timer: TableTimer;
  /** 1 at creation and one more for every accepted action: a screen drops a state older than the one it shows. */
  version: number;
}

/** The teacher acts at any table and for any team ("take over"); a team acts at its own table as itself. */
export type TableActor = { kind: 'teacher' } | { kind: 'team'; team: number };

export type TableAction =
  /** A team's stance on an option for a member it holds; null withdraws it. */
  | { type: 'declare'; option: string; member: MemberCode; declaration: Declaration | null }
  | { type: 'choose'; option: string; leverage: boolean }
  /** The teacher moves the table on: chapter to briefing, briefing to Council, reveal to aftermath, aftermath to what follows. */
  | { type: 'advance' }
  | { type: 'pause' }
  | { type: 'resume' };

const MINUTE = 60_000;

/** A new table at the exercise's first class decision: history plays any decision before it, as in a class on one screen. */
export function newTable(scenario: Scenario, exercise: Exercise, now: number): TableState {
  const run = startRun(scenario, exercise.seed, { recordCauses: false });
  const phase = playHistoryUntilClass(run, exercise);
  return { phase, record: recordOf(run), drafts: {}, paused: false, timer: clockFor(exercise, phase, now, false), version: 1 };
}

/** The table's run rebuilt from its record: what its screens show. The record was checked when each decision was taken. */
export function tableRun(scenario: Scenario, table: TableState, recordCauses = true): Run {
  const replayed = replay(scenario, table.record, { recordCauses });
  if (!replayed.ok) throw new Error(`a table's record no longer replays: ${replayed.error}`);
  return replayed.value.run;
}

/** Milliseconds left on the phase's clock at `now` (negative once time is up), or null when the phase is untimed. */
export function timeLeft(timer: TableTimer, now: number): number | null {
  if (timer.durationMs === null) return null;
  return timer.durationMs - timer.elapsedMs - (timer.runningSince === null ? 0 : now - timer.runningSince);
}

/** Whether a team speaks for a member: it holds it in the exercise. */
export function teamHolds(exercise: Exercise, team: number, member: MemberCode): boolean {
  return teamOf(exercise, member) === team;
}

/** The action applied to the table, or why it cannot be, as a sentence for whoever tried. The table itself never changes. */
export function actOnTable(scenario: Scenario, exercise: Exercise, table: TableState, actor: TableActor, action: TableAction, now: number): Result<TableState> {
  const next = apply(scenario, exercise, table, actor, action, now);
  return next.ok ? ok({ ...next.value, version: table.version + 1 }) : next;
}

function apply(scenario: Scenario, exercise: Exercise, table: TableState, actor: TableActor, action: TableAction, now: number): Result<TableState> {
  switch (action.type) {
    case 'declare':
      return declare(scenario, exercise, table, actor, action);
    case 'choose':
      return choose(scenario, exercise, table, actor, action, now);
    case 'advance':
      if (actor.kind !== 'teacher') return fail('Only the teacher moves the class on.');
      return advance(scenario, exercise, table, now);
    case 'pause':
      if (actor.kind !== 'teacher') return fail('Only the teacher pauses the class.');
      if (table.paused) return fail('The class is already paused.');
      return ok({ ...table, paused: true, timer: stopped(table.timer, now) });
    case 'resume':
      if (actor.kind !== 'teacher') return fail('Only the teacher resumes the class.');
      if (!table.paused) return fail('The class is not paused.');
      return ok({ ...table, paused: false, timer: { ...table.timer, runningSince: now } });
  }
}

function declare(
  scenario: Scenario,
  exercise: Exercise,
  table: TableState,
  actor: TableActor,
  action: Extract<TableAction, { type: 'declare' }>,
): Result<TableState> {
  if (table.phase !== 'council') return fail('Stances are declared at the Council, and the Council is not sitting.');
  const { member, option, declaration } = action;
  const name = scenario.names[member] ?? member;
  const holder = teamOf(exercise, member);
  if (holder === null || !scenario.members.includes(member)) return fail(`No team speaks for ${name}: it plays itself.`);
  if (actor.kind === 'team' && actor.team !== holder) return fail(`Your team does not speak for ${name}: ${exercise.teams[holder]?.name} does.`);
  const run = tableRun(scenario, table, false);
  if (run.world.members[member]?.status !== 'member') return fail(`${name} no longer sits at the Council.`);
  const found = currentDevelopment(scenario, run.world).options.find((o) => o.id === option);
  if (!found || !optionView(scenario, run.world, found, false).available) return fail(`'${option}' is not on the table at this Council.`);
  if (declaration && (declaration.argument?.length ?? 0) > MAX_ARGUMENT_LENGTH) return fail(`An argument is at most ${MAX_ARGUMENT_LENGTH} characters.`);
  const onOption = { ...table.drafts[option] };
  if (declaration) onOption[member] = declaration.argument ? { stance: declaration.stance, argument: declaration.argument } : { stance: declaration.stance };
  else delete onOption[member];
  const drafts = { ...table.drafts };
  if (Object.keys(onOption).length) drafts[option] = onOption;
  else delete drafts[option];
  return ok({ ...table, drafts });
}

function choose(
  scenario: Scenario,
  exercise: Exercise,
  table: TableState,
  actor: TableActor,
  action: Extract<TableAction, { type: 'choose' }>,
  now: number,
): Result<TableState> {
  if (table.phase !== 'council') return fail('The chair chooses at the Council, and the Council is not sitting.');
  const chair = teamOf(exercise, 'chair');
  if (actor.kind === 'team' && actor.team !== chair) return fail(`Only the chair's team chooses${chair === null ? '' : `: ${exercise.teams[chair]?.name}`}.`);
  const run = tableRun(scenario, table, false);
  const declared = table.drafts;
  const choice: Choice = Object.keys(declared).length
    ? { option: action.option, leverage: action.leverage, declared }
    : { option: action.option, leverage: action.leverage };
  // Without advice, the waiting comes first: a refusal from the Council would give the model's stance, and its numbers, for a member whose team has not spoken.
  const found = currentDevelopment(scenario, run.world).options.find((o) => o.id === action.option);
  if (found && !exercise.settings.showAdvice) {
    const view = optionView(scenario, run.world, found, false, declared[action.option]);
    const waiting = view.available
      ? view.stances.filter((s) => teamOf(exercise, s.member as MemberCode) !== null && !s.declared).map((s) => scenario.names[s.member] ?? s.member)
      : [];
    if (waiting.length) return fail(`Not yet: the teams for ${waiting.join(' and ')} have not declared on "${found.label}".`);
  }
  const checked = checkDecision(scenario, run.world, choice);
  if (!checked.ok) return fail(`That cannot be chosen: ${checked.error}.`);
  // The replayed run is the table's own copy: played through the decision, it is what the reveal and the aftermath show.
  decide(run, choice);
  return ok({ ...table, phase: 'reveal', record: recordOf(run), drafts: {}, timer: clockFor(exercise, 'reveal', now, table.paused) });
}

function advance(scenario: Scenario, exercise: Exercise, table: TableState, now: number): Result<TableState> {
  const moveTo = (phase: TablePhase, record = table.record) => ok({ ...table, phase, record, timer: clockFor(exercise, phase, now, table.paused) });
  switch (table.phase) {
    case 'chapter':
      return moveTo('briefing');
    case 'briefing':
      return moveTo('council');
    case 'council':
      return fail('The Council moves on when the chair chooses.');
    case 'reveal':
      return moveTo('aftermath');
    case 'aftermath': {
      const run = tableRun(scenario, table, false);
      const phase = playHistoryUntilClass(run, exercise);
      return moveTo(phase, recordOf(run));
    }
    case 'debrief':
      return fail('The run is over: this is the debrief.');
  }
}

/**
 * Plays the decisions the class does not take as history did, up to the next one it takes, and says the
 * phase the table arrives at: the chapter's opening, the briefing, or the debrief when the run is over.
 */
function playHistoryUntilClass(run: Run, exercise: Exercise): TablePhase {
  while (!isOver(run) && !isClassDecision(exercise, run.world.development ?? '')) decide(run, historyChoice(run));
  if (isOver(run)) return 'debrief';
  return chapterBegins(run.scenario, run.world) ? 'chapter' : 'briefing';
}

/** A phase's clock from the exercise's timers: only the briefing, the Council and the aftermath are timed. */
function clockFor(exercise: Exercise, phase: TablePhase, now: number, paused: boolean): TableTimer {
  const minutes = phase === 'briefing' || phase === 'council' || phase === 'aftermath' ? exercise.settings.timers[phase] : 0;
  return { durationMs: minutes > 0 ? minutes * MINUTE : null, elapsedMs: 0, runningSince: paused ? null : now };
}

function stopped(timer: TableTimer, now: number): TableTimer {
  return timer.runningSince === null ? timer : { ...timer, elapsedMs: timer.elapsedMs + (now - timer.runningSince), runningSince: null };
}
