import { playOut } from '../game/batch.ts';
import type { Policy } from '../game/policies.ts';
import { cohesion } from '../model/cohesion.ts';
import type { World } from '../model/world.ts';
import type { Scenario } from '../scenario/scenario.ts';
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

export function compare(scenario: Scenario, policies: Policy[], options: CompareOptions): CompareReport {
  const outcomes = outcomesOf(scenario);
  const metrics = metricsOf(scenario);
  const p = policies.length;
  const hits = policies.map(() => new Uint32Array(outcomes.length));
  const histograms = policies.map(() => metrics.map(() => new Histogram()));
  const outcomeDiffs = policies.map(() => outcomes.map(() => new Moments()));
  const metricDiffs = policies.map(() => metrics.map(() => new Moments()));
  const bands: Histogram[][] = policies.map(() => []);
  const firstHits = new Uint8Array(outcomes.length);
  const firstValues = new Float64Array(metrics.length);
  const total = options.runs * p;

  for (let i = 0; i < options.runs; i++) {
    const seed = `${options.seed}-${i}`;
    for (let k = 0; k < p; k++) {
      const world = playOut(scenario, seed, policies[k]).world;
      outcomes.forEach((o, j) => {
        const hit = o.test(world) ? 1 : 0;
        hits[k][j] += hit;
        if (k === 0) firstHits[j] = hit;
        outcomeDiffs[k][j].add(hit - firstHits[j]);
      });
      metrics.forEach((m, j) => {
        const value = m.read(world);
        histograms[k][j].add(value);
        if (k === 0) firstValues[j] = value;
        metricDiffs[k][j].add(value - firstValues[j]);
      });
      for (const point of world.trajectory) (bands[k][point.turn] ??= new Histogram()).add(point.cohesion);
      options.onRun?.(policies[k].name, i, seed, world, scenario);
      options.onProgress?.(i * p + k + 1, total);
    }
  }

  return {
    scenario: scenario.id,
    seed: options.seed,
    runs: options.runs,
    policies: policies.map((x) => x.name),
    outcomes: outcomes.map((o, j) => ({
      key: o.key,
      label: o.label,
      byPolicy: policies.map((_, k) => wilson(hits[k][j], options.runs)),
      difference: policies.map((_, k) => outcomeDiffs[k][j].interval()),
    })),
    metrics: metrics.map((m, j) => ({
      key: m.key,
      label: m.label,
      byPolicy: policies.map((_, k) => {
        const h = histograms[k][j];
        return { p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), mean: h.mean() };
      }),
      difference: policies.map((_, k) => metricDiffs[k][j].interval()),
    })),
    cohesionBins: histograms.map((h) => h[0].coarse(2)),
    trajectories: bands.map((perTurn) =>
      perTurn.map((h, turn) => ({ turn, p10: h.quantile(0.1), p50: h.quantile(0.5), p90: h.quantile(0.9), runs: h.n })).filter((b) => b.runs > 0),
    ),
  };
}
