import { cohesion } from '../model/cohesion.ts';
import { policyRandom } from '../random.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { choicesOf } from './choices.ts';
import type { Policy } from './policies.ts';
import { worldHash } from './record.ts';
import { decide, startRun, type Run, type RunOptions } from './run.ts';

/**
 * Plays a run to its end with a policy, through the same pure steps as the xstate machine but
 * without an actor: this is the fast path for checks, fidelity and comparisons.
 */
export function playOut(scenario: Scenario, seed: string, policy: Policy, options: RunOptions = { recordCauses: false }): Run {
  const run = startRun(scenario, seed, options);
  const random = policyRandom(seed);
  while (run.world.development !== null) {
    const choices = choicesOf(run);
    // The loader guarantees a way out at every development, so there is always a choice.
    const choice = policy.choose(run, choices, random);
    decide(run, choice);
  }
  return run;
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
    members[code] = { loyalty: round(m.loyalty), publicSupport: round(m.publicSupport), hedging: round(m.hedging), status: m.status };
  }
  return {
    scenario: scenario.id,
    seed: run.seed,
    decisions: world.decisions.map((d) => (d.leverage ? `${d.option}+leverage` : d.option)),
    ending: world.ending ?? '',
    world: { cohesion: round(cohesion(world, scenario.params.cohesion)), credibility: round(world.credibility), moscowBandwidth: round(world.moscowBandwidth), members },
    reactions: world.reactions.map((r) => ({ member: r.member, reaction: r.reaction, development: r.development })),
    hash: worldHash(world),
  };
}
