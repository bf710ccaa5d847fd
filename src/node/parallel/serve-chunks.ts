import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkReply, ChunkRequest } from './chunk-messages.ts';

/**
 * A batch thread's side: it rebuilds its work once from the task it was started with (a scenario is
 * compiled to closures, which cannot cross threads), then plays each chunk it is sent. A failure is
 * sent back as a sentence, so the command can say what went wrong instead of waiting for ever.
 */
// `never`: only the task knows what its chunks are; this side passes them on unread.
export function serveChunks(prepare: (task: unknown) => (chunk: never) => unknown): void {
  const port = parentPort;
  if (port === null) throw new Error('serveChunks runs only in a worker thread');
  let play: ((chunk: never) => unknown) | null = null;
  let setupError: string | null = null;
  try {
    play = prepare(workerData);
  } catch (error) {
    setupError = (error as Error).message;
  }
  port.on('message', ({ index, chunk }: ChunkRequest<never>) => {
    let reply: ChunkReply<unknown>;
    try {
      if (play === null) throw new Error(setupError ?? 'the thread could not prepare its work');
      reply = { index, part: play(chunk) };
    } catch (error) {
      reply = { index, error: (error as Error).message };
    }
    port.postMessage(reply);
  });
}
