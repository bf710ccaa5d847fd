import type { AllianceField, MemberCode, MemberField, Status, World } from './world.ts';

/**
 * A scenario after checking: every reference resolved, every expression compiled to a closure.
 * Code past the loader trusts it (parse, don't validate).
 */

export type Condition = (world: World) => boolean;
export type Amount = (world: World) => number;

export interface Provenance {
  source?: string;
  assumption?: boolean;
}

/** What an effect changes, resolved by the loader: which member or value, and the bounds it is kept in. */
export type Target = MemberTarget | StatusTarget | AllianceTarget | VariableTarget;

interface TargetBase {
  /** As explanations name it: `AM.loyalty`, `credibility`, `weeks_deployed`, `AM.status`. */
  key: string;
  min: number;
  max: number;
}

export interface MemberTarget extends TargetBase {
  kind: 'member';
  member: MemberCode;
  /** The member's slot (see memberSlot): found once, read on every change. */
  slot: number;
  field: MemberField;
  /** Where the value lives in World.values (see valueIndex). */
  index: number;
}

export interface StatusTarget extends TargetBase {
  kind: 'status';
  member: MemberCode;
  slot: number;
  field: 'status';
}

/** Targets of no member say so, so code reading `member` or `slot` of any target learns there is none. */
export interface AllianceTarget extends TargetBase {
  kind: 'alliance';
  field: AllianceField;
  member?: undefined;
  slot?: undefined;
}

export interface VariableTarget extends TargetBase {
  kind: 'variable';
  /** The variable's id. */
  field: string;
  member?: undefined;
  slot?: undefined;
}

export interface Effect extends Provenance {
  id: string;
  target: Target;
  mode: 'add' | 'set';
  amount: Amount;
  status: Status | null;
  spread: number;
  chance: number | null;
  when: Condition | null;
  why: string;
  /** Values the effect's condition and amount read, so its firing can be traced to their changes. */
  reads: string[];
}

export interface Stance extends Provenance {
  interest: number;
  reason: string;
}

export interface Branch {
  when: Condition | null;
  chance: number | null;
  goto: string;
}

export interface Option extends Provenance {
  id: string;
  label: string;
  description: string;
  historical: boolean;
  consensus: boolean;
  intervention: number;
  confrontsAdversary: number;
  russianEffort: number;
  requires: Condition | null;
  /** The adversary of the crisis this option belongs to (chapters of a campaign differ). */
  adversary: { name: string; backers: Record<string, string> } | null;
  stances: Record<string, Stance>;
  effects: Effect[];
  next: Branch[];
}

export interface Quote {
  text: string;
  who: string;
  source: string;
}

/** A sentence the briefing adds where the run so far makes it true. */
export interface Recall {
  when: Condition;
  text: string;
  /** Written in a campaign of an earlier chapter, rather than in the development's own scenario of its own crisis. */
  fromCampaign: boolean;
}

export interface Development {
  id: string;
  title: string;
  date: string;
  /** Months since the year 0 (a day is a thirtieth of a month), for drift and debts; null when undated. */
  month: number | null;
  place: string;
  location: string | null;
  briefing: string;
  recalls: Recall[];
  quotes: Quote[];
  effects: Effect[];
  history: string;
  /** What takes place at this development (an exercise, a summit), for reactions that need one. */
  occasions: string[];
  options: Option[];
}

/** A standing or scenario reaction, bound to one member. */
export interface Reaction extends Provenance {
  id: string;
  label: string;
  kind: string;
  member: MemberCode;
  /** Fires only at a development with this occasion, when set. */
  occasion: string | null;
  when: Condition;
  reads: string[];
  chance: number;
  once: boolean;
  effects: Effect[];
}

export interface Ending {
  id: string;
  title: string;
  tone: 'holds' | 'hollows' | 'breaks';
  when: Condition | null;
  text: string;
}

export interface Expectation extends Provenance {
  id: string;
  text: string;
  when: Condition;
}

export interface Leader {
  name: string;
  title: string;
}

/** A leader's years in office, both included, from the standing rules. */
export interface LeaderTerm extends Leader {
  from: number;
  to: number;
}

/** What a member's card shows beyond its values: its leaders through the years, and what it wants. */
export interface MemberFace {
  terms: LeaderTerm[];
  /** One line for the player; null where the standing rules say nothing of it. */
  wants: ({ text: string } & Provenance) | null;
}

export interface Parameters {
  cohesion: { loyaltyMean: number; loyaltySpread: number; credibility: number; absence: number };
  stance: { loyalty: number; precedent: number; adversary: number; bandwidth: number; supports: number; accepts: number; objects: number; overruled: number };
  leverage: { reach: number; bandwidthCost: number; loyaltyCost: number; dueMonths: number };
}

export interface Chapter {
  scenario: string;
  title: string;
  start: string;
}

export interface Scenario {
  kind: 'scenario' | 'campaign';
  id: string;
  title: string;
  era: number;
  premise: string;
  /** The player's objective in one sentence: shown on the Choose screen, the briefing and the debrief. */
  objective: string;
  length: string;
  members: MemberCode[];
  names: Record<string, string>;
  /** Each member's leader in the era's year, as the run starts. */
  leaders: Record<string, Leader>;
  faces: Record<string, MemberFace>;
  sources: string[];
  adversary: { name: string; backers: Record<string, string> } | null;
  precedentFear: Record<string, number>;
  params: Parameters;
  /** `good`: which way is good for the alliance, as the author reads the endings; absent for a fact that is neither. */
  variables: { id: string; label: string; initial: number; min: number; max: number; good?: 'up' | 'down' }[];
  start: string;
  developments: Record<string, Development>;
  /** Development ids in file order. */
  order: string[];
  setup: Effect[];
  /** Standing drift rules, per month: bound to each member, or to the alliance once. */
  drift: Effect[];
  reactions: Reaction[];
  endings: Ending[];
  expectations: Expectation[];
  debrief: { summary: string; questions: string[] };
  /** The World before setup effects: era baselines. */
  baseline: World;
  /** Hash of the scenario and rules texts: a run record names it so a changed scenario is noticed. */
  contentHash: string;
  maxTurns: number;
  /** For a campaign, its chapters in order; empty for a single scenario. */
  chapters: Chapter[];
  /** What play and the page read of the standing rules: the source files, and where the Council's prices come from. */
  rules: RulesProvenance;
}

/** The parts of rules.yaml a run names as the authority for its costs, and the source list the page cites. */
export interface RulesProvenance {
  sources: { file: string; title: string }[];
  leverage: { bandwidthCost: Provenance; loyaltyCost: Provenance };
  stance: { overruled: Provenance };
}
