import { playToEnd } from '../play/batch.ts';
import { historicalPolicy, type Policy, randomPolicy } from '../play/policies.ts';
import { startRun } from '../play/run.ts';
import { policyRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { developmentById } from '../core/development.ts';
import { linkedDevelopments } from './check.ts';
import type { Plan } from './plan-policy.ts';

/** The decisions a plan may name at each development that can be reached. */
export interface PlanSpace {
  developments: string[];
  /** By development: its options, then `option+leverage` for each whose leverage was possible on some sampled play. */
  variants: string[][];
  /** The number of plans: the product of the variants' counts. */
  size: number;
}

/** Seeds to score plans on, apart from the runs reported: the winning plan is not judged on the seeds that chose it. */
export function searchSeeds(seed: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${seed}-plan-${i}`);
}

/** Leverage is a plan's choice only where it was ever possible: found on random and historical plays of the seeds. */
export function planSpace(scenario: Scenario, seeds: string[]): PlanSpace {
  const linked = linkedDevelopments(scenario);
  const developments = scenario.order.filter((d) => linked.has(d));
  const leverage = new Set<string>();
  for (const seed of seeds) {
    for (const policy of [randomPolicy, historicalPolicy]) {
      const noting: Policy = {
        name: policy.name,
        choose(run, council, random) {
          for (const c of council.choices()) if (c.leverage) leverage.add(`${run.world.development}/${c.option}`);
          return policy.choose(run, council, random);
        },
      };
      playToEnd(startRun(scenario, seed, { recordCauses: false }), noting, policyRandom(seed));
    }
  }
  const variants = developments.map((d) => {
    const options = developmentById(scenario, d).options.map((o) => o.id);
    return [...options, ...options.filter((o) => leverage.has(`${d}/${o}`)).map((o) => `${o}+leverage`)];
  });
  return { developments, variants, size: variants.reduce((n, v) => n * v.length, 1) };
}

/** The options marked historical; where none is, the first, as the historical policy falls back to the first choice. */
export function historicalPlan(scenario: Scenario, space: PlanSpace): number[] {
  return space.developments.map((d) =>
    Math.max(
      0,
      developmentById(scenario, d).options.findIndex((o) => o.historical),
    ),
  );
}

export function planOf(space: PlanSpace, indices: ArrayLike<number>): Plan {
  const plan: Record<string, string> = {};
  space.developments.forEach((d, i) => {
    const variant = space.variants[i]?.[indices[i] ?? -1];
    if (variant === undefined) throw new Error(`plan index ${indices[i]} is outside the choices at ${d}`);
    plan[d] = variant;
  });
  return plan;
}
