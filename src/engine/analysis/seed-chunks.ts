/**
 * Batch analyses split their seeds into chunks whose boundaries depend on the seed count alone, so a
 * report is the same whether the chunks are played in one thread or spread over several: each chunk
 * gives a part, and the parts are merged in chunk order, never in the order they happen to finish.
 */
export interface SeedRange {
  /** The first run index (run i plays `<seed>-i`). */
  from: number;
  /** One past the last. */
  to: number;
}

/** Small enough to share work evenly and report progress often, large enough that a message costs nothing beside it. */
export const SEEDS_PER_CHUNK = 250;

export function seedChunks(runs: number, size = SEEDS_PER_CHUNK): SeedRange[] {
  const chunks: SeedRange[] = [];
  for (let from = 0; from < runs; from += size) chunks.push({ from, to: Math.min(runs, from + size) });
  return chunks;
}
