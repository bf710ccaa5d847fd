import type { Scenario } from '../core/scenario.ts';
import type { MemberStance, OptionView } from './council.ts';

/**
 * A stance in the numbers that decide it, for people outside the browser: the member's score, the
 * lines it is measured against (from the rules' `stance` thresholds) and how far Moscow's leverage
 * reaches (`leverage.reach` below the line of acceptance). The Council screen shows the same factors.
 */
export interface StanceNumbers {
  member: string;
  stance: MemberStance['stance'];
  score: number;
  /** A score below this vetoes (the rules' `objects` threshold). */
  vetoBelow: number;
  /** A score at or above this accepts. */
  acceptsFrom: number;
  /** The lowest score leverage can buy into acceptance; null for Russia, which leverage never moves. */
  leverageReaches: number | null;
  buyable: boolean;
  factors: MemberStance['factors'];
}

export function stanceNumbers(scenario: Scenario, stance: MemberStance): StanceNumbers {
  const t = scenario.params.stance;
  return {
    member: stance.member,
    stance: stance.stance,
    score: stance.score,
    vetoBelow: t.objects,
    acceptsFrom: t.accepts,
    leverageReaches: stance.member === 'RU' ? null : t.accepts - scenario.params.leverage.reach,
    buyable: stance.buyable,
    factors: stance.factors,
  };
}

/** "Kazakhstan scores -42 (sides with Azerbaijan -60, ...): a veto below -30; leverage reaches -35, 7 short". */
export function describeStanceNumbers(scenario: Scenario, n: StanceNumbers): string {
  const name = scenario.names[n.member] ?? n.member;
  const factors = n.factors.length ? ` (${n.factors.map((f) => `${f.label} ${signed(f.points)}`).join(', ')})` : '';
  return `${name} scores ${signed(n.score)}${factors}: ${lineText(n)}; ${leverageText(n)}`;
}

/** Why an option's vetoes hold, member by member, or an empty list when nobody vetoes it. */
export function vetoNumbers(scenario: Scenario, view: OptionView): string[] {
  return view.stances.filter((s) => view.vetoedBy.includes(s.member)).map((s) => describeStanceNumbers(scenario, stanceNumbers(scenario, s)));
}

function lineText(n: StanceNumbers): string {
  if (n.score < n.vetoBelow) return `a veto below ${signed(n.vetoBelow)}`;
  if (n.score < n.acceptsFrom) return `an objection from ${signed(n.vetoBelow)} to ${signed(n.acceptsFrom)}`;
  return `acceptance from ${signed(n.acceptsFrom)}`;
}

function leverageText(n: StanceNumbers): string {
  if (n.leverageReaches === null) return "Moscow's leverage never moves Russia";
  if (n.score >= n.acceptsFrom) return 'no leverage needed';
  if (n.score >= n.leverageReaches) return `leverage reaches ${signed(n.leverageReaches)}, so it can buy this`;
  return `leverage reaches ${signed(n.leverageReaches)}, ${round(n.leverageReaches - n.score)} short`;
}

function signed(x: number): string {
  const r = round(x);
  return r > 0 ? `+${r}` : `${r}`;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
