import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy, randomPolicy, type Policy } from '../../src/engine/play/policies.ts';
import { worldHash } from '../../src/engine/play/record.ts';
import { hashText } from '../../src/engine/core/hash.ts';
import { allScenarios } from './scenarios.ts';

/**
 * The worlds every scenario and fixture reaches on seeds 0-99 under the historical and the random
 * policies, as hashes: a change that is meant to keep behaviour must leave every one of them as it was.
 * Beside each world, one digest of every recorded cause and trajectory point, so that the words and
 * the charts a player sees are held too, not only the numbers.
 */
export const GOLDEN_FILE = 'tests/golden/world-hashes.json';
export const GOLDEN_SEEDS = 100;

export interface GoldenEntry {
  /** worldHash of the run's end on seeds "0", "1", ... "99", in order. */
  worlds: string[];
  /** One hash over every seed's changes (with causes) and trajectory. */
  causes: string;
}

export type Golden = Record<string, GoldenEntry>;

const POLICIES: Policy[] = [historicalPolicy, randomPolicy];

export function computeGolden(): Golden {
  const golden: Golden = {};
  for (const scenario of allScenarios()) {
    for (const policy of POLICIES) {
      const worlds: string[] = [];
      let causes = '';
      for (let i = 0; i < GOLDEN_SEEDS; i++) {
        const seed = String(i);
        const fast = playOut(scenario, seed, policy, { recordCauses: false });
        const explained = playOut(scenario, seed, policy, { recordCauses: true });
        const hash = worldHash(fast.world);
        // The batch path and the explained path must agree before either is worth pinning.
        if (worldHash(explained.world) !== hash) throw new Error(`${scenario.id} ${policy.name} seed ${seed}: the explained run differs from the batch run`);
        worlds.push(hash);
        causes = hashText(causes + JSON.stringify([explained.world.changes, explained.world.trajectory]));
      }
      golden[`${scenario.id} ${policy.name}`] = { worlds, causes };
    }
  }
  return golden;
}
