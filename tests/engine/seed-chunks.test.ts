import { describe, expect, it } from 'vitest';
import { checkPart, mergeCheck } from '../../src/engine/analysis/check.ts';
import { CompareMerge, comparePart } from '../../src/engine/analysis/compare.ts';
import { fidelityPart, mergeFidelity } from '../../src/engine/analysis/fidelity.ts';
import { seedChunks } from '../../src/engine/analysis/seed-chunks.ts';
import { historicalPolicy, randomPolicy } from '../../src/engine/play/policies.ts';
import { BalanceMerge, balancePart, searchBalancePlan } from '../../src/engine/analysis/balance.ts';
import { outcomeValues, planSensitivity, SensitivityTotals, scenarioAtSetting } from '../../src/engine/analysis/sensitivity.ts';
import { FIXTURE, mustLoad, RULES } from '../support/scenarios.ts';

/**
 * A report must not depend on how its seeds were cut: the parts of small chunks, merged in order, give
 * what one chunk of all the seeds gives, to the last bit of every float.
 */
const scenario = mustLoad();
const RUNS = 120;

describe('chunks of seeds', () => {
  it('should cover every seed once, in order, whatever the count', () => {
    expect(seedChunks(600)).toEqual([
      { from: 0, to: 250 },
      { from: 250, to: 500 },
      { from: 500, to: 600 },
    ]);
    expect(seedChunks(250)).toEqual([{ from: 0, to: 250 }]);
    expect(seedChunks(1)).toEqual([{ from: 0, to: 1 }]);
  });

  for (const size of [1, 7, 50]) {
    it(`should give the same fidelity, check and comparison from chunks of ${size} as from one`, () => {
      const whole = { from: 0, to: RUNS };
      const chunks = seedChunks(RUNS, size);
      expect(
        mergeFidelity(
          scenario,
          chunks.map((c) => fidelityPart(scenario, c, 's')),
        ),
      ).toEqual(mergeFidelity(scenario, [fidelityPart(scenario, whole, 's')]));
      expect(
        mergeCheck(
          scenario,
          chunks.map((c) => checkPart(scenario, c, 's')),
          's',
        ),
      ).toEqual(mergeCheck(scenario, [checkPart(scenario, whole, 's')], 's'));
      const policies = [historicalPolicy, randomPolicy];
      const compared = (ranges: typeof chunks) => {
        const merge = new CompareMerge(scenario, ['historical', 'random'], 's');
        for (const range of ranges) merge.add(comparePart(scenario, policies, range, 's'));
        return JSON.stringify(merge.report());
      };
      expect(compared(chunks)).toBe(compared([whole]));
    });
  }

  it('should give the same balance and sensitivity from chunks of 7 as from one', () => {
    const chunks = seedChunks(RUNS, 7);
    const whole = [{ from: 0, to: RUNS }];
    const options = { runs: RUNS, seed: 's', planSeeds: 5 };
    const plan = searchBalancePlan(scenario, options);
    const balanced = (ranges: typeof chunks) => {
      const merge = new BalanceMerge(scenario, options, plan);
      merge.add(balancePart(scenario, plan.best, { sweep: true, from: 0, to: RUNS }, 's'));
      for (const range of ranges) merge.add(balancePart(scenario, plan.best, { sweep: false, ...range }, 's'));
      return JSON.stringify(merge.report());
    };
    expect(balanced(chunks)).toBe(balanced(whole));

    const sensitivity = planSensitivity({ scenario: FIXTURE, rules: RULES }, 'AM.loyalty');
    const measured = (ranges: typeof chunks) => {
      const totals = new SensitivityTotals(sensitivity);
      for (const setting of [0, 1, 2]) {
        const moved = scenarioAtSetting(sensitivity, setting);
        for (const range of ranges) totals.add(setting, moved && outcomeValues(moved, historicalPolicy, sensitivity.query, range, 's'));
      }
      return JSON.stringify(totals.report('historical', 'AM.loyalty', RUNS));
    };
    expect(measured(chunks)).toBe(measured(whole));
  });
});
