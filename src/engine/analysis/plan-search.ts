import { playOut } from '../play/batch.ts';
import { Council } from '../play/choices.ts';
import { copyRun, decide, formatDecision, isOver, startRun, type Run } from '../play/run.ts';
import { currentDevelopment } from '../core/development.ts';
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
  const stride = stridesOf(space.variants);
  const tree = new PlanTree(scenario, space, stride);
  seeds.forEach((seed, k) => {
    tree.walk(startRun(scenario, seed, { recordCauses: false }), 0);
    progress((k + 1) / seeds.length);
  });
  const indicesOf = (p: number) => stride.map((s, i) => Math.floor(p / s) % (space.variants[i]?.length ?? 1));
  const best = bestOfAll(tree.sums, tree.offs);
  const hist = historicalPlan(scenario, space).reduce((at, v, i) => at + v * (stride[i] ?? 0), 0);
  return {
    method: 'exhaustive',
    space: space.size,
    searched: space.size,
    seeds: seeds.length,
    best: planOf(space, indicesOf(best)),
    bestScore: (tree.sums[best] ?? 0) / seeds.length,
    historical: planOf(space, indicesOf(hist)),
    historicalScore: (tree.sums[hist] ?? 0) / seeds.length,
    historicalRank: rankOf(tree.sums, tree.sums[hist] ?? 0),
  };
}

/** A plan's number among all plans counts in mixed radix, one digit per development: what each digit is worth. */
function stridesOf(variants: string[][]): number[] {
  const stride: number[] = [];
  let s = 1;
  for (const v of variants) {
    stride.push(s);
    s *= v.length;
  }
  return stride;
}

/** The plan with the highest sum, and among plans that tie, the one taken off plan least often. */
function bestOfAll(sums: Float64Array, offs: Uint32Array): number {
  let best = 0;
  let bestSum = sums[0] ?? 0;
  let bestOff = offs[0] ?? 0;
  sums.forEach((sum, p) => {
    const off = offs[p] ?? 0;
    if (sum > bestSum + EPSILON || (sum >= bestSum - EPSILON && off < bestOff)) {
      best = p;
      bestSum = sum;
      bestOff = off;
    }
  });
  return best;
}

/** The tree of runs of every plan on a seed, each leaf's final cohesion added to every plan it stands for. */
class PlanTree {
  /** Final cohesion summed over all seeds, by plan number. */
  readonly sums: Float64Array;
  /** Decisions not taken as the plan says (see offPlan), over all seeds: among plans that tie, the fewest wins. */
  readonly offs: Uint32Array;
  private readonly scenario: Scenario;
  private readonly variants: string[][];
  private readonly stride: number[];
  private readonly index: Map<string, number>;
  /** The variant the branch being walked has taken at each development, or -1 where it has not met it yet. */
  private readonly assigned: Int32Array;
  private readonly random = createRandom('');

  constructor(scenario: Scenario, space: PlanSpace, stride: number[]) {
    this.scenario = scenario;
    this.variants = space.variants;
    this.stride = stride;
    this.index = new Map(space.developments.map((d, i) => [d, i]));
    this.sums = new Float64Array(space.size);
    this.offs = new Uint32Array(space.size);
    this.assigned = new Int32Array(space.variants.length).fill(-1);
  }

  /** Plays the run on to its end, branching at each development not yet decided. */
  walk(run: Run, off: number): void {
    const { scenario, assigned } = this;
    while (!isOver(run)) {
      const development = currentDevelopment(scenario, run.world);
      const i = this.index.get(development.id);
      if (i === undefined) throw new Error(`${development.id} is not in the plan space`);
      // Every view made now, before any branch moves the run on: the branches share them.
      const council = new Council(run, councilView(scenario, run.world, development, false), false);
      const v = assigned[i] ?? -1;
      if (v < 0) {
        this.branch(run, i, council, off);
        return;
      }
      off += this.take(run, council, this.variant(i, v));
    }
    this.credit(0, 0, cohesion(run.world, scenario.params.cohesion), off);
  }

  /** Each of development i's variants on a copy of the run; the last takes the run itself, which is not needed again. */
  private branch(run: Run, i: number, council: Council, off: number): void {
    const variants = this.variants[i] ?? [];
    const last = variants.length - 1;
    variants.forEach((variant, v) => {
      const branch = v === last ? run : copyRun(run);
      this.assigned[i] = v;
      this.walk(branch, off + this.take(branch, council, variant));
    });
    this.assigned[i] = -1;
  }

  private variant(i: number, v: number): string {
    const variant = this.variants[i]?.[v];
    if (variant === undefined) throw new Error(`no variant ${v} at development ${i} of the plan space`);
    return variant;
  }

  /** Takes the planned decision, or what stands in for it; 1 where that was not the decision wanted. */
  private take(run: Run, council: Council, wanted: string): number {
    const choice = plannedChoice(run, council, wanted, this.random);
    decide(run, choice, choice.view);
    return formatDecision(choice) === wanted ? 0 : 1;
  }

  /** Adds a leaf to every plan that agrees with the branch taken, from development i on, `at` being the plan number so far. */
  private credit(i: number, at: number, value: number, off: number): void {
    if (i === this.variants.length) {
      this.sums[at] = (this.sums[at] ?? 0) + value;
      this.offs[at] = (this.offs[at] ?? 0) + off;
      return;
    }
    const v = this.assigned[i] ?? -1;
    const stride = this.stride[i] ?? 0;
    if (v >= 0) this.credit(i + 1, at + v * stride, value, off);
    else for (let w = 0; w < (this.variants[i]?.length ?? 0); w++) this.credit(i + 1, at + w * stride, value, off);
  }
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
  const scores = new PlanScores(scenario, seeds, space, progress);
  const historical = historicalPlan(scenario, space);
  const historicalScore = scores.score(historical).score;
  const sample = drawPlans(space, seeds);
  const sampleScores = sample.map((p) => scores.score(p));
  const found = climbFromBetterStart(scores, space, historical, sample, sampleScores);
  return {
    method: 'coordinate ascent',
    space: space.size,
    searched: scores.scored.size,
    seeds: seeds.length,
    best: planOf(space, found.indices),
    bestScore: found.scored.score,
    historical: planOf(space, historical),
    historicalScore,
    historicalRank: rankOf(
      [...scores.scored.values()].map((s) => s.score),
      historicalScore,
    ),
    randomPlans: { plans: RANDOM_PLANS, better: sampleScores.filter((s) => s.score > historicalScore + EPSILON).length },
  };
}

/** Each plan played once on every seed, however often the search asks for it. */
class PlanScores {
  /** By the plan's variant indices, joined. */
  readonly scored = new Map<string, Scored>();
  private readonly scenario: Scenario;
  private readonly seeds: string[];
  private readonly space: PlanSpace;
  private readonly progress: (share: number) => void;
  /** A sample and two passes of a climb, as a guess at the whole. */
  private readonly expected: number;

  constructor(scenario: Scenario, seeds: string[], space: PlanSpace, progress: (share: number) => void) {
    this.scenario = scenario;
    this.seeds = seeds;
    this.space = space;
    this.progress = progress;
    this.expected = RANDOM_PLANS + 2 * space.variants.reduce((n, v) => n + v.length, 0);
  }

  score(indices: number[]): Scored {
    const key = indices.join(',');
    let found = this.scored.get(key);
    if (!found) {
      found = playPlan(this.scenario, this.seeds, planOf(this.space, indices));
      this.scored.set(key, found);
      this.progress(Math.min(0.99, this.scored.size / this.expected));
    }
    return found;
  }
}

function playPlan(scenario: Scenario, seeds: string[], plan: Plan): Scored {
  const policy = planPolicy(plan);
  let sum = 0;
  let off = 0;
  const reached = new Set<string>();
  for (const seed of seeds) {
    const world = playOut(scenario, seed, policy).world;
    sum += cohesion(world, scenario.params.cohesion);
    const o = offPlan(plan, world);
    off += o.otherWay + o.greedy;
    for (const d of world.decisions) reached.add(d.development);
  }
  return { score: sum / seeds.length, off, reached };
}

/** Among plans that tie, the one taken off plan less often is better. */
function better(a: Scored, b: Scored): boolean {
  return a.score > b.score + EPSILON || (a.score >= b.score - EPSILON && a.off < b.off);
}

/** The plans drawn at random, the same for the same seeds. */
function drawPlans(space: PlanSpace, seeds: string[]): number[][] {
  const draw = createRandom(`${seeds[0] ?? ''}:random-plans`);
  return Array.from({ length: RANDOM_PLANS }, () => space.variants.map((v) => Math.floor(draw.next() * v.length)));
}

interface Climbed {
  indices: number[];
  scored: Scored;
}

/** The climb from the historical plan, or from the best plan drawn at random where that beats it and its climb ends higher. */
function climbFromBetterStart(scores: PlanScores, space: PlanSpace, historical: number[], sample: number[][], sampleScores: Scored[]): Climbed {
  let found = climb(scores, space, historical);
  let luckiest: number[] | undefined;
  sample.forEach((p, k) => {
    const s = sampleScores[k];
    if (s && (luckiest === undefined || better(s, scores.score(luckiest)))) luckiest = p;
  });
  if (luckiest && better(scores.score(luckiest), found.scored)) {
    const again = climb(scores, space, luckiest);
    if (better(again.scored, found.scored)) found = again;
  }
  return found;
}

/** Pass after pass over the developments the plan reaches, until a pass changes nothing or the passes run out. */
function climb(scores: PlanScores, space: PlanSpace, start: number[]): Climbed {
  const current = start.slice();
  let now = scores.score(current);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    space.developments.forEach((d, i) => {
      if (!now.reached.has(d)) return;
      const moved = bestVariantAt(scores, space, current, i, now);
      if (moved) {
        now = moved;
        improved = true;
      }
    });
    if (!improved) break;
  }
  return { indices: current, scored: now };
}

/** Development i's variants, each with the rest of `current` held: sets `current` to the best, and gives its score where that is a change. */
function bestVariantAt(scores: PlanScores, space: PlanSpace, current: number[], i: number, now: Scored): Scored | null {
  const kept = current[i] ?? 0;
  let bestV = kept;
  let best = now;
  for (let v = 0; v < (space.variants[i]?.length ?? 0); v++) {
    if (v === kept) continue;
    current[i] = v;
    const s = scores.score(current);
    if (better(s, best)) {
      best = s;
      bestV = v;
    }
  }
  current[i] = bestV;
  return bestV !== kept ? best : null;
}
