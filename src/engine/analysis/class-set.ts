import { playOut } from '../play/batch.ts';
import { fixedPolicy, historicalPolicy, type Policy } from '../play/policies.ts';
import { replay, type RunRecord } from '../play/record.ts';
import { formatDecision, isOver, type Run } from '../play/run.ts';
import { verdictAgainstHistory, type Verdict } from '../play/verdict.ts';
import { cohesion } from '../rules/cohesion.ts';
import type { CouncilDeclarations, Declarations } from '../core/declared.ts';
import { endingReached } from '../core/ending.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Ending, Scenario } from '../core/scenario.ts';
import type { Plan } from './plan-policy.ts';
import type { Cell } from './run-rows.ts';

/**
 * A class's runs of one scenario, side by side: each group's decisions against what history chose on the
 * group's own seed, its ending and verdict, and the class's most common path as a plan the simulation
 * can play. The runs are rebuilt from their records, so what the table says is what the engine replays.
 */
export interface ClassEntry {
  /** What the class calls the group: "Group 1", or the run's own name. */
  name: string;
  record: RunRecord;
}

export interface GroupDecision {
  /** 1-based. */
  at: number;
  development: string;
  /** As the engine writes decisions: `send_troops` or `send_troops+leverage`. */
  decision: string;
  option: string;
  leverage: boolean;
  /** What the historical policy chose at the same development on the group's seed; null where history never came. */
  history: string | null;
  /** Taken otherwise than history did there on this seed (or where history never came). */
  differs: boolean;
  /** What the group's teams declared at this Council, by option; null where nobody declared. */
  declared: CouncilDeclarations | null;
}

/** The stances declared on the option the group chose, by member: those are the ones that had consequences. */
export function declaredOnChoice(d: GroupDecision): Declarations {
  return d.declared?.[d.option] ?? {};
}

export interface GroupRun {
  name: string;
  record: RunRecord;
  run: Run;
  /** The historical policy played on the group's seed: the same dice, history's choices. */
  history: Run;
  finished: boolean;
  /** Null until the run is over. */
  ending: Ending | null;
  verdict: Verdict | null;
  cohesion: number;
  credibility: number;
  decisions: GroupDecision[];
  /** What a reader should know about the replay (the scenario changed since, say). */
  warnings: string[];
}

/** Rebuilds one group's run from its record and sets it beside history on the same seed. */
export function groupRun(scenario: Scenario, entry: ClassEntry): Result<GroupRun> {
  const replayed = replay(scenario, entry.record);
  if (!replayed.ok) return replayed;
  const { run, warnings } = replayed.value;
  const history = playOut(scenario, run.seed, historicalPolicy);
  const historyAt = new Map(history.world.decisions.map((d) => [d.development, formatDecision(d)]));
  const decisions = run.world.decisions.map((d, i): GroupDecision => {
    const decision = formatDecision(d);
    const chosenByHistory = historyAt.get(d.development) ?? null;
    return {
      at: i + 1,
      development: d.development,
      decision,
      option: d.option,
      leverage: d.leverage,
      history: chosenByHistory,
      differs: chosenByHistory !== decision,
      declared: d.declared ?? null,
    };
  });
  const finished = isOver(run);
  return ok({
    name: entry.name,
    record: entry.record,
    run,
    history,
    finished,
    ending: finished ? endingReached(scenario, run.world) : null,
    verdict: finished ? verdictAgainstHistory(scenario, run.world, history.world) : null,
    cohesion: cohesion(run.world, scenario.params.cohesion),
    credibility: run.world.credibility,
    decisions,
    warnings,
  });
}

/** Every group's run, or the first that cannot be rebuilt, named. */
export function classSet(scenario: Scenario, entries: ClassEntry[]): Result<GroupRun[]> {
  const groups: GroupRun[] = [];
  for (const entry of entries) {
    const group = groupRun(scenario, entry);
    if (!group.ok) return fail(`${entry.name}: ${group.error}`);
    groups.push(group.value);
  }
  return ok(groups);
}

/** One step of the class's most common path: the decision most groups took at a development, and how many did. */
export interface PathStep {
  development: string;
  decision: string;
  /** Groups that took this decision there. */
  took: number;
  /** Groups whose runs came to this development. */
  came: number;
  /** Another decision there was taken by as many groups. */
  tied: boolean;
}

/**
 * The class's most common path, step by step: at each development any group reached (in the order first
 * met), the decision most of the groups there took. A tie goes to the decision a group earlier in the list
 * took, so the path depends only on the runs and their order.
 */
export function commonPathSteps(groups: GroupRun[]): PathStep[] {
  const counts = new Map<string, Map<string, number>>();
  const came = new Map<string, Set<number>>();
  groups.forEach((group, k) => {
    for (const d of group.decisions) {
      const at = counts.get(d.development) ?? new Map<string, number>();
      counts.set(d.development, at);
      at.set(d.decision, (at.get(d.decision) ?? 0) + 1);
      const visitors = came.get(d.development) ?? new Set<number>();
      came.set(d.development, visitors);
      visitors.add(k);
    }
  });
  return [...counts].map(([development, decisions]) => {
    let best = '';
    let most = 0;
    // Map order is the order first met, so `>` keeps the earliest of equals.
    for (const [decision, n] of decisions) {
      if (n > most) {
        best = decision;
        most = n;
      }
    }
    const tied = [...decisions].some(([decision, n]) => decision !== best && n === most);
    return { development, decision: best, took: most, came: came.get(development)?.size ?? 0, tied };
  });
}

/** The class's most common path as a plan; developments no group reached are left to history by the policy. */
export function commonPath(groups: GroupRun[]): Plan {
  const plan: Record<string, string> = {};
  for (const step of commonPathSteps(groups)) plan[step.development] = step.decision;
  return plan;
}

/** The policies the class set is simulated with: history, then the class's most common path (history elsewhere). */
export const HISTORY_ARM = 'history';
export const CLASS_PATH_ARM = 'class path';

/** The policies a class set is simulated with, given its common path: history first, then that path (history elsewhere). */
export function simulationPolicies(path: Plan): Policy[] {
  return [{ ...historicalPolicy, name: HISTORY_ARM }, fixedPolicy({ ...path }, CLASS_PATH_ARM)];
}

/** The class's path as the command line's policy argument: `fixed:the_call=send_troops,summit=vague_declaration`. */
export function classPathPolicyArgument(path: Plan): string {
  return `fixed:${Object.entries(path)
    .map(([development, decision]) => `${development}=${decision}`)
    .join(',')}`;
}

/**
 * The class's table as CSV rows: for each group, a row per decision, then a summary row. The columns are
 * the same for both kinds, the summary leaving the decision's columns empty and the decision rows the
 * ending's, so one spreadsheet filter separates them. A decision's `declared` and `arguments` are the
 * stances the teams declared on the option chosen, and their sentences.
 */
export const CLASS_COLUMNS = [
  'group',
  'scenario',
  'seed',
  'row',
  'decision',
  'development',
  'chosen',
  'history',
  'differs',
  'ending',
  'verdict',
  'cohesion',
  'credibility',
  'declared',
  'arguments',
  'decisions',
  'differ',
] as const;

/** `AM:objects KZ:supports`: the stances declared on the chosen option, members in the scenario's order. */
function declaredCells(scenario: Scenario, d: GroupDecision): [string, string] {
  const on = declaredOnChoice(d);
  const members = scenario.members.filter((code) => on[code] !== undefined);
  return [
    members.map((code) => `${code}:${on[code]?.stance}`).join(' '),
    members
      .filter((code) => on[code]?.argument)
      .map((code) => `${code}: ${on[code]?.argument}`)
      .join(' | '),
  ];
}

export function classRows(groups: GroupRun[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const g of groups) {
    const { scenario, seed } = g.run;
    for (const d of g.decisions) {
      rows.push([
        g.name,
        scenario.id,
        seed,
        'decision',
        d.at,
        d.development,
        d.decision,
        d.history ?? '',
        d.differs ? 'yes' : 'no',
        '',
        '',
        '',
        '',
        ...declaredCells(scenario, d),
        '',
        '',
      ]);
    }
    rows.push([
      g.name,
      scenario.id,
      seed,
      'summary',
      '',
      '',
      '',
      '',
      '',
      g.ending?.id ?? '',
      g.verdict?.comparison ?? '',
      g.cohesion,
      g.credibility,
      '',
      '',
      g.decisions.length,
      g.decisions.filter((d) => d.differs).length,
    ]);
  }
  return rows;
}
