import type { Development, Option, Scenario, Stance } from '../core/scenario.ts';
import { currentDevelopment } from '../core/development.ts';
import { loyaltyAt, memberSlot, statusAt, type World } from '../core/world.ts';

/**
 * Where each member stands on an option, computed from data: its own interest in this crisis (from the
 * scenario), its loyalty, its fear of the precedent of intervention (mechanism 3 in history/crises.md),
 * whether it sides with the adversary (mechanism 5), and, for Russia, whether it has the bandwidth
 * (mechanism 10). The Council decides by consensus where the option needs it: one veto blocks.
 *
 * Russia is the patron, not a seventh vote: its stance comes from its interest and its means, never from
 * its loyalty to an alliance it leads, and an option that needs Russian forces, money or arms
 * (russianEffort) cannot pass over Russia's objection, consensus or not. Moscow's leverage is Russia's
 * own, so it never buys Russia.
 */

import type { Declaration, Declarations, CouncilDeclarations, StanceKind } from '../core/declared.ts';

export type { StanceKind };

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
  /** A team holding this member declared its stance: `stance` is theirs, `computed` the model's own (its advice). */
  declared?: true;
  computed?: StanceKind;
  /** The team's sentence of argument, when it gave one. */
  argument?: string;
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
  const m = world.members[member];
  if (m === undefined) throw new Error(`${member} is not a member in this run of ${scenario.id}`);
  return stanceOf(scenario, world, option, member, m.loyalty, seatOf(scenario, option, member), detail);
}

function stanceOf(
  scenario: Scenario,
  world: World,
  option: Option,
  member: string,
  loyalty: number,
  seat: Seat,
  detail: boolean,
  declaration?: Declaration,
): MemberStance {
  const w = scenario.params.stance;
  const factors: Factor[] = detail ? [] : NO_FACTORS;
  const authored = seat.authored;
  let score = 0;
  if (authored && authored.interest !== 0) {
    score += authored.interest;
    if (detail) factors.push({ label: 'its interest in this crisis', points: authored.interest });
  }
  const loyaltyPoints = seat.russia ? 0 : w.loyalty * (loyalty - 50);
  let fromLoyalty = 0;
  if (Math.abs(loyaltyPoints) >= 0.5) {
    score += loyaltyPoints;
    fromLoyalty = loyaltyPoints;
    if (detail) factors.push({ label: loyaltyPoints > 0 ? 'loyal to the alliance' : 'disaffected with the alliance', points: loyaltyPoints });
  }
  if (seat.precedent !== null) {
    score += seat.precedent;
    if (detail) factors.push({ label: 'fears the precedent of intervention', points: seat.precedent });
  }
  if (seat.adversary !== null) {
    score += seat.adversary;
    if (detail) factors.push({ label: `sides with ${option.adversary?.name ?? 'the adversary'}`, points: seat.adversary });
  }
  if (seat.russia && option.russianEffort > 0) {
    const p = -w.bandwidth * (100 - world.moscowBandwidth) * option.russianEffort;
    if (p <= -0.5) {
      score += p;
      if (detail)
        factors.push({
          label: world.moscowBandwidth < 50 ? 'distracted: little bandwidth to spare' : "weighs the effort against Moscow's bandwidth",
          points: p,
        });
    }
  }
  const computed = russiaCarries(seat, option, classify(score, w));
  const stance = declaration ? russiaCarries(seat, option, declaration.stance) : computed;
  let reason = '';
  if (detail) {
    reason = authored?.reason ?? '';
    if (!reason) {
      const strongest = factors.slice().sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0];
      reason = strongest ? `${scenario.names[member]} ${strongest.label}.` : 'No stake either way.';
    }
  }
  // Leverage reaches a declared objection as it reaches a computed one: by how far the member's own
  // interests are from accepting, which is the model's to judge, not the team's.
  const buyable = (stance === 'objects' || stance === 'vetoes') && !seat.russia && score >= w.accepts - scenario.params.leverage.reach;
  const found: MemberStance = { member, stance, score, stake: score - fromLoyalty, reason, factors, buyable };
  if (declaration) {
    found.declared = true;
    found.computed = computed;
    if (declaration.argument) found.argument = declaration.argument;
  }
  return found;
}

/** Russia objecting to what it would have to carry out is a veto: nobody else can supply the forces. */
function russiaCarries(seat: Seat, option: Option, stance: StanceKind): StanceKind {
  return seat.russia && option.russianEffort > 0 && stance === 'objects' ? 'vetoes' : stance;
}

/** Factors are for people: a batch run's stances all share this one, never written to. */
const NO_FACTORS: Factor[] = Object.freeze([]) as unknown as Factor[];

/**
 * What a member's stance on an option owes to the option alone (its authored interest, its fear of the
 * precedent, its siding with the adversary): the same at every view, so found once per option and kept
 * with the member's slot (see memberSlot). Looking these up by name on every view was a large share of a
 * batch run's time. Each term is computed as it always was and added in the same order.
 */
interface Seat {
  member: string;
  slot: number;
  russia: boolean;
  authored: Stance | undefined;
  /** Null where the term does not apply. */
  precedent: number | null;
  adversary: number | null;
}
const seatsOf = new WeakMap<Option, { scenario: Scenario; seats: Seat[] }>();

function seats(scenario: Scenario, option: Option): Seat[] {
  let found = seatsOf.get(option);
  if (found === undefined || found.scenario !== scenario) {
    found = { scenario, seats: scenario.members.map((code) => seatOf(scenario, option, code)) };
    seatsOf.set(option, found);
  }
  return found.seats;
}

function seatOf(scenario: Scenario, option: Option, member: string): Seat {
  const w = scenario.params.stance;
  const precedent = option.intervention > 0 ? -w.precedent * (scenario.precedentFear[member] ?? 0) * option.intervention : 0;
  const backs = option.confrontsAdversary > 0 && option.adversary !== null && option.adversary.backers[member];
  return {
    member,
    slot: memberSlot(member),
    russia: member === 'RU',
    authored: option.stances[member],
    precedent: precedent <= -0.5 ? precedent : null,
    adversary: backs ? -w.adversary * option.confrontsAdversary : null,
  };
}

/**
 * `detail` as for memberStance: false for batch runs, which never show reasons. `declared`: the stances the
 * class's teams declared on this option, which replace the computed ones of the members they hold.
 */
export function optionView(scenario: Scenario, world: World, option: Option, detail = true, declared?: Declarations): OptionView {
  const available = option.requires ? option.requires(world) : true;
  const stances: MemberStance[] = [];
  const vetoedBy: string[] = [];
  const buys: string[] = [];
  let unbuyableVeto = false;
  for (const seat of seats(scenario, option)) {
    const code = seat.member;
    if (statusAt(world, seat.slot) !== 'member') continue;
    const s = stanceOf(scenario, world, option, code, loyaltyAt(world, seat.slot), seat, detail, declared?.[code]);
    stances.push(s);
    if (s.buyable) buys.push(code);
    if ((option.consensus || (seat.russia && option.russianEffort > 0)) && s.stance === 'vetoes') {
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

export function councilView(
  scenario: Scenario,
  world: World,
  development: Development = currentDevelopment(scenario, world),
  detail = true,
  declared?: CouncilDeclarations,
): OptionView[] {
  const views: OptionView[] = [];
  for (const o of development.options) views.push(optionView(scenario, world, o, detail, declared?.[o.id]));
  return views;
}

/** Whether a decision can be taken as asked: the option passes, or leverage makes it pass. */
export function canChoose(view: OptionView, leverage: boolean): boolean {
  return leverage ? view.leverage.possible : view.passable;
}

/** A member's stance on an option from its own interests alone: what it brings to the table before loyalty or Moscow's means move it. */
export interface OwnStance {
  member: string;
  stance: StanceKind;
  score: number;
  reason: string;
}

/**
 * Where a member stands on an option by its own interests: its authored interest in this crisis, its fear of
 * the precedent and its siding with the adversary, classified by the Council's thresholds. Its loyalty (which
 * changes in play) and Russia's bandwidth are left out: a role card tells a team what its member wants, not how
 * the run has moved it.
 */
export function ownStance(scenario: Scenario, option: Option, member: string): OwnStance {
  const seat = seatOf(scenario, option, member);
  const terms: Factor[] = [];
  if (seat.authored && seat.authored.interest !== 0) terms.push({ label: 'its interest in this crisis', points: seat.authored.interest });
  if (seat.precedent !== null) terms.push({ label: 'fears the precedent of intervention', points: seat.precedent });
  if (seat.adversary !== null) terms.push({ label: `sides with ${option.adversary?.name ?? 'the adversary'}`, points: seat.adversary });
  const score = terms.reduce((sum, t) => sum + t.points, 0);
  const stance = russiaCarries(seat, option, classify(score, scenario.params.stance));
  const strongest = terms.slice().sort((a, b) => Math.abs(b.points) - Math.abs(a.points))[0];
  const reason = seat.authored?.reason || (strongest ? `${scenario.names[member] ?? member} ${strongest.label}.` : 'No stake either way.');
  return { member, stance, score, reason };
}
