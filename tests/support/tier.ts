/**
 * How big the tests whose strength grows with their size are. `npm test`, run on every commit, takes
 * a sample big enough to catch what such a test is for; `npm run test:full` (TEST_TIER=full, run by CI
 * after it) takes the full size.
 */
export const FULL_TIER = process.env.TEST_TIER === 'full';

export function sized(perCommit: number, full: number): number {
  return FULL_TIER ? full : perCommit;
}
