import { cohesion } from '../rules/cohesion.ts';
import { createRandom, type Random } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { choiceAt, type Choice, type Council } from './choices.ts';
import { copyRun, decide, parseDecision, type Run } from './run.ts';

/**
 * Chooses for a run in a batch. Policies see the same Council the player sees: only passable choices
 * (Council.choices), or one option's choice when the policy names it (Council.choice).
 */
export interface Policy {
  name: string;
  choose(run: Run, council: Council, random: Random): Choice;
  /** For policies that name options at developments: the plan, so a comparison can say where it could not be followed. */
  plan?: Readonly<Record<string, string>>;
}

export class PolicyError extends Error {}

/**
 * What the alliance actually did; where that cannot pass here, the same option with leverage. Where
 * history offers no answer (a development history never reached, or its option blocked in this run),
 * history cannot choose: a seeded draw among the choices without leverage, never silently the first
 * listed. offHistory says where that happened, so reports can count it.
 */
export const historicalPolicy: Policy = {
  name: 'historical',
  choose(_run, council, random) {
    const historical = historicalChoice(council, false) ?? historicalChoice(council, true);
    if (historical) return historical;
    const choices = council.choices();
    const plain = choices.filter((c) => !c.leverage);
    const pool = plain.length ? plain : choices;
    return choiceAt(pool, Math.floor(random.next() * pool.length));
  },
};

/** The first historical option that can be taken this way (with leverage or without). */
function historicalChoice(council: Council, leverage: boolean): Choice | undefined {
  for (const option of council.development.options) {
    if (!option.historical) continue;
    const choice = council.choice(option.id, leverage);
    if (choice) return choice;
  }
  return undefined;
}

/** A development where the historical policy has no historical option to follow. */
export function offHistory(scenario: Scenario, development: string): boolean {
  return !(scenario.developments[development]?.options.some((o) => o.historical) ?? false);
}

export const randomPolicy: Policy = {
  name: 'random',
  choose(_run, council, random) {
    const choices = council.choices();
    return choiceAt(choices, Math.floor(random.next() * choices.length));
  },
};

/** A fixed option at named developments (`dev=option` or `dev=option+leverage`), the historical one elsewhere. */
export function fixedPolicy(plan: Record<string, string>, name = 'fixed'): Policy {
  return {
    name,
    plan,
    choose(run, council, random) {
      // Own entries only: a development named `constructor` must not find one on Object.prototype.
      const development = run.world.development;
      const wanted = development !== null && Object.hasOwn(plan, development) ? plan[development] : undefined;
      if (wanted) {
        const { option, leverage } = parseDecision(wanted);
        const exact = council.choiceEitherWay(option, leverage);
        if (exact) return exact;
      }
      return historicalPolicy.choose(run, council, random);
    },
  };
}

/** How many futures greedy looks at for each choice: enough that a lucky draw does not decide. */
export const GREEDY_LOOKS = 4;

/**
 * The option with the best expected cohesion right after it (its aftermath and reactions included),
 * looked at on copies of the run. Each look draws from a stream of its own, the same for every choice
 * (so choices are compared on the same luck), never from the run's: a player cannot see the dice the
 * run will roll, and a greedy policy that could would win by clairvoyance, not by its rule.
 */
export const greedyPolicy: Policy = {
  name: 'greedy',
  choose(run, council) {
    const choices = council.choices();
    let best = choiceAt(choices, 0);
    let bestScore = -Infinity;
    for (const choice of choices) {
      let score = 0;
      for (let look = 0; look < GREEDY_LOOKS; look++) {
        const trial = copyRun(run);
        trial.world.changes = null;
        trial.random = createRandom(`${run.seed}:look:${run.world.turn}:${look}`);
        decide(trial, choice);
        score += cohesion(trial.world, run.scenario.params.cohesion);
      }
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = choice;
      }
    }
    return best;
  },
};

/** Reads a policy name: historical, random, greedy, or fixed:dev=option,dev=option. */
export function policyByName(text: string): Policy {
  if (text === 'historical') return historicalPolicy;
  if (text === 'random') return randomPolicy;
  if (text === 'greedy') return greedyPolicy;
  if (text.startsWith('fixed:')) {
    // No prototype: `__proto__=x` becomes an entry like any other, to be refused as unknown, not a prototype set.
    const plan: Record<string, string> = Object.create(null);
    for (const part of text.slice('fixed:'.length).split(',')) {
      const [development, option] = part.split('=');
      if (!development || !option) throw new PolicyError(`'${part}' in '${text}': write fixed:development=option`);
      plan[development.trim()] = option.trim();
    }
    return fixedPolicy(plan, text);
  }
  throw new PolicyError(`unknown policy '${text}' (historical, random, greedy, or fixed:development=option,...)`);
}

/** A development or option that a plan names and the scenario lacks, in a sentence naming those it has. */
export interface PlanProblem {
  development: string;
  /** Set when the development is known and the option is not. */
  option?: string;
  message: string;
}

/** Checks each `[development, option]` of a plan against the scenario; names such as `constructor` are plain names here. */
export function planProblems(plan: Iterable<readonly [string, string]>, scenario: Scenario): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const [development, choice] of plan) {
    const d = Object.hasOwn(scenario.developments, development) ? scenario.developments[development] : undefined;
    if (d === undefined) {
      problems.push({ development, message: `no development '${development}' in ${scenario.id} (known: ${scenario.order.join(', ')})` });
      continue;
    }
    const { option } = parseDecision(choice);
    if (!d.options.some((o) => o.id === option))
      problems.push({ development, option, message: `no option '${option}' at ${development} (options: ${d.options.map((o) => o.id).join(', ')})` });
  }
  return problems;
}

/** A policy by name for this scenario; a fixed plan naming a development or option it lacks is refused with a PolicyError. */
export function policyFor(text: string, scenario: Scenario): Policy {
  const policy = policyByName(text);
  const problem = planProblems(Object.entries(policy.plan ?? {}), scenario)[0];
  if (problem) throw new PolicyError(`${text}: ${problem.message}`);
  return policy;
}
