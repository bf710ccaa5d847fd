import { playOut } from '../play/batch.ts';
import type { Policy } from '../play/policies.ts';
import { formatDecision } from '../play/run.ts';
import { cohesion } from '../rules/cohesion.ts';
import { loyaltyAt, memberSlot, type World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import { Histogram, METER_DIFFERENCE, Moments, SHARE_DIFFERENCE, wilson, type Interval } from './stats.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

/**
 * Plays every policy on the same seeds (common random numbers: run i of every policy uses seed i, so
 * differences come from the policies, not from luck) and aggregates as the runs stream past.
 */
export interface CompareOptions {
  runs: number;
  seed: string;
  /** Called with each finished run, e.g. to write a CSV row. */
  onRun?: (policy: string, index: number, seed: string, world: World, scenario: Scenario) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface OutcomeRow {
  key: string;
  label: string;
  byPolicy: Interval[];
  /** Each policy minus the first, paired by seed. */
  difference: Interval[];
}

export interface MetricRow {
  key: string;
  label: string;
  byPolicy: { p10: number; p50: number; p90: number; mean: number }[];
  difference: Interval[];
}

export interface Band {
  turn: number;
  p10: number;
  p50: number;
  p90: number;
  runs: number;
}

export interface CompareReport {
  scenario: string;
  seed: string;
  runs: number;
  policies: string[];
  outcomes: OutcomeRow[];
  metrics: MetricRow[];
  /** Cohesion over the turns, as bands, per policy. */
  trajectories: Band[][];
  /** Final cohesion per policy, counted in 2-point bins from 0 to 100. */
  cohesionBins: number[][];
  /** What a reader must know to read the table right, e.g. a plan that could not be followed. */
  notes: string[];
}

interface Outcome {
  key: string;
  label: string;
  test: (w: World) => boolean;
}

interface Metric {
  key: string;
  label: string;
  read: (w: World) => number;
}

/** The outcomes worth a probability: each ending, each member's each reaction, and any member leaving or suspending. */
export function outcomesOf(scenario: Scenario): Outcome[] {
  const outcomes: Outcome[] = scenario.endings.map((e) => ({ key: `ending:${e.id}`, label: `ending: ${e.title}`, test: (w: World) => w.ending === e.id }));
  const seen = new Set<string>();
  for (const r of scenario.reactions) {
    const key = `${r.member}:${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    outcomes.push({ key: `reaction:${key}`, label: `${r.member} ${r.label}`, test: (w) => w.reacted.has(key) });
  }
  outcomes.push({ key: 'any:withdrawn', label: 'any member withdraws', test: (w) => Object.values(w.members).some((m) => m.status === 'withdrawn') });
  outcomes.push({
    key: 'any:suspended',
    label: 'any member suspends participation',
    test: (w) => Object.values(w.members).some((m) => m.status === 'suspended'),
  });
  return outcomes;
}

export function metricsOf(scenario: Scenario): Metric[] {
  return [
    { key: 'cohesion', label: 'cohesion', read: (w) => cohesion(w, scenario.params.cohesion) },
    { key: 'credibility', label: 'credibility', read: (w) => w.credibility },
    { key: 'moscowBandwidth', label: "Moscow's bandwidth", read: (w) => w.moscowBandwidth },
    ...scenario.members.map((code) => {
      const slot = memberSlot(code);
      return { key: `${code}.loyalty`, label: `${scenario.names[code]} loyalty`, read: (w: World) => loyaltyAt(w, slot) };
    }),
  ];
}

/**
 * What a comparison keeps of one finished run, as plain numbers that can be sent between threads: each
 * outcome (1 or 0) and each metric in the order of `outcomesOf` and `metricsOf`, and cohesion over the
 * turns as (turn, cohesion) pairs.
 */
export interface RunFacts {
  hits: number[];
  values: number[];
  trajectory: number[];
}

export interface FactReaders {
  outcomes: Outcome[];
  metrics: Metric[];
}

export function factReaders(scenario: Scenario): FactReaders {
  return { outcomes: outcomesOf(scenario), metrics: metricsOf(scenario) };
}

export function runFacts(readers: FactReaders, world: World): RunFacts {
  const trajectory: number[] = [];
  for (const point of world.trajectory) trajectory.push(point.turn, point.cohesion);
  return { hits: readers.outcomes.map((o) => (o.test(world) ? 1 : 0)), values: readers.metrics.map((m) => m.read(world)), trajectory };
}

/** One arm's count of an outcome, and its run of the current seed, which the other arms' runs are paired with. */
interface OutcomeCount {
  hits: number;
  hit: number;
  difference: Moments;
}

/** One arm's values of a metric, and its run of the current seed, as for OutcomeCount. */
interface MetricValues {
  values: Histogram;
  value: number;
  difference: Moments;
}

/**
 * Aggregates runs of several arms (policies, or the options of a fork) played on the same seeds.
 * Runs must be added seed by seed, every arm in order, so that differences can be paired.
 * Each outcome and metric keeps its arms side by side, the first being the one the others are paired with.
 */
export class Comparison {
  private readonly outcomes: { outcome: Outcome; arms: OutcomeCount[] }[];
  private readonly metrics: { metric: Metric; arms: MetricValues[] }[];
  /** Per arm, cohesion's values at each turn. */
  private readonly bands: Histogram[][];
  private runs = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly arms: string[],
  ) {
    this.outcomes = outcomesOf(scenario).map((outcome) => ({ outcome, arms: arms.map(() => ({ hits: 0, hit: 0, difference: new Moments() })) }));
    this.metrics = metricsOf(scenario).map((metric) => ({ metric, arms: arms.map(() => ({ values: new Histogram(), value: 0, difference: new Moments() })) }));
    this.bands = arms.map(() => []);
  }

  /** One arm's run at the current seed, by what it gave (which may have been played in another thread). */
  addFacts(arm: number, facts: RunFacts): void {
    const bands = this.bands[arm];
    if (bands === undefined) throw new RangeError(`no arm ${arm} in this comparison of ${this.arms.length}`);
    if (arm === 0) this.runs++;
    this.outcomes.forEach(({ arms }, o) => {
      const first = arms[0];
      const count = arms[arm];
      if (first === undefined || count === undefined) return;
      count.hit = facts.hits[o] ?? 0;
      count.hits += count.hit;
      count.difference.add(count.hit - first.hit);
    });
    this.metrics.forEach(({ arms }, m) => {
      const first = arms[0];
      const values = arms[arm];
      if (first === undefined || values === undefined) return;
      values.value = facts.values[m] ?? Number.NaN;
      values.values.add(values.value);
      values.difference.add(values.value - first.value);
    });
    const { trajectory } = facts;
    for (let k = 0; k + 1 < trajectory.length; k += 2) {
      const turn = trajectory[k] ?? 0;
      const band = bands[turn] ?? new Histogram();
      bands[turn] = band;
      band.add(trajectory[k + 1] ?? Number.NaN);
    }
  }

  report(seed: string): CompareReport {
    const { arms, runs } = this;
    return {
      scenario: this.scenario.id,
      seed,
      runs,
      policies: arms,
      outcomes: this.outcomes.map(({ outcome, arms }) => ({
        key: outcome.key,
        label: outcome.label,
        byPolicy: arms.map((count) => wilson(count.hits, runs)),
        difference: arms.map((count) => count.difference.interval(SHARE_DIFFERENCE)),
      })),
      metrics: this.metrics.map(({ metric, arms }) => ({
        key: metric.key,
        label: metric.label,
        byPolicy: arms.map(({ values: h }) => ({ p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), mean: h.mean() })),
        difference: arms.map((values) => values.difference.interval(METER_DIFFERENCE)),
      })),
      cohesionBins: this.metrics.find(({ metric }) => metric.key === 'cohesion')?.arms.map(({ values }) => values.coarse(2)) ?? [],
      notes: [],
      trajectories: this.bands.map((perTurn) =>
        perTurn.map((h, turn) => ({ turn, p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), runs: h.n })).filter((b) => b.runs > 0),
      ),
    };
  }
}

/** One run of each arm at one seed, in arm order. */
export interface ArmRun {
  facts: RunFacts;
  /** The policy named a development it reached but could not take its option there (vetoed, or not on the table). */
  offPlan: boolean;
}

/** The runs of one seed range: for each seed in order, each arm's run. */
export interface ComparePart {
  runs: ArmRun[][];
}

/** Called with each finished run of a part, e.g. to turn it into a CSV row while the World is at hand. */
export type OnRun = (arm: string, index: number, seed: string, world: World) => void;

export function comparePart(scenario: Scenario, policies: Policy[], range: SeedRange, seed: string, onRun?: OnRun): ComparePart {
  const readers = factReaders(scenario);
  const runs: ArmRun[][] = [];
  for (let i = range.from; i < range.to; i++) {
    const runSeed = `${seed}-${i}`;
    runs.push(
      policies.map((policy) => {
        const world = playOut(scenario, runSeed, policy).world;
        const plan = policy.plan;
        const offPlan = plan !== undefined && world.decisions.some((d) => Object.hasOwn(plan, d.development) && plan[d.development] !== formatDecision(d));
        onRun?.(policy.name, i, runSeed, world);
        return { facts: runFacts(readers, world), offPlan };
      }),
    );
  }
  return { runs };
}

/**
 * Merges parts as they come, in seed order: a part that arrives early waits for those before it, so
 * every paired difference and every sum sees the runs in the same order however they were played.
 */
export class CompareMerge {
  private readonly comparison: Comparison;
  private readonly offPlan: number[];
  private runs = 0;

  constructor(
    scenario: Scenario,
    private readonly arms: string[],
    private readonly seed: string,
  ) {
    this.comparison = new Comparison(scenario, arms);
    this.offPlan = arms.map(() => 0);
  }

  add(part: ComparePart): void {
    for (const seedRuns of part.runs) {
      this.runs++;
      seedRuns.forEach((run, k) => {
        this.comparison.addFacts(k, run.facts);
        if (run.offPlan) this.offPlan[k] = (this.offPlan[k] ?? 0) + 1;
      });
    }
  }

  report(): CompareReport {
    const report = this.comparison.report(this.seed);
    this.arms.forEach((arm, k) => {
      const offPlan = this.offPlan[k] ?? 0;
      if (offPlan)
        report.notes.push(
          `${arm}: its plan could not be followed in ${offPlan} of ${this.runs} runs (the option was blocked or off the table there, so the fallback chose)`,
        );
    });
    return report;
  }
}

export function compare(scenario: Scenario, policies: Policy[], options: CompareOptions): CompareReport {
  const merge = new CompareMerge(
    scenario,
    policies.map((p) => p.name),
    options.seed,
  );
  const total = options.runs * policies.length;
  let done = 0;
  const onRun: OnRun = (arm, index, seed, world) => {
    options.onRun?.(arm, index, seed, world, scenario);
    options.onProgress?.(++done, total);
  };
  for (const range of seedChunks(options.runs)) merge.add(comparePart(scenario, policies, range, options.seed, onRun));
  return merge.report();
}
