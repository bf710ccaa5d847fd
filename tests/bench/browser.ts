import type { Figure } from './figure.ts';

/** Browser figures (bundle size, time to the first screen): filled in with the browser game. */
export async function browserBench(): Promise<Figure[]> {
  return [];
}
