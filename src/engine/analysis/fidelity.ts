import { playOut } from '../play/batch.ts';
import { historicalPolicy } from '../play/policies.ts';
import type { Scenario } from '../core/scenario.ts';

/**
 * How often the historical decisions reproduce what the sources report: the share of seeded runs
 * in which each declared expectation holds at the end.
 */
export interface FidelityReport {
  scenario: string;
  runs: number;
  expectations: { id: string; text: string; met: number; share: number; source?: string }[];
  endings: Record<string, number>;
}

export function fidelity(scenario: Scenario, runs = 1000, seed = 'fidelity'): FidelityReport {
  const tallies = scenario.expectations.map((expectation) => ({ expectation, met: 0 }));
  const endings: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const run = playOut(scenario, `${seed}-${i}`, historicalPolicy);
    for (const tally of tallies) if (tally.expectation.when(run.world)) tally.met++;
    const ending = run.world.ending;
    if (ending !== null) endings[ending] = (endings[ending] ?? 0) + 1;
  }
  return {
    scenario: scenario.id,
    runs,
    expectations: tallies.map(({ expectation: e, met }) => ({ id: e.id, text: e.text, met, share: met / runs, source: e.source })),
    endings,
  };
}
