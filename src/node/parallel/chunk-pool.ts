import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkReply, ChunkRequest } from './chunk-messages.ts';

/** One thread per core unless told otherwise. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/** A chunk is any plain data naming a share of the work, most often a range of seeds. */
export interface ChunkJob<Chunk, Part> {
  /** 1 plays the chunks here, in order, with no thread; more spreads them over that many threads. */
  workers: number;
  chunks: Chunk[];
  /** Plays one chunk in this thread. */
  playHere: (chunk: Chunk) => Part;
  /** The script each thread runs (it calls `serveChunks`), and what it needs to rebuild the work: plain data, never functions. */
  script: URL;
  task: unknown;
  /** Each chunk's part, in chunk order, whatever order the threads finish in. */
  onPart: (part: Part, chunk: Chunk) => void;
}

/**
 * Plays every chunk and hands the parts over in chunk order, so that what is made of them cannot depend
 * on how many threads there were or which finished first. A thread that fails fails the whole job, and
 * every thread is stopped before the promise settles.
 */
export async function playChunks<Chunk, Part>(job: ChunkJob<Chunk, Part>): Promise<void> {
  if (job.workers <= 1 || job.chunks.length <= 1) {
    for (const chunk of job.chunks) job.onPart(job.playHere(chunk), chunk);
    return;
  }
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, rejectJob) => {
      // Once the job has failed, parts still in flight are dropped rather than handed over.
      let failed = false;
      const reject = (error: unknown) => {
        failed = true;
        rejectJob(error);
      };
      const waiting = new Map<number, Part>();
      let nextToHand = 0;
      let nextToSend = 0;
      const sendNext = (thread: Worker) => {
        if (nextToSend >= job.chunks.length) return;
        const request: ChunkRequest<Chunk> = { index: nextToSend, chunk: job.chunks[nextToSend] as Chunk };
        nextToSend++;
        thread.postMessage(request);
      };
      for (let t = 0; t < Math.min(job.workers, job.chunks.length); t++) {
        const thread = startThread(job.script, job.task);
        threads.push(thread);
        thread.on('message', (reply: ChunkReply<Part>) => {
          if (failed) return;
          if ('error' in reply) return reject(new Error(`a batch thread failed on chunk ${reply.index + 1} of ${job.chunks.length}: ${reply.error}`));
          waiting.set(reply.index, reply.part);
          sendNext(thread);
          try {
            while (waiting.has(nextToHand)) {
              const part = waiting.get(nextToHand) as Part;
              waiting.delete(nextToHand);
              job.onPart(part, job.chunks[nextToHand] as Chunk);
              nextToHand++;
            }
          } catch (error) {
            return reject(error);
          }
          if (nextToHand === job.chunks.length) resolve();
        });
        thread.on('error', (error) => reject(new Error(`a batch thread failed: ${error.message}`)));
        thread.on('exit', (code) => {
          if (nextToHand < job.chunks.length) reject(new Error(`a batch thread stopped (exit code ${code}) before the runs were done`));
        });
        sendNext(thread);
      }
    });
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

function startThread(script: URL, task: unknown): Worker {
  // A small young generation: runs make short-lived garbage, and every thread's heap counts against this one process.
  const options = { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 8 } };
  if (!script.pathname.endsWith('.ts')) return new Worker(script, options);
  // Run from the sources, the script is TypeScript, and a thread does not inherit tsx's loader: it registers it first.
  const start = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(start, { ...options, eval: true });
}
