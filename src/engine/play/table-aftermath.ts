import type { Scenario } from '../core/scenario.ts';
import { copyWorld, type World } from '../core/world.ts';
import type { TableState } from './class-table.ts';
import { replay } from './record.ts';
import { applyReactions, parseDecision, resolveDecision, type Run, settleAftermath } from './run.ts';

/** A table's last decision as its aftermath shows it: the World the Council met in, and the run just after the decision. */
export interface TableAftermath {
  before: World;
  /** The run after the decision's aftermath, before the next development arrives (its own effects are not the decision's). */
  run: Run;
}

/**
 * The aftermath of a table's last decision, rebuilt from its record: replayed to the Council, then the
 * decision taken again through the same steps as `decide` short of the arrival of what follows, so "What
 * changed" and "Why" are the decision's own. Null when the table has taken no decision.
 */
export function tableAftermath(scenario: Scenario, table: TableState): TableAftermath | null {
  const { record } = table;
  const n = record.decisions.length;
  const last = record.decisions[n - 1];
  if (last === undefined) return null;
  const replayed = replay(scenario, record, { recordCauses: true, upTo: n - 1 });
  if (!replayed.ok) throw new Error(`a table's record no longer replays: ${replayed.error}`);
  const run = replayed.value.run;
  const before = copyWorld(run.world);
  const declared = record.declared?.[n - 1];
  resolveDecision(run, declared ? { ...parseDecision(last), declared } : parseDecision(last));
  applyReactions(run);
  settleAftermath(run);
  return { before, run };
}
