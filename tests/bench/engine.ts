import type { Figure } from './figure.ts';

/** Engine figures: filled in with the engine benchmarks. */
export async function engineBench(): Promise<Figure[]> {
  return [];
}
