import { playOut } from '../play/batch.ts';
import type { Policy } from '../play/policies.ts';
import { formatDecision } from '../play/run.ts';
import { cohesion } from '../rules/cohesion.ts';
import type { World } from '../core/world.ts';
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
  outcomes.push({ key: 'any:suspended', label: 'any member suspends participation', test: (w) => Object.values(w.members).some((m) => m.status === 'suspended') });
  return outcomes;
}

export function metricsOf(scenario: Scenario): Metric[] {
  return [
    { key: 'cohesion', label: 'cohesion', read: (w) => cohesion(w, scenario.params.cohesion) },
    { key: 'credibility', label: 'credibility', read: (w) => w.credibility },
    { key: 'moscowBandwidth', label: "Moscow's bandwidth", read: (w) => w.moscowBandwidth },
    ...scenario.members.map((code) => ({ key: `${code}.loyalty`, label: `${scenario.names[code]} loyalty`, read: (w: World) => w.members[code].loyalty })),
  ];
}

/**
 * Aggregates runs of several arms (policies, or the options of a fork) played on the same seeds.
 * Runs must be added seed by seed, every arm in order, so that differences can be paired.
 */
export class Comparison {
  private readonly outcomes: Outcome[];
  private readonly metrics: Metric[];
  private readonly hits: Uint32Array[];
  private readonly histograms: Histogram[][];
  private readonly outcomeDiffs: Moments[][];
  private readonly metricDiffs: Moments[][];
  private readonly bands: Histogram[][];
  private readonly firstHits: Uint8Array;
  private readonly firstValues: Float64Array;
  private runs = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly arms: string[],
  ) {
    this.outcomes = outcomesOf(scenario);
    this.metrics = metricsOf(scenario);
    this.hits = arms.map(() => new Uint32Array(this.outcomes.length));
    this.histograms = arms.map(() => this.metrics.map(() => new Histogram()));
    this.outcomeDiffs = arms.map(() => this.outcomes.map(() => new Moments()));
    this.metricDiffs = arms.map(() => this.metrics.map(() => new Moments()));
    this.bands = arms.map(() => []);
    this.firstHits = new Uint8Array(this.outcomes.length);
    this.firstValues = new Float64Array(this.metrics.length);
  }

  add(arm: number, world: World): void {
    if (arm === 0) this.runs++;
    this.outcomes.forEach((o, j) => {
      const hit = o.test(world) ? 1 : 0;
      this.hits[arm][j] += hit;
      if (arm === 0) this.firstHits[j] = hit;
      this.outcomeDiffs[arm][j].add(hit - this.firstHits[j]);
    });
    this.metrics.forEach((m, j) => {
      const value = m.read(world);
      this.histograms[arm][j].add(value);
      if (arm === 0) this.firstValues[j] = value;
      this.metricDiffs[arm][j].add(value - this.firstValues[j]);
    });
    for (const point of world.trajectory) (this.bands[arm][point.turn] ??= new Histogram()).add(point.cohesion);
  }

  report(seed: string): CompareReport {
    const { arms, runs } = this;
    return {
      scenario: this.scenario.id,
      seed,
      runs,
      policies: arms,
      outcomes: this.outcomes.map((o, j) => ({
        key: o.key,
        label: o.label,
        byPolicy: arms.map((_, k) => wilson(this.hits[k][j], runs)),
        difference: arms.map((_, k) => this.outcomeDiffs[k][j].interval()),
      })),
      metrics: this.metrics.map((m, j) => ({
        key: m.key,
        label: m.label,
        byPolicy: arms.map((_, k) => {
          const h = this.histograms[k][j];
          return { p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), mean: h.mean() };
        }),
        difference: arms.map((_, k) => this.metricDiffs[k][j].interval()),
      })),
      cohesionBins: this.histograms.map((h) => h[0].coarse(2)),
      notes: [],
      trajectories: this.bands.map((perTurn) =>
        perTurn.map((h, turn) => ({ turn, p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), runs: h.n })).filter((b) => b.runs > 0),
      ),
    };
  }
}

export function compare(scenario: Scenario, policies: Policy[], options: CompareOptions): CompareReport {
  const comparison = new Comparison(scenario, policies.map((p) => p.name));
  const total = options.runs * policies.length;
  // Runs in which a policy reached a development it names but could not take its option there (vetoed, or not on the table).
  const offPlan = policies.map(() => 0);
  for (let i = 0; i < options.runs; i++) {
    const seed = `${options.seed}-${i}`;
    for (let k = 0; k < policies.length; k++) {
      const world = playOut(scenario, seed, policies[k]).world;
      const plan = policies[k].plan;
      if (plan && world.decisions.some((d) => Object.hasOwn(plan, d.development) && plan[d.development] !== formatDecision(d))) offPlan[k]++;
      comparison.add(k, world);
      options.onRun?.(policies[k].name, i, seed, world, scenario);
      options.onProgress?.(i * policies.length + k + 1, total);
    }
  }
  const report = comparison.report(options.seed);
  policies.forEach((p, k) => {
    if (offPlan[k]) report.notes.push(`${p.name}: its plan could not be followed in ${offPlan[k]} of ${options.runs} runs (the option was blocked or off the table there, so the fallback chose)`);
  });
  return report;
}
