import type { ForkReport } from '../../engine/analysis/fork.ts';
import type { RunRecord } from '../../engine/play/record.ts';
import type { TextFile } from '../../engine/authoring/load.ts';

/** What the page and the worker that plays "what tends to happen" say to each other. */
export interface OutlookRequest {
  /**
   * The scenario's own files, as the library read them: the worker compiles its own copy, because a
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

export interface OutlookResult {
  report: ForkReport;
  /** Every playthrough, one CSV row each (written in the worker, so the page never loops over them). */
  csv: string;
  /** Time spent playing, in the worker, compiling the scenario included. */
  ms: number;
}

export type OutlookMessage = { type: 'progress'; done: number; total: number } | ({ type: 'done' } & OutlookResult) | { type: 'failed'; error: string };
