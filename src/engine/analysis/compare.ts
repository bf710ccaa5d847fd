import { playOut } from '../play/batch.ts';
import type { Policy } from '../play/policies.ts';
import { formatDecision } from '../play/run.ts';
import { cohesion } from '../rules/cohesion.ts';
import { memberAt, memberSlot, type World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';
import { Histogram, Moments, wilson, type Interval } from './stats.ts';

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
    outcomes.push({ key: `reaction:${key}`, label: `${r.member} ${r.label}`, test: (w) => (w.reacted[key] ?? 0) > 0 });
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
    ...scenario.members.map((code) => ({
      key: `${code}.loyalty`,
      label: `${scenario.names[code]} loyalty`,
      read: (w: World) => memberAt(w, memberSlot(code)).loyalty,
    })),
  ];
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

  add(arm: number, world: World): void {
    const bands = this.bands[arm];
    if (bands === undefined) throw new RangeError(`no arm ${arm} in this comparison of ${this.arms.length}`);
    if (arm === 0) this.runs++;
    for (const { outcome, arms } of this.outcomes) {
      const first = arms[0];
      const count = arms[arm];
      if (first === undefined || count === undefined) continue;
      count.hit = outcome.test(world) ? 1 : 0;
      count.hits += count.hit;
      count.difference.add(count.hit - first.hit);
    }
    for (const { metric, arms } of this.metrics) {
      const first = arms[0];
      const values = arms[arm];
      if (first === undefined || values === undefined) continue;
      values.value = metric.read(world);
      values.values.add(values.value);
      values.difference.add(values.value - first.value);
    }
    for (const point of world.trajectory) {
      const band = bands[point.turn] ?? new Histogram();
      bands[point.turn] = band;
      band.add(point.cohesion);
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
        difference: arms.map((count) => count.difference.interval()),
      })),
      metrics: this.metrics.map(({ metric, arms }) => ({
        key: metric.key,
        label: metric.label,
        byPolicy: arms.map(({ values: h }) => ({ p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), mean: h.mean() })),
        difference: arms.map((values) => values.difference.interval()),
      })),
      cohesionBins: this.metrics.find(({ metric }) => metric.key === 'cohesion')?.arms.map(({ values }) => values.coarse(2)) ?? [],
      notes: [],
      trajectories: this.bands.map((perTurn) =>
        perTurn.map((h, turn) => ({ turn, p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), runs: h.n })).filter((b) => b.runs > 0),
      ),
    };
  }
}

export function compare(scenario: Scenario, policies: Policy[], options: CompareOptions): CompareReport {
  const comparison = new Comparison(
    scenario,
    policies.map((p) => p.name),
  );
  const total = options.runs * policies.length;
  // offPlan: runs in which a policy reached a development it names but could not take its option there (vetoed, or not on the table).
  const arms = policies.map((policy) => ({ policy, offPlan: 0 }));
  for (let i = 0; i < options.runs; i++) {
    const seed = `${options.seed}-${i}`;
    arms.forEach((arm, k) => {
      const world = playOut(scenario, seed, arm.policy).world;
      const plan = arm.policy.plan;
      if (plan && world.decisions.some((d) => Object.hasOwn(plan, d.development) && plan[d.development] !== formatDecision(d))) arm.offPlan++;
      comparison.add(k, world);
      options.onRun?.(arm.policy.name, i, seed, world, scenario);
      options.onProgress?.(i * policies.length + k + 1, total);
    });
  }
  const report = comparison.report(options.seed);
  for (const { policy, offPlan } of arms) {
    if (offPlan)
      report.notes.push(
        `${policy.name}: its plan could not be followed in ${offPlan} of ${options.runs} runs (the option was blocked or off the table there, so the fallback chose)`,
      );
  }
  return report;
}
