import { describe, expect, it } from 'vitest';
import { offPlan, planPolicy } from '../../src/engine/analysis/plan-policy.ts';
import { planSpace, searchPlans, searchSeeds } from '../../src/engine/analysis/plan-search.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { greedyPolicy } from '../../src/engine/play/policies.ts';
import { cohesion } from '../../src/engine/rules/cohesion.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { fixture, mustLoad, read } from '../support/scenarios.ts';

/**
 * balance_probe is built so that every answer is known: investing first and reaping second is the best
 * plan (credibility to exactly 100), grabbing first is best when the rest follows history (and the
 * greedy choice), reaping is best at the second decision, and stalling ends exactly as waiting does.
 * Its six plans rank: invest+reap; then grab with anything (a tie, reap falling back to wait); then
 * invest+wait and invest+stall (a tie): the historical plan is fifth.
 */
const probeText = read('tests/fixtures/balance/balance_probe.yaml').text;
const probe = mustLoad({ file: 'tests/fixtures/balance/balance_probe.yaml', text: probeText });
const seeds = searchSeeds('test', 40);
const meanCohesion = (scenario: Scenario, plan: Record<string, string>) =>
  seeds.reduce((sum, seed) => sum + cohesion(playOut(scenario, seed, planPolicy(plan)).world, scenario.params.cohesion), 0) / seeds.length;

describe('the planning policy', () => {
  it('should follow its plan where the Council lets it', () => {
    const world = playOut(probe, 's', planPolicy({ first: 'invest', second: 'stall' })).world;
    expect(world.decisions.map((d) => d.option)).toEqual(['invest', 'stall']);
    expect(offPlan({ first: 'invest', second: 'stall' }, world)).toBe(0);
  });

  it('should take the greedy choice where its option is off the table, and count it', () => {
    const plan = { first: 'grab', second: 'reap' };
    const world = playOut(probe, 's', planPolicy(plan)).world;
    const greedy = playOut(probe, 's', greedyPolicy).world;
    expect(world.decisions.map((d) => d.option)).toEqual(['grab', greedy.decisions[1].option]);
    expect(world.decisions[1].option).not.toBe('reap');
    expect(offPlan(plan, world)).toBe(1);
  });
});

describe('the plan search', () => {
  const space = planSpace(probe, seeds);

  it('should offer each development its options, and leverage only where it was ever possible', () => {
    expect(space.developments).toEqual(['first', 'second']);
    expect(space.variants).toEqual([
      ['invest', 'grab'],
      ['reap', 'wait', 'stall'],
    ]);
    expect(space.size).toBe(6);
  });

  it('should find the best plan by exhaustive search and rank the historical plan among all', () => {
    const search = searchPlans(probe, seeds, space);
    expect(search.method).toBe('exhaustive');
    expect(search.searched).toBe(6);
    expect(search.best).toEqual({ first: 'invest', second: 'reap' });
    expect(search.historical).toEqual({ first: 'invest', second: 'wait' });
    expect(search.historicalRank).toBe(5);
  });

  it('should score plans exactly as playing each one out on the seeds would', () => {
    const search = searchPlans(probe, seeds, space);
    expect(search.bestScore).toBeCloseTo(meanCohesion(probe, search.best), 9);
    expect(search.historicalScore).toBeCloseTo(meanCohesion(probe, search.historical), 9);
  });

  it('should score the same by coordinate ascent as by playing out, and stop where no single change helps', () => {
    const search = searchPlans(probe, seeds, space, 1);
    expect(search.method).toBe('coordinate ascent');
    // From invest+wait, grabbing helps at once; reaping then falls back to waiting: a local best, short of invest+reap.
    expect(search.best).toEqual({ first: 'grab', second: 'wait' });
    expect(search.bestScore).toBeCloseTo(meanCohesion(probe, search.best), 9);
    expect(search.bestScore).toBeGreaterThan(search.historicalScore);
    expect(search.historicalRank).toBeGreaterThan(1);
  });

  it('should score a scenario with chance, leverage and branches as playing its best plan out does', () => {
    const scenario = fixture();
    const few = searchSeeds('test', 10);
    const search = searchPlans(scenario, few);
    const score = few.reduce((s, seed) => s + cohesion(playOut(scenario, seed, planPolicy(search.best)).world, scenario.params.cohesion), 0) / few.length;
    expect(search.method).toBe('exhaustive');
    expect(search.bestScore).toBeCloseTo(score, 9);
    expect(search.bestScore).toBeGreaterThanOrEqual(search.historicalScore);
  });
});
