import { playToEnd, summarize } from '../../engine/play/batch.ts';
import { recordOf, replay, seedProblem, type Replayed } from '../../engine/play/record.ts';
import { readRecordArgument } from '../io/record-argument.ts';
import { decide, DecisionError, isOver, parseDecision, startRun, type Run } from '../../engine/play/run.ts';
import { policyRandom } from '../../engine/core/random.ts';
import { offHistory, type Policy } from '../../engine/play/policies.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { EXIT, type Output } from '../io/output.ts';
import { InputError, loadScenarioFile } from '../io/scenario-files.ts';
import { runAccount } from '../io/run-account.ts';
import { checkOutputFile, writeOutputFile } from '../io/output-files.ts';
import { resolvePolicy } from '../io/policy-argument.ts';

export interface RunOptions {
  seed?: string;
  decisions?: string;
  from?: string;
  historical?: boolean;
  policy?: string;
  json?: boolean;
  rules?: string;
  record?: string;
}

/** `run <scenario>`: one deterministic run, by given decisions or by a policy. */
export function runCommand(scenarioName: string, options: RunOptions, out: Output): number {
  const ways = [options.decisions !== undefined, options.from !== undefined, options.historical, options.policy !== undefined].filter(Boolean).length;
  if (ways !== 1) throw new InputError('give exactly one of --decisions a,b,c, --from RECORD, --historical or --policy NAME');
  if (options.from === undefined && options.seed === undefined) throw new InputError('--seed is required (except with --from, whose record has its seed)');
  const seed = options.seed ?? '';
  const seedTooLong = seedProblem(seed);
  if (seedTooLong) throw new InputError(`--seed: ${seedTooLong}`);
  if (options.record) checkOutputFile('--record', options.record);
  const scenario = loadScenarioFile(scenarioName, options.rules);
  const notes: string[] = [];
  if (options.from !== undefined) {
    const replayed = replayArgument(scenario, options.from, !options.json);
    if (options.seed !== undefined && options.seed !== replayed.run.seed) {
      throw new InputError(`--seed '${options.seed}' is not the record's seed '${replayed.run.seed}' (leave --seed out with --from)`);
    }
    notes.push(...replayed.warnings.map((w) => `note: ${w}`));
    return finish(replayed.run, options, out, notes);
  }
  const run = startRun(scenario, seed, { recordCauses: !options.json });
  if (options.decisions !== undefined) {
    const list = options.decisions
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    for (const [i, text] of list.entries()) {
      if (isOver(run)) throw new InputError(`decision ${i + 1} ('${text}') comes after the run has ended`);
      try {
        decide(run, parseDecision(text));
      } catch (error) {
        if (error instanceof DecisionError) throw new InputError(`decision ${i + 1}: ${error.message}`);
        throw error;
      }
    }
  } else {
    const policy = resolvePolicy(options.policy ?? 'historical', scenario);
    playToEnd(run, policy, policyRandom(run.seed));
    notes.push(...offHistoryNotes(scenario, run, policy));
  }
  return finish(run, options, out, notes);
}

/**
 * A run replayed from its record (a file or a share link), with any stances a class declared in it: the
 * record's own seed, so `--seed` must agree with it or be left at its default.
 */
function replayArgument(scenario: Scenario, argument: string, recordCauses: boolean): Replayed {
  const read = readRecordArgument(argument);
  if (!read.ok) throw new InputError(`--from: ${read.error}`);
  const replayed = replay(scenario, read.value, { recordCauses });
  if (!replayed.ok) throw new InputError(`--from: ${replayed.error}`);
  return replayed.value;
}

function finish(run: Run, options: RunOptions, out: Output, notes: string[]): number {
  if (options.record) writeOutputFile('--record', options.record, `${JSON.stringify(recordOf(run), null, 2)}\n`);
  if (options.json) {
    const summary = summarize(run);
    out.data(JSON.stringify({ ...summary, ending: summary.ending || null, next: run.world.development }, null, 2));
  } else {
    for (const line of runAccount(run)) out.data(line);
  }
  for (const note of notes) out.message(note);
  return EXIT.ok;
}

/** History cannot choose where it never went: where the path left it, and how the choice was made there. */
function offHistoryNotes(scenario: Scenario, run: Run, policy: Policy): string[] {
  if (policy.name !== 'historical' && policy.plan === undefined) return [];
  const planned = (d: { development: string }) => policy.plan !== undefined && Object.hasOwn(policy.plan, d.development);
  return run.world.decisions
    .filter((d) => !planned(d) && offHistory(scenario, d.development))
    .map((d) => `note: history never reached ${d.development}; '${d.option}' was drawn at random among the options that could pass`);
}
