import { Option } from 'commander';
import { defaultWorkerCount } from '../../node/parallel/chunk-pool.ts';
import { parseCount, WORKERS } from './numeric-options.ts';

/** `--workers <n>` for the batch commands: the report is the same whatever the number. */
export function workersOption(): Option {
  return new Option(
    '--workers <n>',
    'threads to play the runs on; 1 plays them in this process, with no thread (default: one per core, or 1 below 1,000 seeds)',
  );
}

/**
 * A thread takes about a second of CPU to start (the bundle, the scenario, code not yet optimised), so
 * unless told otherwise a batch of fewer seeds than this plays in this process.
 */
export const SMALL_BATCH = 1000;

/** `--workers` as given, else one per core for a batch of `seeds` or more a scenario, else 1. */
export function parseWorkers(text: string | undefined, seeds: number): number {
  if (text !== undefined) return parseCount('--workers', text, WORKERS);
  return seeds < SMALL_BATCH ? 1 : Math.min(WORKERS.max, defaultWorkerCount());
}
