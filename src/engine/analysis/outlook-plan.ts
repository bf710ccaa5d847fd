import { Council, choicesOf } from '../play/choices.ts';
import { historicalPolicy } from '../play/policies.ts';
import { replay, type RunRecord } from '../play/record.ts';
import { formatDecision, isOver, parseDecision } from '../play/run.ts';
import { councilView } from '../rules/council.ts';
import { createRandom } from '../core/random.ts';
import type { Scenario } from '../core/scenario.ts';
import { currentDevelopment } from '../core/development.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { optionLabel } from '../core/labels.ts';

/**
 * What "what tends to happen" plays at decision K of a run: every choice the Council had there (each
 * option that passed, and each that passed with Moscow's leverage), each taken and the rest of the run
 * played with the historical choices, over the same seeds. The first arm is the reference the others
 * are measured against: what the run chose, or at a decision not yet taken, the historical option.
 * No DOM here: the page plans, the worker plays.
 */
export const OUTLOOK_RUNS = 1000;

export interface Arm {
  /** As the engine writes decisions: `send_troops` or `send_troops+leverage`. */
  decision: string;
  label: string;
  chosen: boolean;
  historical: boolean;
}

export interface OutlookPlan {
  at: number;
  /** The decision has not been taken yet: the Council is deciding now. */
  pending: boolean;
  development: string;
  /** The reference first. */
  arms: Arm[];
  /** The run's first K-1 decisions then the reference: what the engine's fork() reads. */
  record: RunRecord;
  /** Options on the table that could not be taken there, with why. */
  leftOut: string[];
  runs: number;
  /** Seeds `${seed}-0` to `${seed}-${runs - 1}`: the run's own seed, so the same run gives the same answer. */
  seed: string;
}

export function armLabel(scenario: Scenario, decision: string): string {
  const { option, leverage } = parseDecision(decision);
  const label = optionLabel(scenario, option);
  return leverage ? `${label}, with Moscow's leverage` : label;
}

export function planOutlook(scenario: Scenario, record: RunRecord, at: number, runs = OUTLOOK_RUNS): Result<OutlookPlan> {
  const taken = record.decisions.length;
  if (!Number.isInteger(at) || at < 1 || at > taken + 1) return fail(`this run has no decision ${at}: it has taken ${taken}`);
  const prefix = replay(scenario, record, { upTo: at - 1, recordCauses: false });
  if (!prefix.ok) return prefix;
  const base = prefix.value.run;
  if (isOver(base)) return fail(`this run ended after decision ${taken}: there is no decision ${at}`);
  const current = currentDevelopment(scenario, base.world);
  const development = current.id;
  const views = councilView(scenario, base.world, current, true);
  const choices = choicesOf(base, views);
  const pending = at === taken + 1;
  // The historical policy never draws from its stream; it is given one because every policy is.
  const reference = pending ? formatDecision(historicalPolicy.choose(base, new Council(base, views), createRandom(record.seed))) : record.decisions[at - 1];
  if (reference === undefined) return fail(`this run has no decision ${at}: it has taken ${taken}`);
  const decisions = [reference, ...choices.map(formatDecision).filter((d) => d !== reference)];
  const arms = decisions.map((decision) => {
    const { option } = parseDecision(decision);
    return {
      decision,
      label: armLabel(scenario, decision),
      chosen: !pending && decision === reference,
      historical: current.options.find((o) => o.id === option)?.historical ?? false,
    };
  });
  const leftOut = views
    .filter((v) => !v.passable && !v.leverage.possible)
    .map((v) => `${v.option.label} (${v.available ? `blocked by ${v.vetoedBy.map((c) => scenario.names[c]).join(', ')}` : 'not on the table then'})`);
  return ok({
    at,
    pending,
    development,
    arms,
    record: { ...record, decisions: [...record.decisions.slice(0, at - 1), reference] },
    leftOut,
    runs,
    seed: record.seed,
  });
}
