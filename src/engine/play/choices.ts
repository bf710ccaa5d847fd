import { councilView, type OptionView } from '../rules/council.ts';
import type { Run } from './run.ts';

export interface Choice {
  option: string;
  leverage: boolean;
  view: OptionView;
}

/**
 * What the Council can do now: every option that passes as it stands, and every option that passes
 * with Moscow's leverage (as a separate choice, since it has a price).
 */
export function choicesOf(run: Run, views: OptionView[] = councilView(run.scenario, run.world)): Choice[] {
  const choices: Choice[] = [];
  for (const view of views) {
    if (view.passable) choices.push({ option: view.option.id, leverage: false, view });
    if (view.leverage.possible) choices.push({ option: view.option.id, leverage: true, view });
  }
  return choices;
}

/** The choice at `index`: the loader guarantees a way out at every development, so a missing one is a fault. */
export function choiceAt(choices: Choice[], index: number): Choice {
  const choice = choices[index];
  if (choice === undefined) throw new Error(`there is no choice ${index + 1} of ${choices.length} here`);
  return choice;
}
