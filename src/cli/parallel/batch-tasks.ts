import { type BalanceChunk, type BalancePart, balancePart } from '../../engine/analysis/balance.ts';
import { checkPart, type CheckPart } from '../../engine/analysis/check.ts';
import type { Plan } from '../../engine/analysis/plan-policy.ts';
import { comparePart, type ComparePart, type OnRun } from '../../engine/analysis/compare.ts';
import { fidelityPart, type FidelityPart } from '../../engine/analysis/fidelity.ts';
import { forkPart, forkStart } from '../../engine/analysis/fork.ts';
import { csvLine, runRow } from '../../engine/analysis/run-rows.ts';
import { type SeedRange, seedChunks } from '../../engine/analysis/seed-chunks.ts';
import { outcomeValues, planSensitivity, scenarioAtSetting } from '../../engine/analysis/sensitivity.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import { resolvePolicy } from '../io/policy-argument.ts';
import { loadScenarioFile, readText } from '../io/scenario-files.ts';

/**
 * What a batch thread is told: the files and options to rebuild the work from, as the command itself
 * read them. Plain data only, since a compiled scenario (closures) cannot be sent to another thread.
 */
interface ScenarioFiles {
  scenario: string;
  rules?: string;
  seed: string;
}

/** Commands that take several scenarios play them all as one batch: threads start once, not once per scenario. */
interface ScenarioList {
  scenarios: string[];
  rules?: string;
  seed: string;
}

export interface FidelityTask extends ScenarioList {
  kind: 'fidelity';
}

export interface CheckTask extends ScenarioList {
  kind: 'check';
}

/** A chunk of a batch over several scenarios: a range of seeds of one of them (its index in the list). */
export interface TargetRange extends SeedRange {
  target: number;
}

/** The seed chunks of every scenario in the list, scenario after scenario. */
export function targetChunks(targets: number, runs: number): TargetRange[] {
  return Array.from({ length: targets }, (_, target) => seedChunks(runs).map((range) => ({ target, ...range }))).flat();
}

export interface CompareTask extends ScenarioFiles {
  kind: 'compare';
  policies: string[];
  /** Whether each run is also wanted as a CSV row. */
  csv: boolean;
}

export interface ForkTask extends ScenarioFiles {
  kind: 'fork';
  record: RunRecord;
  at: number;
  alternatives: string[];
  /** How the rest of each run is played (`--then`). */
  rest: string;
}

export interface SensitivityTask {
  kind: 'sensitivity';
  /** The scenario and rules files themselves, not names: each setting is the text moved by one parameter. */
  scenarioFile: string;
  rulesFile: string;
  seed: string;
  policy: string;
  outcome: string;
}

/** A sensitivity chunk: the seeds of one setting (see `settingCount`). */
export interface SettingRange extends SeedRange {
  setting: number;
}

export interface BalanceTask extends ScenarioFiles {
  kind: 'balance';
  /** The best fixed plan, searched first in the main thread: its runs are played with the others. */
  best: Plan;
}

export type BatchTask = FidelityTask | CheckTask | CompareTask | ForkTask | SensitivityTask | BalanceTask;

/** A comparison's part, with its runs as CSV rows when asked for (made where the Worlds are). */
export interface ComparePartWithRows {
  part: ComparePart;
  rows: string[];
}

const load = (task: ScenarioFiles) => loadScenarioFile(task.scenario, task.rules);

export function fidelityChunks(task: FidelityTask, loaded?: Scenario[]): (chunk: TargetRange) => FidelityPart {
  const scenarioOf = scenarioList(task, loaded);
  return (chunk) => fidelityPart(scenarioOf(chunk.target), chunk, task.seed);
}

export function checkChunks(task: CheckTask, loaded?: Scenario[]): (chunk: TargetRange) => CheckPart {
  const scenarioOf = scenarioList(task, loaded);
  return (chunk) => checkPart(scenarioOf(chunk.target), chunk, task.seed);
}

/** Each scenario of the list, as the command loaded them, or (in a thread) loaded when first needed. */
function scenarioList(task: ScenarioList, loaded: Scenario[] = []): (target: number) => Scenario {
  const scenarios = [...loaded];
  return (target) => {
    let scenario = scenarios[target];
    if (scenario === undefined) {
      scenario = loadScenarioFile(task.scenarios[target] ?? '', task.rules);
      scenarios[target] = scenario;
    }
    return scenario;
  };
}

export function compareChunks(task: CompareTask, scenario = load(task)): (chunk: SeedRange) => ComparePartWithRows {
  const policies = task.policies.map((p) => resolvePolicy(p, scenario));
  return (chunk) => {
    const rows: string[] = [];
    const part = comparePart(scenario, policies, chunk, task.seed, task.csv ? csvRows(scenario, rows) : undefined);
    return { part, rows };
  };
}

export function forkChunks(task: ForkTask, scenario = load(task)): (chunk: SeedRange) => ComparePart {
  const start = forkStart(scenario, task.record, task.at, task.alternatives);
  const rest = resolvePolicy(task.rest, scenario);
  return (chunk) => forkPart(start, rest, chunk, task.seed);
}

export function sensitivityChunks(
  task: SensitivityTask,
  plan = planSensitivity({ scenario: readText(task.scenarioFile), rules: readText(task.rulesFile) }, task.outcome),
): (chunk: SettingRange) => number[] | null {
  const policy = resolvePolicy(task.policy, plan.scenario);
  return (chunk) => {
    const scenario = scenarioAtSetting(plan, chunk.setting);
    return scenario === null ? null : outcomeValues(scenario, policy, plan.query, chunk, task.seed);
  };
}

export function balanceRuns(task: BalanceTask, scenario = load(task)): (chunk: BalanceChunk) => BalancePart {
  return (chunk) => balancePart(scenario, task.best, chunk, task.seed);
}

function csvRows(scenario: Scenario, rows: string[]): OnRun {
  return (arm, index, seed, world) => rows.push(csvLine(runRow(scenario, arm, index, seed, world)));
}

/** A batch thread's work, from its task. */
export function prepareBatch(task: BatchTask): (chunk: never) => unknown {
  switch (task.kind) {
    case 'fidelity':
      return fidelityChunks(task);
    case 'check':
      return checkChunks(task);
    case 'compare':
      return compareChunks(task);
    case 'fork':
      return forkChunks(task);
    case 'sensitivity':
      return sensitivityChunks(task);
    case 'balance':
      return balanceRuns(task);
  }
}
