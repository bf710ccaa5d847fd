import { describe, expect, it } from 'vitest';
import { seedChunks } from '../../src/engine/analysis/seed-chunks.ts';
import { playChunks } from '../../src/node/parallel/chunk-pool.ts';

const failing = new URL('../fixtures/threads/failing-worker.mjs', import.meta.url);

describe('playing chunks over threads', () => {
  it('should hand the parts over in chunk order when played here', async () => {
    const seen: number[] = [];
    await playChunks({ workers: 1, chunks: seedChunks(1000, 300), playHere: (c) => c.from, script: failing, task: null, onPart: (p) => seen.push(p) });
    expect(seen).toEqual([0, 300, 600, 900]);
  });

  for (const [task, message] of [
    ['reply', /chunk [2-4] of 4: no such option/],
    ['throw', /thrown in the thread/],
    ['exit', /stopped \(exit code 3\)/],
  ] as const) {
    it(`should fail, not hang, when a thread fails (${task})`, async () => {
      const job = playChunks({ workers: 2, chunks: seedChunks(1000, 300), playHere: () => 0, script: failing, task, onPart: () => {} });
      await expect(job).rejects.toThrow(message);
    });
  }
});
