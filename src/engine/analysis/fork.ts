import { playToEnd } from '../play/batch.ts';
import { historicalPolicy, type Policy } from '../play/policies.ts';
import { replay, type RunRecord } from '../play/record.ts';
import { copyRun, decide, DecisionError, isOver, parseDecision, type Run } from '../play/run.ts';
import type { World } from '../core/world.ts';
import { createRandom, policyRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { currentDevelopment } from '../core/development.ts';
import { Comparison, type CompareReport } from './compare.ts';

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

export function fork(scenario: Scenario, record: RunRecord, options: ForkOptions): ForkReport {
  const chosen = Number.isInteger(options.at) && options.at >= 1 ? record.decisions[options.at - 1] : undefined;
  if (chosen === undefined) throw new ForkError(`--at must be a decision of this run, from 1 to ${record.decisions.length}`);
  const prefix = replay(scenario, record, { upTo: options.at - 1, recordCauses: false });
  if (!prefix.ok) throw new ForkError(prefix.error);
  const base = prefix.value.run;
  if (isOver(base)) throw new ForkError(`this run ended before decision ${options.at}`);
  const development = currentDevelopment(scenario, base.world).id;
  const arms = [chosen, ...options.alternatives.filter((a) => a !== chosen)];
  for (const arm of arms) {
    const trial = copyRun(base);
    try {
      decide(trial, parseDecision(arm));
    } catch (error) {
      if (error instanceof DecisionError) throw new ForkError(error.message);
      throw error;
    }
  }
  const rest = options.rest ?? historicalPolicy;
  const comparison = new Comparison(scenario, arms);
  const total = options.runs * arms.length;
  for (let i = 0; i < options.runs; i++) {
    const seed = `${options.seed}-${i}`;
    arms.forEach((arm, k) => {
      const run: Run = copyRun(base);
      run.random = createRandom(seed);
      decide(run, parseDecision(arm));
      playToEnd(run, rest, policyRandom(seed));
      comparison.add(k, run.world);
      options.onRun?.(arm, i, seed, run.world);
      options.onProgress?.(i * arms.length + k + 1, total);
    });
  }
  return { ...comparison.report(options.seed), at: options.at, development, chosen };
}
