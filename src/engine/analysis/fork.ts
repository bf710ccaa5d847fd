import { playToEnd } from '../play/batch.ts';
import { historicalPolicy, type Policy } from '../play/policies.ts';
import { replay, type RunRecord } from '../play/record.ts';
import { copyRun, decide, DecisionError, isOver, parseDecision, type Run } from '../play/run.ts';
import type { World } from '../core/world.ts';
import { createRandom, policyRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { currentDevelopment } from '../core/development.ts';
import { type ArmRun, CompareMerge, type ComparePart, type CompareReport, factReaders, type OnRun, runFacts } from './compare.ts';
import { seedChunks, type SeedRange } from './seed-chunks.ts';

/**
 * What else could have happened at decision K of an actual run: the run is rebuilt up to that
 * decision, then each alternative (and what was actually chosen, first) is taken and played on to the
 * end over N seeds. The future's dice are the same for every alternative at a given seed.
 */
export interface ForkOptions {
  /** 1-based: the decision to fork at. */
  at: number;
  alternatives: string[];
  runs: number;
  seed: string;
  /** How the rest of each run is played (default: historical). */
  rest?: Policy;
  onProgress?: (done: number, total: number) => void;
  /** Called with each finished run (its arm, e.g. `send_troops+leverage`), e.g. to write a CSV row. */
  onRun?: (arm: string, index: number, seed: string, world: World) => void;
}

export class ForkError extends Error {}

export interface ForkReport extends CompareReport {
  at: number;
  development: string;
  chosen: string;
}

/** A run rebuilt up to the decision forked at, and the arms to take there: what was chosen first, then each alternative. */
export interface ForkStart {
  base: Run;
  arms: string[];
  at: number;
  development: string;
  chosen: string;
}

/** Rebuilds the run up to decision `at` and checks that every arm can be taken there; a ForkError says why not. */
export function forkStart(scenario: Scenario, record: RunRecord, at: number, alternatives: string[]): ForkStart {
  const chosen = Number.isInteger(at) && at >= 1 ? record.decisions[at - 1] : undefined;
  if (chosen === undefined) throw new ForkError(`--at must be a decision of this run, from 1 to ${record.decisions.length}`);
  const prefix = replay(scenario, record, { upTo: at - 1, recordCauses: false });
  if (!prefix.ok) throw new ForkError(prefix.error);
  const base = prefix.value.run;
  if (isOver(base)) throw new ForkError(`this run ended before decision ${at}`);
  const development = currentDevelopment(scenario, base.world).id;
  const arms = [chosen, ...alternatives.filter((a) => a !== chosen)];
  for (const arm of arms) {
    const trial = copyRun(base);
    try {
      decide(trial, parseDecision(arm));
    } catch (error) {
      if (error instanceof DecisionError) throw new ForkError(error.message);
      throw error;
    }
  }
  return { base, arms, at, development, chosen };
}

/** Each arm's future over one seed range: the same dice for every arm at a seed. */
export function forkPart(start: ForkStart, rest: Policy, range: SeedRange, seed: string, onRun?: OnRun): ComparePart {
  const readers = factReaders(start.base.scenario);
  const runs: ArmRun[][] = [];
  for (let i = range.from; i < range.to; i++) {
    const runSeed = `${seed}-${i}`;
    runs.push(
      start.arms.map((arm) => {
        const run: Run = copyRun(start.base);
        run.random = createRandom(runSeed);
        decide(run, parseDecision(arm));
        playToEnd(run, rest, policyRandom(runSeed));
        onRun?.(arm, i, runSeed, run.world);
        return { facts: runFacts(readers, run.world), offPlan: false };
      }),
    );
  }
  return { runs };
}

/** The merged parts as a fork's report. */
export function forkReport(start: ForkStart, merge: CompareMerge): ForkReport {
  return { ...merge.report(), at: start.at, development: start.development, chosen: start.chosen };
}

export function fork(scenario: Scenario, record: RunRecord, options: ForkOptions): ForkReport {
  const start = forkStart(scenario, record, options.at, options.alternatives);
  const rest = options.rest ?? historicalPolicy;
  const merge = new CompareMerge(scenario, start.arms, options.seed);
  const total = options.runs * start.arms.length;
  let done = 0;
  const onRun: OnRun = (arm, index, seed, world) => {
    options.onRun?.(arm, index, seed, world);
    options.onProgress?.(++done, total);
  };
  for (const range of seedChunks(options.runs)) merge.add(forkPart(start, rest, range, options.seed, onRun));
  return forkReport(start, merge);
}
