import { playChunks } from '../../node/parallel/chunk-pool.ts';
import { progressBar } from '../io/progress.ts';
import { type BatchTask, type TargetRange, targetChunks } from './batch-tasks.ts';
import { BATCH_WORKER_SCRIPT } from './batch-worker.ts';

/** Plays a command's chunks here or over threads (`--workers`), handing each part over in chunk order. */
export function playBatch<Chunk, Part>(
  task: BatchTask,
  workers: number,
  chunks: Chunk[],
  playHere: (chunk: Chunk) => Part,
  onPart: (part: Part, chunk: Chunk) => void,
): Promise<void> {
  return playChunks({ workers, chunks, playHere, script: BATCH_WORKER_SCRIPT, task, onPart });
}

/**
 * The same number of seeds for each of several scenarios, played as one batch (threads are slow to
 * start) with a progress bar counting `unit`: each scenario's parts, in chunk order.
 */
export async function playPerScenario<Part>(
  task: BatchTask,
  workers: number,
  scenarios: number,
  seeds: number,
  unit: string,
  playHere: (chunk: TargetRange) => Part,
): Promise<Part[][]> {
  const parts: Part[][] = Array.from({ length: scenarios }, () => []);
  const progress = progressBar(seeds * scenarios, unit);
  let done = 0;
  try {
    await playBatch(task, workers, targetChunks(scenarios, seeds), playHere, (part, chunk) => {
      parts[chunk.target]?.push(part);
      done += chunk.to - chunk.from;
      progress.update(done);
    });
  } finally {
    progress.stop();
  }
  return parts;
}
