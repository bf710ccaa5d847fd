/** What the main thread asks of a batch thread, and what comes back: the chunk's part, or why it failed. */
export interface ChunkRequest<Chunk> {
  index: number;
  chunk: Chunk;
}

export type ChunkReply<Part> = { index: number; part: Part } | { index: number; error: string };
