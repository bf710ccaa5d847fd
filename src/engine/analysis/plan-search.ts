import { playOut } from '../play/batch.ts';
import { choicesOf, type Choice } from '../play/choices.ts';
import { copyRun, decide, formatDecision, startRun, type Run } from '../play/run.ts';
import { cohesion } from '../rules/cohesion.ts';
import { councilView } from '../rules/council.ts';
import { createRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { offPlan, plannedChoice, planPolicy, type Plan } from './plan-policy.ts';
import { historicalPlan, planOf, planSpace, type PlanSpace } from './plan-space.ts';

/**
 * The best fixed plan by mean final cohesion over a sample of seeds: every plan where there are few
 * enough, otherwise coordinate ascent (one development at a time, each of its decisions tried with the
 * rest held, until no single change helps) from the historical plan and from the best of a sample.
 */
export const EXHAUSTIVE_LIMIT = 5000;
const MAX_PASSES = 6;
const RANDOM_PLANS = 100;
const EPSILON = 1e-9;

export interface PlanSearch {
  method: 'exhaustive' | 'coordinate ascent';
  space: number;
  /** Plans scored. */
  searched: number;
  seeds: number;
  best: Plan;
  bestScore: number;
  historical: Plan;
  historicalScore: number;
  /** 1 = no plan searched scores better than the historical one. */
  historicalRank: number;
  /** Where not every plan is scored: how many of a sample of plans drawn at random score better than the historical one. */
  randomPlans?: { plans: number; better: number };
}

/** `onProgress` hears the share of the search done (for a climb, an estimate: how far it goes is not known ahead). */
export interface SearchOptions {
  limit?: number;
  onProgress?: (share: number) => void;
}

export function searchPlans(scenario: Scenario, seeds: string[], space = planSpace(scenario, seeds), options: SearchOptions = {}): PlanSearch {
  const progress = options.onProgress ?? (() => {});
  return space.size <= (options.limit ?? EXHAUSTIVE_LIMIT) ? exhaustive(scenario, seeds, space, progress) : ascend(scenario, seeds, space, progress);
}

function rankOf(scores: Iterable<number>, score: number): number {
  let better = 0;
  for (const s of scores) if (s > score + EPSILON) better++;
  return better + 1;
}

/**
 * Every plan on every seed, without playing each plan from the start: the runs of a seed form a tree
 * that branches only where a plan first meets a development it has not yet decided, so plans that
 * share their decisions so far share the play. Each leaf stands for every plan that agrees with the
 * decisions it took, whatever they say about developments that run never reached.
 */
function exhaustive(scenario: Scenario, seeds: string[], space: PlanSpace, progress: (share: number) => void): PlanSearch {
  const { variants } = space;
  const n = variants.length;
  const index = new Map(space.developments.map((d, i) => [d, i]));
  const stride: number[] = [];
  for (let i = 0, s = 1; i < n; i++) {
    stride.push(s);
    s *= variants[i].length;
  }
  const sums = new Float64Array(space.size);
  /** Decisions not taken as the plan says (see offPlan), over all seeds: among plans that tie, the fewest wins. */
  const offs = new Uint32Array(space.size);
  const assigned = new Int32Array(n).fill(-1);
  const random = createRandom('');

  const credit = (value: number, off: number) => {
    const spread = (i: number, at: number) => {
      if (i === n) {
        sums[at] += value;
        offs[at] += off;
        return;
      }
      if (assigned[i] >= 0) spread(i + 1, at + assigned[i] * stride[i]);
      else for (let v = 0; v < variants[i].length; v++) spread(i + 1, at + v * stride[i]);
    };
    spread(0, 0);
  };

  const take = (run: Run, choices: Choice[], wanted: string) => {
    const choice = plannedChoice(run, choices, wanted, random);
    decide(run, choice, choice.view);
    return formatDecision(choice) === wanted ? 0 : 1;
  };

  const walk = (run: Run, off: number) => {
    while (run.world.development !== null) {
      const development = run.world.development;
      const i = index.get(development)!;
      const choices = choicesOf(run, councilView(scenario, run.world, scenario.developments[development], false));
      if (assigned[i] < 0) {
        const last = variants[i].length - 1;
        for (let v = 0; v <= last; v++) {
          const branch = v === last ? run : copyRun(run);
          assigned[i] = v;
          walk(branch, off + take(branch, choices, variants[i][v]));
        }
        assigned[i] = -1;
        return;
      }
      off += take(run, choices, variants[i][assigned[i]]);
    }
    credit(cohesion(run.world, scenario.params.cohesion), off);
  };

  seeds.forEach((seed, k) => {
    walk(startRun(scenario, seed, { recordCauses: false }), 0);
    progress((k + 1) / seeds.length);
  });

  const indicesOf = (p: number) => stride.map((s, i) => Math.floor(p / s) % variants[i].length);
  let best = 0;
  for (let p = 1; p < sums.length; p++) {
    if (sums[p] > sums[best] + EPSILON || (sums[p] >= sums[best] - EPSILON && offs[p] < offs[best])) best = p;
  }
  const hist = historicalPlan(scenario, space).reduce((at, v, i) => at + v * stride[i], 0);
  return {
    method: 'exhaustive',
    space: space.size,
    searched: space.size,
    seeds: seeds.length,
    best: planOf(space, indicesOf(best)),
    bestScore: sums[best] / seeds.length,
    historical: planOf(space, indicesOf(hist)),
    historicalScore: sums[hist] / seeds.length,
    historicalRank: rankOf(sums, sums[hist]),
  };
}

interface Scored {
  score: number;
  /** Decisions not taken as the plan says, over all seeds (see offPlan). */
  off: number;
  /** Developments some seed reached under the plan: changing the plan elsewhere changes nothing. */
  reached: Set<string>;
}

/**
 * Coordinate ascent from the historical plan. A sample of plans drawn at random says where the
 * historical plan stands among plans at large (the plans the ascent visits are its neighbours and
 * better ones), and where one of them beats the ascent's result, the ascent starts again from it.
 */
function ascend(scenario: Scenario, seeds: string[], space: PlanSpace, progress: (share: number) => void): PlanSearch {
  const scored = new Map<string, Scored>();
  // A sample and two passes of a climb, as a guess at the whole.
  const expected = RANDOM_PLANS + 2 * space.variants.reduce((n, v) => n + v.length, 0);
  const score = (indices: number[]): Scored => {
    const key = indices.join(',');
    let found = scored.get(key);
    if (!found) {
      const policy = planPolicy(planOf(space, indices));
      let sum = 0;
      let off = 0;
      const reached = new Set<string>();
      for (const seed of seeds) {
        const world = playOut(scenario, seed, policy).world;
        sum += cohesion(world, scenario.params.cohesion);
        const o = offPlan(policy.plan!, world);
        off += o.otherWay + o.greedy;
        for (const d of world.decisions) reached.add(d.development);
      }
      found = { score: sum / seeds.length, off, reached };
      scored.set(key, found);
      progress(Math.min(0.99, scored.size / expected));
    }
    return found;
  };
  const better = (a: Scored, b: Scored) => a.score > b.score + EPSILON || (a.score >= b.score - EPSILON && a.off < b.off);

  const climb = (start: number[]) => {
    const current = start.slice();
    let now = score(current);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let improved = false;
      space.developments.forEach((d, i) => {
        if (!now.reached.has(d)) return;
        const kept = current[i];
        let bestV = kept;
        let best = now;
        for (let v = 0; v < space.variants[i].length; v++) {
          if (v === kept) continue;
          current[i] = v;
          const s = score(current);
          if (better(s, best)) {
            best = s;
            bestV = v;
          }
        }
        current[i] = bestV;
        if (bestV !== kept) {
          now = best;
          improved = true;
        }
      });
      if (!improved) break;
    }
    return { indices: current, scored: now };
  };

  const historical = historicalPlan(scenario, space);
  const historicalScore = score(historical).score;
  const draw = createRandom(`${seeds[0] ?? ''}:random-plans`);
  const sample = Array.from({ length: RANDOM_PLANS }, () => space.variants.map((v) => Math.floor(draw.next() * v.length)));
  const sampleScores = sample.map((p) => score(p));
  let found = climb(historical);
  const luckiest = sample.reduce((a, p, k) => (better(sampleScores[k], score(a)) ? p : a), sample[0]);
  if (better(score(luckiest), found.scored)) {
    const again = climb(luckiest);
    if (better(again.scored, found.scored)) found = again;
  }
  return {
    method: 'coordinate ascent',
    space: space.size,
    searched: scored.size,
    seeds: seeds.length,
    best: planOf(space, found.indices),
    bestScore: found.scored.score,
    historical: planOf(space, historical),
    historicalScore,
    historicalRank: rankOf(
      [...scored.values()].map((s) => s.score),
      historicalScore,
    ),
    randomPlans: { plans: RANDOM_PLANS, better: sampleScores.filter((s) => s.score > historicalScore + EPSILON).length },
  };
}
