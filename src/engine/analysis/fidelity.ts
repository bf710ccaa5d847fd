import { playOut } from '../play/batch.ts';
import { historicalPolicy } from '../play/policies.ts';
import type { Scenario } from '../core/scenario.ts';
import { addCounts } from './counts.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

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

/** The runs of one seed range, as counts: how many met each expectation (in the scenario's order), how many reached each ending. */
export interface FidelityPart {
  runs: number;
  met: number[];
  /** In the order each ending was first reached, which is the order the report lists them in. */
  endings: Record<string, number>;
}

export function fidelityPart(scenario: Scenario, range: SeedRange, seed: string): FidelityPart {
  const met = scenario.expectations.map(() => 0);
  const endings: Record<string, number> = {};
  for (let i = range.from; i < range.to; i++) {
    const run = playOut(scenario, `${seed}-${i}`, historicalPolicy);
    scenario.expectations.forEach((expectation, k) => {
      if (expectation.when(run.world)) met[k] = (met[k] ?? 0) + 1;
    });
    const ending = run.world.ending;
    if (ending !== null) endings[ending] = (endings[ending] ?? 0) + 1;
  }
  return { runs: range.to - range.from, met, endings };
}

/** The parts of consecutive seed ranges, in order, as one report. */
export function mergeFidelity(scenario: Scenario, parts: FidelityPart[]): FidelityReport {
  const runs = parts.reduce((sum, part) => sum + part.runs, 0);
  const met = scenario.expectations.map((_, k) => parts.reduce((sum, part) => sum + (part.met[k] ?? 0), 0));
  const endings: Record<string, number> = {};
  for (const part of parts) addCounts(endings, part.endings);
  return {
    scenario: scenario.id,
    runs,
    expectations: scenario.expectations.map((e, k) => ({ id: e.id, text: e.text, met: met[k] ?? 0, share: (met[k] ?? 0) / runs, source: e.source })),
    endings,
  };
}

export function fidelity(scenario: Scenario, runs = 1000, seed = 'fidelity'): FidelityReport {
  return mergeFidelity(
    scenario,
    seedChunks(runs).map((range) => fidelityPart(scenario, range, seed)),
  );
}
