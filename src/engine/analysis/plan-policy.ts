import type { Choice } from '../play/choices.ts';
import { greedyPolicy, type Policy } from '../play/policies.ts';
import { formatDecision, type Run } from '../play/run.ts';
import type { Random } from '../core/random.ts';
import type { World } from '../core/world.ts';

/** A fixed plan: the decision (`option` or `option+leverage`) to take at each development. */
export type Plan = Readonly<Record<string, string>>;

/**
 * The planned decision where it can be taken; otherwise (vetoed, off the table, leverage not possible
 * on this seed) the greedy choice. A fixed plan has no answer for a Council that says no, and the
 * greedy choice is the least arbitrary stand-in.
 */
export function plannedChoice(run: Run, choices: Choice[], wanted: string | undefined, random: Random): Choice {
  const exact = wanted === undefined ? undefined : choices.find((c) => formatDecision(c) === wanted);
  return exact ?? greedyPolicy.choose(run, choices, random);
}

/** Follows a plan to the letter where the Council lets it (see plannedChoice). */
export function planPolicy(plan: Plan, name = 'planning'): Policy {
  return {
    name,
    plan,
    choose(run, choices, random) {
      const development = run.world.development!;
      return plannedChoice(run, choices, Object.hasOwn(plan, development) ? plan[development] : undefined, random);
    },
  };
}

/** How many of a run's decisions the plan could not dictate (the fallback took them instead). */
export function offPlan(plan: Plan, world: World): number {
  let n = 0;
  for (const d of world.decisions) if (Object.hasOwn(plan, d.development) && plan[d.development] !== formatDecision(d)) n++;
  return n;
}
