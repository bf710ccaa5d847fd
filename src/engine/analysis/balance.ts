import { playOut } from '../play/batch.ts';
import { greedyPolicy, historicalPolicy, randomPolicy, type Policy } from '../play/policies.ts';
import type { Scenario } from '../core/scenario.ts';
import { mergeSweep, sweepPart, type DecisionBalance, type HistoricalSweep, type RussiaStance, type SweepPart } from './historical-sweep.ts';
import { offPlan, type Plan, planPolicy } from './plan-policy.ts';
import { searchPlans, type PlanSearch } from './plan-search.ts';
import { searchSeeds } from './plan-space.ts';
import { PolicyTally, policyRunFacts, type PolicyBalance, type PolicyRunFacts } from './policy-tally.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

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
  const plan = searchBalancePlan(scenario, options);
  const merge = new BalanceMerge(scenario, options, plan);
  let done = options.runs;
  const step = () => options.onProgress?.(++done);
  for (const chunk of balanceChunks(options.runs)) merge.add(balancePart(scenario, plan.best, chunk, options.seed, step));
  return merge.report();
}

/** The best fixed plan, searched on seeds of its own; one thread's work, counted as the first `runs` of the progress. */
export function searchBalancePlan(scenario: Scenario, options: BalanceOptions): PlanSearch {
  const planSeeds = searchSeeds(options.seed, options.planSeeds ?? PLAN_SEEDS);
  return searchPlans(scenario, planSeeds, undefined, { onProgress: (share) => options.onProgress?.(Math.floor(share * options.runs)) });
}

/** A share of balance's runs: the historical sweep, or every policy's runs on a range of seeds. */
export interface BalanceChunk extends SeedRange {
  sweep: boolean;
}

/**
 * The sweep first, as one chunk: where history is silent its runs draw from one stream that passes from
 * seed to seed, so its seeds must be played in order, in one place. The policies' runs follow in seed chunks.
 */
export function balanceChunks(runs: number): BalanceChunk[] {
  return [{ sweep: true, from: 0, to: runs }, ...seedChunks(runs).map((range) => ({ sweep: false, ...range }))];
}

/** A chunk's runs: the sweep's, or each policy's (historical, random, greedy, the plan) in seed order. */
export type BalancePart = { sweep: SweepPart } | { policies: PolicyRunFacts[][] };

/** `onRun` is called after each run, and after each seed of the sweep. */
export function balancePart(scenario: Scenario, best: Plan, chunk: BalanceChunk, seed: string, onRun?: () => void): BalancePart {
  const seeds = Array.from({ length: chunk.to - chunk.from }, (_, k) => `${seed}-${chunk.from + k}`);
  if (chunk.sweep) return { sweep: sweepPart(scenario, seeds, onRun) };
  const planning = planPolicy(best);
  const policies = balancePolicies(planning).map((p) =>
    seeds.map((s) => {
      const world = playOut(scenario, s, p).world;
      onRun?.();
      return policyRunFacts(scenario, world, p === planning ? offPlan(best, world) : undefined);
    }),
  );
  return { policies };
}

function balancePolicies(planning: Policy): Policy[] {
  return [historicalPolicy, randomPolicy, greedyPolicy, planning];
}

/** Merges balance parts, in chunk order, into the report. */
export class BalanceMerge {
  private readonly tallies: PolicyTally[];
  private sweep: SweepPart | null = null;

  constructor(
    private readonly scenario: Scenario,
    private readonly options: BalanceOptions,
    private readonly plan: PlanSearch,
  ) {
    this.tallies = balancePolicies(planPolicy(plan.best)).map((p) => new PolicyTally(scenario, p.name));
  }

  add(part: BalancePart): void {
    if ('sweep' in part) {
      this.sweep = part.sweep;
      return;
    }
    part.policies.forEach((runs, k) => {
      for (const facts of runs) this.tallies[k]?.addFacts(facts);
    });
  }

  report(): BalanceReport {
    const { scenario, options, plan } = this;
    const policies = this.tallies.map((tally, k) => tally.report(k === this.tallies.length - 1));
    const sweep = mergeSweep(scenario, this.sweep ? [this.sweep] : []);
    return { scenario: scenario.id, title: scenario.title, runs: options.runs, seed: options.seed, policies, plan, ...sweepFindings(sweep, options.runs) };
  }
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
