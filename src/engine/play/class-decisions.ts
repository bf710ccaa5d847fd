import { policyRandom } from '../core/random.ts';
import { Council } from './choices.ts';
import { isClassDecision, type Exercise } from './exercise.ts';
import { historicalPolicy } from './policies.ts';
import type { Run } from './run.ts';

/**
 * A class need not take every decision: the teacher can leave some to history, and the run then goes on as
 * the alliance did. These are the engine's answers to "what does history choose here" and "which decisions
 * did history take since the class last sat", so the page only sends and tells.
 */

/**
 * What history chooses at the run's current decision: the historical policy of batch runs, as the Council
 * meets it now (the historical option, or the same with leverage where it cannot pass as it stands). Where
 * history has no answer, its draw comes from a stream of its own, seeded by the run's seed and the
 * decision's number, so a reload of the class's run makes the same choice.
 */
export function historyChoice(run: Run): { option: string; leverage: boolean } {
  const random = policyRandom(`${run.seed}\u0000history-${run.world.decisions.length + 1}`);
  const choice = historicalPolicy.choose(run, new Council(run, undefined, false), random);
  return { option: choice.option, leverage: choice.leverage };
}

/**
 * The decisions (1-based) history took for the class since the last one the class took, in order, from the
 * run's decisions so far. The briefing of the next decision says each in a line.
 */
export function historyTookBefore(exercise: Exercise, decisions: readonly { development: string }[]): number[] {
  const taken: number[] = [];
  for (let j = decisions.length; j >= 1 && !isClassDecision(exercise, decisions[j - 1]?.development ?? ''); j--) taken.unshift(j);
  return taken;
}
