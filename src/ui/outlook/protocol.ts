import type { ComparePart, CompareReport } from '../../engine/analysis/compare.ts';
import type { Plan } from '../../engine/analysis/plan-policy.ts';
import type { ForkReport } from '../../engine/analysis/fork.ts';
import type { SeedRange } from '../../engine/analysis/seed-chunks.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import type { TextFile } from '../../engine/authoring/load.ts';

/**
 * What the page and the workers that play many runs say to each other: "what tends to happen" at one
 * decision of a run (a fork), or a class's results against history (plans over fresh runs).
 */
interface ScenarioTexts {
  /**
   * The scenario's own files, as the library read them: each worker compiles its own copy, because a
   * compiled scenario holds functions (its conditions), which cannot be posted to a worker.
   */
  target: TextFile;
  files: TextFile[];
  rules: TextFile;
  /** The version the page planned against: a worker that compiles another refuses rather than mislead. */
  contentHash: string;
  runs: number;
  seed: string;
}

/** Every choice at decision `at` of a run, each played on with the historical choices. */
export interface OutlookRequest extends ScenarioTexts {
  kind: 'fork';
  record: RunRecord;
  at: number;
  alternatives: string[];
}

/** Whole runs of history and of a class's most common path (`simulationPolicies` in the engine's class set). */
export interface ClassPathRequest extends ScenarioTexts {
  kind: 'class-path';
  path: Plan;
}

export type PoolRequest = OutlookRequest | ClassPathRequest;

/**
 * The page's messages to a worker: first what to prepare (once per worker), then one chunk of seeds at a
 * time, the next sent as the worker hands back the last.
 */
export type OutlookOrder = { type: 'prepare'; request: PoolRequest } | { type: 'play'; index: number; range: SeedRange };

/** Every playthrough of a chunk as CSV lines, each ending with a line break, written where its World is. */
export interface ChunkPart {
  part: ComparePart;
  rows: string;
}

/**
 * A worker's answers: that it has prepared (compiled the scenario, planned the runs), how many runs of
 * chunk `index` it has finished so far, the chunk's part once all are, or why it cannot go on.
 */
export type OutlookMessage =
  | { type: 'prepared' }
  | { type: 'progress'; index: number; done: number }
  | ({ type: 'part'; index: number } & ChunkPart)
  | { type: 'failed'; error: string };

export interface OutlookResult<Report extends CompareReport = ForkReport> {
  report: Report;
  /** Every playthrough, one CSV row each (written in the workers, so the page never loops over the Worlds). */
  csv: string;
  /** From the workers' start to the merged result, compiling the scenario in each worker included. */
  ms: number;
  /** How many workers played the runs. */
  workers: number;
}
