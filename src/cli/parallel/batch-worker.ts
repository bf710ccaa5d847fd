import { isMainThread } from 'node:worker_threads';
import { serveChunks } from '../../node/parallel/serve-chunks.ts';
import { type BatchTask, prepareBatch } from './batch-tasks.ts';

/**
 * The script batch threads run. In the command line's bundle every module shares the bundle's URL, so a
 * thread starts the bundle itself, whose entry comes here when it is not the main thread; run from the
 * sources, a thread starts this file.
 */
export const BATCH_WORKER_SCRIPT = new URL(import.meta.url);

if (!isMainThread) serveChunks((task) => prepareBatch(task as BatchTask));
