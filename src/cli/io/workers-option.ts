import { Option } from 'commander';
import { defaultWorkerCount } from '../../node/parallel/chunk-pool.ts';
import { parseCount, WORKERS } from './numeric-options.ts';

/** `--workers <n>` for the batch commands: the report is the same whatever the number. */
export function workersOption(): Option {
  return new Option('--workers <n>', 'threads to play the runs on; 1 plays them in this process, with no thread (default: one per core)');
}

export function parseWorkers(text: string | undefined): number {
  return text === undefined ? Math.min(WORKERS.max, defaultWorkerCount()) : parseCount('--workers', text, WORKERS);
}
