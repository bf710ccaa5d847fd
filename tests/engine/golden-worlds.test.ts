import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { computeGolden, GOLDEN_FILE, type Golden } from '../support/golden-worlds.ts';

/**
 * Every library scenario and fixture, seeds 0-99, historical and random policies: the worlds reached
 * and the causes recorded are exactly those pinned in the golden file. A refactoring must pass this
 * unchanged; a model change rewrites the file with `npm run golden` and says so in its commit.
 */
it('should reach exactly the pinned worlds and causes on every scenario, seed and policy', () => {
  const pinned = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;
  const now = computeGolden();
  expect(Object.keys(now).sort()).toEqual(Object.keys(pinned).sort());
  for (const key of Object.keys(pinned)) {
    expect(now[key].worlds, `${key}: worlds`).toEqual(pinned[key].worlds);
    expect(now[key].causes, `${key}: causes`).toBe(pinned[key].causes);
  }
});
