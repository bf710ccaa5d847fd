import type { ComparePart } from '../../engine/analysis/compare.ts';
import type { ForkReport } from '../../engine/analysis/fork.ts';
import type { SeedRange } from '../../engine/analysis/seed-chunks.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import type { TextFile } from '../../engine/authoring/load.ts';

/** What the page and the workers that play "what tends to happen" say to each other. */
export interface OutlookRequest {
  /**
   * The scenario's own files, as the library read them: each worker compiles its own copy, because a
   * compiled scenario holds functions (its conditions), which cannot be posted to a worker.
   */
  target: TextFile;
  files: TextFile[];
  rules: TextFile;
  /** The version the page planned against: a worker that compiles another refuses rather than mislead. */
  contentHash: string;
  record: RunRecord;
  at: number;
  alternatives: string[];
  runs: number;
  seed: string;
}

/**
 * The page's messages to a worker: first what to prepare (once per worker), then one chunk of seeds at a
 * time, the next sent as the worker hands back the last.
 */
export type OutlookOrder = { type: 'prepare'; request: OutlookRequest } | { type: 'play'; index: number; range: SeedRange };

/** Every playthrough of a chunk as CSV lines, each ending with a line break, written where its World is. */
export interface ChunkPart {
  part: ComparePart;
  rows: string;
}

/**
 * A worker's answers: how many runs of chunk `index` it has finished so far, the chunk's part once all
 * are, or why it cannot go on.
 */
export type OutlookMessage =
  | { type: 'progress'; index: number; done: number }
  | ({ type: 'part'; index: number } & ChunkPart)
  | { type: 'failed'; error: string };

export interface OutlookResult {
  report: ForkReport;
  /** Every playthrough, one CSV row each (written in the workers, so the page never loops over the Worlds). */
  csv: string;
  /** From the workers' start to the merged result, compiling the scenario in each worker included. */
  ms: number;
  /** How many workers played the runs. */
  workers: number;
}
