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
  const met = scenario.expectations.map(() => 0);
  const endings: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const run = playOut(scenario, `${seed}-${i}`, historicalPolicy);
    scenario.expectations.forEach((e, j) => {
      if (e.when(run.world)) met[j]++;
    });
    endings[run.world.ending!] = (endings[run.world.ending!] ?? 0) + 1;
  }
  return {
    scenario: scenario.id,
    runs,
    expectations: scenario.expectations.map((e, j) => ({ id: e.id, text: e.text, met: met[j], share: met[j] / runs, source: e.source })),
    endings,
  };
}
