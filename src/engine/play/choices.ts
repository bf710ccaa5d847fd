import { currentDevelopment } from '../core/development.ts';
import type { Development, Option } from '../core/scenario.ts';
import { councilView, optionView, type OptionView } from '../rules/council.ts';
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

/**
 * The Council at the run's current development, as a policy meets it. Each option's view is made
 * when first asked for: a policy that names its option (history, a plan) looks at that one alone,
 * and in batch runs the views of options no policy looked at were a fifth of the time. Views are
 * pure, so when they are made changes nothing in the run.
 */
export class Council {
  readonly development: Development;
  private readonly views: (OptionView | undefined)[];
  private all: Choice[] | null = null;

  /** `views` when the caller has made them all already; `detail` false for batch runs (no reasons or factors). */
  constructor(
    private readonly run: Run,
    views?: OptionView[],
    private readonly detail = true,
  ) {
    this.development = currentDevelopment(run.scenario, run.world);
    this.views = views ?? new Array<OptionView | undefined>(this.development.options.length);
  }

  /** Every choice, in the order of choicesOf. */
  choices(): Choice[] {
    if (this.all === null) {
      const views: OptionView[] = [];
      for (let i = 0; i < this.development.options.length; i++) views.push(this.viewAt(i));
      this.all = choicesOf(this.run, views);
    }
    return this.all;
  }

  /** The view of one of this development's options. */
  view(option: Option): OptionView {
    return this.viewAt(this.indexOf(option.id));
  }

  /** This option's choice, with leverage or without, when it can be taken; undefined otherwise. */
  choice(option: string, leverage: boolean): Choice | undefined {
    const index = this.indexOf(option);
    if (index < 0) return undefined;
    const view = this.viewAt(index);
    return (leverage ? view.leverage.possible : view.passable) ? { option, leverage, view } : undefined;
  }

  /** The option's choice as asked, else the other way (leverage or not) when only that can be taken. */
  choiceEitherWay(option: string, leverage: boolean): Choice | undefined {
    return this.choice(option, leverage) ?? this.choice(option, !leverage);
  }

  private indexOf(option: string): number {
    const options = this.development.options;
    for (let i = 0; i < options.length; i++) if (options[i]?.id === option) return i;
    return -1;
  }

  private viewAt(index: number): OptionView {
    let view = this.views[index];
    if (view === undefined) {
      const option = this.development.options[index];
      if (option === undefined) throw new Error(`${this.development.id} has no option ${index + 1}`);
      view = optionView(this.run.scenario, this.run.world, option, this.detail);
      this.views[index] = view;
    }
    return view;
  }
}

/** The choice at `index`: the loader guarantees a way out at every development, so a missing one is a fault. */
export function choiceAt(choices: Choice[], index: number): Choice {
  const choice = choices[index];
  if (choice === undefined) throw new Error(`there is no choice ${index + 1} of ${choices.length} here`);
  return choice;
}
