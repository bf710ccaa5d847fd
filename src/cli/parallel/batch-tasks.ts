import { checkPart, type CheckPart } from '../../engine/analysis/check.ts';
import { comparePart, type ComparePart, type OnRun } from '../../engine/analysis/compare.ts';
import { fidelityPart, type FidelityPart } from '../../engine/analysis/fidelity.ts';
import { forkPart, forkStart } from '../../engine/analysis/fork.ts';
import { csvLine, runRow } from '../../engine/analysis/run-rows.ts';
import type { SeedRange } from '../../engine/analysis/seed-chunks.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import { resolvePolicy } from '../io/policy-argument.ts';
import { loadScenarioFile } from '../io/scenario-files.ts';

/**
 * What a batch thread is told: the files and options to rebuild the work from, as the command itself
 * read them. Plain data only, since a compiled scenario (closures) cannot be sent to another thread.
 */
interface ScenarioFiles {
  scenario: string;
  rules?: string;
  seed: string;
}

export interface FidelityTask extends ScenarioFiles {
  kind: 'fidelity';
}

export interface CheckTask extends ScenarioFiles {
  kind: 'check';
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

export type BatchTask = FidelityTask | CheckTask | CompareTask | ForkTask;

/** A comparison's part, with its runs as CSV rows when asked for (made where the Worlds are). */
export interface ComparePartWithRows {
  part: ComparePart;
  rows: string[];
}

const load = (task: ScenarioFiles) => loadScenarioFile(task.scenario, task.rules);

export function fidelityChunks(task: FidelityTask, scenario = load(task)): (chunk: SeedRange) => FidelityPart {
  return (chunk) => fidelityPart(scenario, chunk, task.seed);
}

export function checkChunks(task: CheckTask, scenario = load(task)): (chunk: SeedRange) => CheckPart {
  return (chunk) => checkPart(scenario, chunk, task.seed);
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

function csvRows(scenario: Scenario, rows: string[]): OnRun {
  return (arm, index, seed, world) => rows.push(csvLine(runRow(scenario, arm, index, seed, world)));
}

/** A batch thread's work, from its task. */
export function prepareBatch(task: BatchTask): (chunk: SeedRange) => unknown {
  switch (task.kind) {
    case 'fidelity':
      return fidelityChunks(task);
    case 'check':
      return checkChunks(task);
    case 'compare':
      return compareChunks(task);
    case 'fork':
      return forkChunks(task);
  }
}
