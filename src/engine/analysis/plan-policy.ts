import type { Choice, Council } from '../play/choices.ts';
import { greedyPolicy, type Policy } from '../play/policies.ts';
import { formatDecision, parseDecision, type Run } from '../play/run.ts';
import type { Random } from '../core/random.ts';
import type { World } from '../core/world.ts';

/** A fixed plan: the decision (`option` or `option+leverage`) to take at each development. */
export type Plan = Readonly<Record<string, string>>;

/**
 * The planned decision where it can be taken. Where it cannot on this seed, the same option the other
 * way (with Moscow's leverage if it only passes so, without if leverage is not possible), as the
 * historical policy does; where the option cannot be taken at all (vetoed, off the table), the greedy
 * choice: a fixed plan has no answer for a Council that says no, and greed is the least arbitrary one.
 */
export function plannedChoice(run: Run, council: Council, wanted: string | undefined, random: Random): Choice {
  if (wanted !== undefined) {
    const { option, leverage } = parseDecision(wanted);
    const exact = council.choiceEitherWay(option, leverage);
    if (exact) return exact;
  }
  return greedyPolicy.choose(run, council, random);
}

/** Follows a plan to the letter where the Council lets it (see plannedChoice). */
export function planPolicy(plan: Plan, name = 'planning'): Policy {
  return {
    name,
    plan,
    choose(run, council, random) {
      const development = council.development.id;
      return plannedChoice(run, council, Object.hasOwn(plan, development) ? plan[development] : undefined, random);
    },
  };
}

/** Where a run left its plan: decisions taken the other way (leverage), and decisions the greedy choice took. */
export interface OffPlan {
  otherWay: number;
  greedy: number;
}

export function offPlan(plan: Plan, world: World): OffPlan {
  const off = { otherWay: 0, greedy: 0 };
  for (const d of world.decisions) {
    const planned = Object.hasOwn(plan, d.development) ? plan[d.development] : undefined;
    if (planned === undefined || planned === formatDecision(d)) continue;
    if (parseDecision(planned).option === d.option) off.otherWay++;
    else off.greedy++;
  }
  return off;
}
