import type { Development, Option, Scenario, Stance } from '../scenario/scenario.ts';
import type { MemberState, World } from './world.ts';

/**
 * Where each member stands on an option, computed from data: its own interest in this crisis (from the
 * scenario), its loyalty, its fear of the precedent of intervention (mechanism 3 in history/crises.md),
 * whether it sides with the adversary (mechanism 5), and, for Russia, whether it has the bandwidth
 * (mechanism 10). The Council decides by consensus where the option needs it: one veto blocks.
 */

export type StanceKind = 'supports' | 'accepts' | 'objects' | 'vetoes';

export interface Factor {
  label: string;
  points: number;
}

export interface MemberStance {
  member: string;
  stance: StanceKind;
  score: number;
  /** The score without general loyalty or disaffection: what the member has at stake in this option itself. */
  stake: number;
  reason: string;
  factors: Factor[];
  /** True when Moscow's leverage would turn an objection or veto into acceptance. */
  buyable: boolean;
}

export interface OptionView {
  option: Option;
  available: boolean;
  stances: MemberStance[];
  vetoedBy: string[];
  /** Can be chosen as it stands. */
  passable: boolean;
  leverage: {
    /** Whether choosing it with leverage is possible (and changes anything). */
    possible: boolean;
    buys: string[];
    bandwidthCost: number;
    loyaltyCostEach: number;
    /** Leverage would make an otherwise blocked option pass. */
    unblocks: boolean;
  };
}

function classify(score: number, t: Scenario['params']['stance']): StanceKind {
  if (score >= t.supports) return 'supports';
  if (score >= t.accepts) return 'accepts';
  if (score >= t.objects) return 'objects';
  return 'vetoes';
}

/**
 * `detail` false skips the factors and the reason, which only people read: batch runs need the
 * stance and score alone, and the score is the same sum, term by term in the same order.
 */
export function memberStance(scenario: Scenario, world: World, option: Option, member: string, detail = true): MemberStance {
  return stanceOf(scenario, world, option, member, world.members[member], option.stances[member], detail);
}

function stanceOf(scenario: Scenario, world: World, option: Option, member: string, m: MemberState, authored: Stance | undefined, detail: boolean): MemberStance {
  const w = scenario.params.stance;
  const factors: Factor[] = [];
  let score = 0;
  if (authored && authored.interest !== 0) {
    score += authored.interest;
    if (detail) factors.push({ label: 'its interest in this crisis', points: authored.interest });
  }
  const loyaltyPoints = w.loyalty * (m.loyalty - 50);
  let fromLoyalty = 0;
  if (Math.abs(loyaltyPoints) >= 0.5) {
    score += loyaltyPoints;
    fromLoyalty = loyaltyPoints;
    if (detail) factors.push({ label: loyaltyPoints > 0 ? 'loyal to the alliance' : 'disaffected with the alliance', points: loyaltyPoints });
  }
  if (option.intervention > 0) {
    const p = -w.precedent * scenario.precedentFear[member] * option.intervention;
    if (p <= -0.5) {
      score += p;
      if (detail) factors.push({ label: 'fears the precedent of intervention', points: p });
    }
  }
  if (option.confrontsAdversary > 0 && option.adversary !== null && option.adversary.backers[member]) {
    const p = -w.adversary * option.confrontsAdversary;
    score += p;
    if (detail) factors.push({ label: `sides with ${option.adversary.name}`, points: p });
  }
  if (member === 'RU' && option.russianEffort > 0) {
    const p = -w.bandwidth * (100 - world.moscowBandwidth) * option.russianEffort;
    if (p <= -0.5) {
      score += p;
      if (detail) factors.push({ label: world.moscowBandwidth < 50 ? 'distracted: little bandwidth to spare' : "weighs the effort against Moscow's bandwidth", points: p });
    }
  }
  const stance = classify(score, w);
  let reason = '';
  if (detail) {
    reason = authored?.reason ?? '';
    if (!reason) {
      const strongest = factors.slice().sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0];
      reason = strongest ? `${scenario.names[member]} ${strongest.label}.` : 'No stake either way.';
    }
  }
  const buyable = (stance === 'objects' || stance === 'vetoes') && member !== 'RU' && score >= w.accepts - scenario.params.leverage.reach;
  return { member, stance, score, stake: score - fromLoyalty, reason, factors, buyable };
}

/**
 * The option's authored stances in scenario.members order, found once: most options author none or
 * one, and looking each member up by name on every view is a large share of a batch run's time.
 */
const authoredOf = new WeakMap<Option, { members: string[]; stances: (Stance | undefined)[] }>();

function authoredStances(scenario: Scenario, option: Option): (Stance | undefined)[] {
  let found = authoredOf.get(option);
  if (found === undefined || found.members !== scenario.members) {
    found = { members: scenario.members, stances: scenario.members.map((code) => option.stances[code]) };
    authoredOf.set(option, found);
  }
  return found.stances;
}

/** `detail` as for memberStance: false for batch runs, which never show reasons. */
export function optionView(scenario: Scenario, world: World, option: Option, detail = true): OptionView {
  const available = option.requires ? option.requires(world) : true;
  const stances: MemberStance[] = [];
  const vetoedBy: string[] = [];
  const buys: string[] = [];
  let unbuyableVeto = false;
  const authored = authoredStances(scenario, option);
  for (let i = 0; i < scenario.members.length; i++) {
    const code = scenario.members[i];
    const m = world.members[code];
    if (m.status !== 'member') continue;
    const s = stanceOf(scenario, world, option, code, m, authored[i], detail);
    stances.push(s);
    if (s.buyable) buys.push(code);
    if (option.consensus && s.stance === 'vetoes') {
      vetoedBy.push(code);
      if (!s.buyable) unbuyableVeto = true;
    }
  }
  const passable = available && vetoedBy.length === 0;
  const lev = scenario.params.leverage;
  const bandwidthCost = lev.bandwidthCost * buys.length;
  const affordable = world.moscowBandwidth >= bandwidthCost;
  const possible = available && buys.length > 0 && affordable && !unbuyableVeto;
  return {
    option,
    available,
    stances,
    vetoedBy,
    passable,
    leverage: { possible, buys, bandwidthCost, loyaltyCostEach: lev.loyaltyCost, unblocks: possible && !passable },
  };
}

export function councilView(scenario: Scenario, world: World, development: Development = scenario.developments[world.development!], detail = true): OptionView[] {
  const views: OptionView[] = [];
  for (const o of development.options) views.push(optionView(scenario, world, o, detail));
  return views;
}

/** Whether a decision can be taken as asked: the option passes, or leverage makes it pass. */
export function canChoose(view: OptionView, leverage: boolean): boolean {
  return leverage ? view.leverage.possible : view.passable;
}
