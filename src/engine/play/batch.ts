import { cohesion } from '../rules/cohesion.ts';
import { policyRandom, type Random, type RandomState } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { Council } from './choices.ts';
import type { Policy } from './policies.ts';
import { worldHash } from './record.ts';
import { decide, formatDecision, isOver, startRun, type Run, type RunOptions } from './run.ts';

/**
 * Plays a run to its end with a policy, through the same pure steps as the xstate machine but
 * without an actor: this is the fast path for checks, fidelity and comparisons.
 */
export function playOut(scenario: Scenario, seed: string, policy: Policy, options: RunOptions = { recordCauses: false }): Run {
  return playToEnd(startRun(scenario, seed, options), policy, new LazyPolicyRandom(seed));
}

/** Plays a run on from where it is to its end, the policy choosing every decision from its stream. */
export function playToEnd(run: Run, policy: Policy, random: Random): Run {
  // Reasons and factors are for people; a run that keeps no causes needs the stances alone (the same scores).
  const detail = run.world.changes !== null;
  while (!isOver(run)) {
    // The loader guarantees a way out at every development, so there is always a choice.
    const choice = policy.choose(run, new Council(run, undefined, detail), random);
    // The choice's view was computed on this very world a moment ago: resolution need not compute it again.
    decide(run, choice, choice.view);
  }
  return run;
}

/** The policy's stream, seeded only when first drawn from: most policies never draw, and seeding costs. */
class LazyPolicyRandom implements Random {
  private random: Random | null = null;
  constructor(private readonly seed: string) {}
  next(): number {
    return this.stream().next();
  }
  state(): RandomState {
    return this.stream().state();
  }

  private stream(): Random {
    if (this.random === null) this.random = policyRandom(this.seed);
    return this.random;
  }
}

export interface RunSummary {
  scenario: string;
  seed: string;
  decisions: string[];
  ending: string;
  world: {
    cohesion: number;
    credibility: number;
    moscowBandwidth: number;
    members: Record<string, { loyalty: number; publicSupport: number; hedging: number; status: string }>;
  };
  reactions: { member: string; reaction: string; development: string }[];
  hash: string;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function summarize(run: Run): RunSummary {
  const { world, scenario } = run;
  const members: RunSummary['world']['members'] = {};
  for (const code of scenario.members) {
    const m = world.members[code];
    if (m === undefined) continue;
    members[code] = { loyalty: round(m.loyalty), publicSupport: round(m.publicSupport), hedging: round(m.hedging), status: m.status };
  }
  return {
    scenario: scenario.id,
    seed: run.seed,
    decisions: world.decisions.map(formatDecision),
    ending: world.ending ?? '',
    world: {
      cohesion: round(cohesion(world, scenario.params.cohesion)),
      credibility: round(world.credibility),
      moscowBandwidth: round(world.moscowBandwidth),
      members,
    },
    reactions: world.reactions.map((r) => ({ member: r.member, reaction: r.reaction, development: r.development })),
    hash: worldHash(world),
  };
}
