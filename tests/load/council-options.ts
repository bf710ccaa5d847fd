import { currentDevelopment } from '../../src/engine/core/development.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { optionView } from '../../src/engine/rules/council.ts';
import { checkDecision } from '../../src/engine/play/check-decision.ts';
import { tableRun, type TableState } from '../../src/engine/play/class-table.ts';

/**
 * What a table's screens read from the engine at the Council, as the page does from the table's record:
 * the options on the table, and which of them the chair can choose with what has been declared.
 */
export function optionsOnTable(scenario: Scenario, state: TableState): string[] {
  const world = tableRun(scenario, state, false).world;
  return currentDevelopment(scenario, world)
    .options.filter((o) => optionView(scenario, world, o, false).available)
    .map((o) => o.id);
}

export function choosableOptions(scenario: Scenario, state: TableState): string[] {
  const world = tableRun(scenario, state, false).world;
  return optionsOnTable(scenario, state).filter((option) => checkDecision(scenario, world, { option, leverage: false, declared: state.drafts }).ok);
}
