import { playOut } from '../play/batch.ts';
import { greedyPolicy, historicalPolicy, randomPolicy, type Policy } from '../play/policies.ts';
import type { Scenario } from '../core/scenario.ts';
import { sweepHistoricalPath, type DecisionBalance, type HistoricalSweep, type RussiaStance } from './historical-sweep.ts';
import { offPlan, planPolicy } from './plan-policy.ts';
import { searchPlans, type PlanSearch } from './plan-search.ts';
import { searchSeeds } from './plan-space.ts';
import { PolicyTally, type PolicyBalance } from './policy-tally.ts';

/**
 * Does the game play itself? A scenario's balance, the way a randomtest serves an author: how each
 * policy ends, how far the best fixed plan gets and where history ranks among plans, which decisions
 * have an option that is almost always best, which options change nothing, how much the dice matter
 * on the historical path, what ends pinned at the edge of the scale, who ends most loyal, and what
 * Russia objects to. It measures the model as it is and changes nothing.
 */
export interface BalanceOptions {
  runs: number;
  seed: string;
  /** Seeds each plan is scored on in the search (separate from the runs reported). */
  planSeeds?: number;
  /** Called with the work done so far, out of balanceWork(runs). */
  onProgress?: (done: number) => void;
}

export interface BalanceReport {
  scenario: string;
  title: string;
  runs: number;
  seed: string;
  /** Historical, random, greedy and planning (the best plan found), on the same seeds. */
  policies: PolicyBalance[];
  plan: PlanSearch;
  decisions: DecisionBalance[];
  /** Decisions with more than one choice on the historical path, and how many have an option best on nearly every seed. */
  dominance: { decisions: number; withDominant: number; share: number };
  /** Choices whose final world was another choice's at the same decision on every seed. */
  inert: { development: string; decision: string; as: string; visits: number }[];
  historical: {
    cohesion: { p10: number; p50: number; p90: number; mean: number };
    /** The ending the historical path gives most often, and on what share of seeds. */
    modalEnding: { id: string; share: number };
  };
  /** Options on the table along the historical path that Russia objected to or vetoed on any seed, of all it saw. */
  russia: { options: number; objects: number; vetoes: number; stances: RussiaStance[] };
}

export const PLAN_SEEDS = 100;

/** The units of work balance() reports progress in: one per run of each policy and per seed of the sweep, and the search as one batch of runs. */
export function balanceWork(runs: number): number {
  return runs * 6;
}

export function balance(scenario: Scenario, options: BalanceOptions): BalanceReport {
  const { runs, seed } = options;
  let done = 0;
  const step = (n = 1) => {
    done += n;
    options.onProgress?.(done);
  };
  const seeds = Array.from({ length: runs }, (_, i) => `${seed}-${i}`);

  const planSeeds = searchSeeds(seed, options.planSeeds ?? PLAN_SEEDS);
  const plan = searchPlans(scenario, planSeeds, undefined, { onProgress: (share) => options.onProgress?.(Math.floor(share * runs)) });
  step(runs);

  const policies = playPolicies(scenario, seeds, plan, step);
  const sweep = sweepHistoricalPath(scenario, seeds, () => step());
  return { scenario: scenario.id, title: scenario.title, runs, seed, policies, plan, ...sweepFindings(sweep, runs) };
}

/** Historical, random, greedy and the best plan found, each on every seed; for the plan, also how often it was not followed. */
function playPolicies(scenario: Scenario, seeds: string[], plan: PlanSearch, step: () => void): PolicyBalance[] {
  const planning = planPolicy(plan.best);
  const policies: Policy[] = [historicalPolicy, randomPolicy, greedyPolicy, planning];
  return policies.map((p) => {
    const tally = new PolicyTally(scenario, p.name);
    for (const s of seeds) {
      const world = playOut(scenario, s, p).world;
      tally.add(world, p === planning ? offPlan(plan.best, world) : undefined);
      step();
    }
    return tally.report(p === planning);
  });
}

function sweepFindings(sweep: HistoricalSweep, runs: number): Pick<BalanceReport, 'decisions' | 'dominance' | 'inert' | 'historical' | 'russia'> {
  return {
    decisions: sweep.decisions,
    dominance: dominanceOf(sweep.decisions),
    inert: sweep.decisions.flatMap((d) => d.same.map((s) => ({ development: d.development, ...s }))),
    historical: { cohesion: sweep.cohesion, modalEnding: modalEnding(sweep.endings, runs) },
    russia: russiaFindings(sweep.russia),
  };
}

function dominanceOf(decisions: DecisionBalance[]): BalanceReport['dominance'] {
  const compared = decisions.filter((d) => d.visits > 0);
  const withDominant = compared.filter((d) => d.dominant.length > 0).length;
  return { decisions: compared.length, withDominant, share: compared.length ? withDominant / compared.length : 0 };
}

function modalEnding(endings: Record<string, number>, runs: number): BalanceReport['historical']['modalEnding'] {
  const [modal, modalCount] = Object.entries(endings).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return { id: modal, share: runs ? modalCount / runs : 0 };
}

function russiaFindings(russia: RussiaStance[]): BalanceReport['russia'] {
  return {
    options: russia.length,
    objects: russia.filter((r) => r.objects > 0).length,
    vetoes: russia.filter((r) => r.vetoes > 0).length,
    stances: russia.filter((r) => r.objects > 0 || r.vetoes > 0),
  };
}
