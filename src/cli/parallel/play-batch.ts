import { playChunks } from '../../node/parallel/chunk-pool.ts';
import type { BatchTask } from './batch-tasks.ts';
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
