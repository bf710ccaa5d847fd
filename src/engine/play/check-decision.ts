import { canChoose, optionView, type OptionView } from '../rules/council.ts';
import { vetoNumbers } from '../rules/stance-numbers.ts';
import { currentDevelopment } from '../core/development.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Scenario } from '../core/scenario.ts';
import type { World } from '../core/world.ts';
import type { CouncilDeclarations } from '../core/declared.ts';

/** What the Council is asked to do: an option, with or without Moscow's leverage, and what the class's teams declared. */
export interface Choice {
  option: string;
  leverage: boolean;
  declared?: CouncilDeclarations;
}

/**
 * Whether the Council can take a decision on this world: the run is on, the option is on the table at
 * this development, and it passes as it stands or with leverage, as asked. The answer is the option's
 * view of this world, which resolution goes on to use, or why the decision cannot be taken. The turn
 * machine's guard and resolution ask the same question, so a decision the guard lets through resolves.
 * `view` is the option's view of this very world when the caller has just computed it (batch runs); a choice
 * with declared stances on its option is always viewed afresh, with them.
 */
export function checkDecision(scenario: Scenario, world: World, choice: Choice, view?: OptionView): Result<OptionView> {
  if (world.development === null) return fail('the run has ended');
  const declared = choice.declared?.[choice.option];
  if (view === undefined || view.option.id !== choice.option || declared !== undefined) {
    const development = currentDevelopment(scenario, world);
    const option = development.options.find((o) => o.id === choice.option);
    if (!option) return fail(`'${choice.option}' is not an option at ${development.id} (options: ${development.options.map((o) => o.id).join(', ')})`);
    view = optionView(scenario, world, option, false, declared);
  }
  if (!canChoose(view, choice.leverage)) {
    const why = !view.available
      ? 'it is not on the table now'
      : choice.leverage
        ? 'leverage cannot carry it'
        : `vetoed by ${view.vetoedBy.map((c) => scenario.names[c]).join(', ')} (${vetoReasons(scenario, view)})`;
    return fail(`'${choice.option}' cannot be chosen at ${world.development}: ${why}`);
  }
  return ok(view);
}

/** A declared veto is the team's to explain; a computed one is explained by its numbers. */
function vetoReasons(scenario: Scenario, view: OptionView): string {
  const numbers = vetoNumbers(scenario, view);
  return view.stances
    .filter((s) => view.vetoedBy.includes(s.member))
    .map((s, i) => (s.declared ? `${scenario.names[s.member]}'s team declared a veto` : numbers[i]))
    .join('; ');
}
