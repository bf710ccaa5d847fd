/**
 * The World: everything that changes during a run, as plain data. It is small on purpose (six to
 * nine members, a few alliance values) so it can be copied, hashed and explained cheaply.
 */

import type { CouncilDeclarations } from './declared.ts';

export const MEMBER_CODES = ['RU', 'BY', 'AM', 'KZ', 'KG', 'TJ', 'UZ', 'AZ', 'GE'] as const;
export type MemberCode = (typeof MEMBER_CODES)[number];

export const MEMBER_FIELDS = ['loyalty', 'publicSupport', 'hedging', 'ties'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const ALLIANCE_FIELDS = ['credibility', 'moscowBandwidth'] as const;
export type AllianceField = (typeof ALLIANCE_FIELDS)[number];

export const STATUSES = ['member', 'suspended', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Every value of the model lives on a 0-100 scale. */
export const VALUE_MIN = 0;
export const VALUE_MAX = 100;

export interface MemberState {
  loyalty: number;
  publicSupport: number;
  hedging: number;
  /** What holds the member in (cheap arms, officer training, bases, migrant work, the EAEU market): resists exit. */
  ties: number;
  status: Status;
}

export interface Decision {
  development: string;
  option: string;
  /** Moscow spent leverage to turn objections into acceptance, at a later price. */
  leverage: boolean;
  /** The stances the class's teams declared at this Council, by option: absent when nobody declared. */
  declared?: CouncilDeclarations;
}

export interface ReactionEvent {
  member: string;
  reaction: string;
  development: string;
  turn: number;
}

/** A price of leverage that falls due some months later, and at the latest when the run ends. */
export interface Debt {
  member: string;
  loyalty: number;
  /** On the calendar of World.month. */
  dueMonth: number;
  development: string;
}

/** One point of a run's trajectory, taken after each aftermath: what the charts draw. */
export interface Waypoint {
  turn: number;
  development: string;
  cohesion: number;
  credibility: number;
  moscowBandwidth: number;
  loyalty: Record<string, number>;
}

export type CauseKind = 'setup' | 'development' | 'option' | 'reaction' | 'drift' | 'leverage' | 'debt';

export interface Cause {
  kind: CauseKind;
  /** The development, option or reaction the change belongs to. */
  id: string;
  /** The rule (effect id) within it. */
  rule: string;
  why: string;
  source?: string;
  assumption?: boolean;
  member?: string;
  /** Sequence numbers of the changes that made this rule fire (for reactions and drift). */
  triggeredBy?: number[];
}

export interface Change {
  seq: number;
  turn: number;
  development: string;
  target: string;
  before: number | string;
  after: number | string;
  cause: Cause;
}

export interface World {
  turn: number;
  /** Where the run stands on the calendar, in months since the year 0: the date of the development being played. */
  month: number;
  /** The development being played, or null once the run has ended. */
  development: string | null;
  members: Record<string, MemberState>;
  credibility: number;
  moscowBandwidth: number;
  vars: Record<string, number>;
  /**
   * Tallies are Maps, not objects: each run adds its keys in its own order, and objects built that way
   * multiply hidden classes until every write is a slow lookup (measured: a tenth of a batch run).
   */
  chosen: Map<string, number>;
  visited: Map<string, number>;
  /** `${member}:${reaction}` -> how many times. */
  reacted: Map<string, number>;
  reactions: ReactionEvent[];
  decisions: Decision[];
  debts: Debt[];
  ending: string | null;
  /** Values at the start of the run, keyed like `AM.loyalty`, for `initial()` in conditions. */
  initial: Record<string, number>;
  trajectory: Waypoint[];
  /** Every change with its cause, or null when a batch run does not record causes. */
  changes: Change[] | null;
}

/** A member's place in MEMBER_CODES: fixed for every scenario and campaign, so compiled rules can keep it. */
export function memberSlot(code: string): number {
  return (MEMBER_CODES as readonly string[]).indexOf(code);
}

export function isMemberField(field: string): field is MemberField {
  return MEMBER_FIELDS.some((f) => f === field);
}

/**
 * The member in a slot, by a named read for each code. The engine's hot loops look members up by a
 * code that varies, and `world.members[code]` is then a megamorphic keyed read (measured 6-10 ns on
 * Node 20, against under 2 ns for these reads, which V8 keeps monomorphic per scenario). The cases
 * follow MEMBER_CODES' order (tests/engine/member-slots.test.ts holds them to it). Every slot the
 * engine keeps is a member of the run's scenario, so one the World lacks is a fault, and throws.
 */
export function memberAt(world: World, slot: number): MemberState {
  const m = world.members;
  let found: MemberState | undefined;
  switch (slot) {
    case 0:
      found = m.RU;
      break;
    case 1:
      found = m.BY;
      break;
    case 2:
      found = m.AM;
      break;
    case 3:
      found = m.KZ;
      break;
    case 4:
      found = m.KG;
      break;
    case 5:
      found = m.TJ;
      break;
    case 6:
      found = m.UZ;
      break;
    case 7:
      found = m.AZ;
      break;
    case 8:
      found = m.GE;
      break;
  }
  if (found === undefined) throw new Error(`no member in slot ${slot} (${MEMBER_CODES[slot] ?? 'none'}) in this run`);
  return found;
}

/** A record of one number per member, every key present (0) in this order: a template to copy (see writeAtSlot). */
export function keyedRecord(codes: readonly string[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const code of codes) record[code] = 0;
  return record;
}

/**
 * Writes a member's number into a record of one per member by a named store for each slot, as memberAt
 * reads: into a record that already has the key (a copy of keyedRecord's template), the store neither
 * adds a key nor looks one up by a name that varies, either of which costs several times as much.
 */
export function writeAtSlot(record: Record<string, number>, slot: number, value: number): void {
  switch (slot) {
    case 0:
      record.RU = value;
      return;
    case 1:
      record.BY = value;
      return;
    case 2:
      record.AM = value;
      return;
    case 3:
      record.KZ = value;
      return;
    case 4:
      record.KG = value;
      return;
    case 5:
      record.TJ = value;
      return;
    case 6:
      record.UZ = value;
      return;
    case 7:
      record.AZ = value;
      return;
    case 8:
      record.GE = value;
      return;
  }
  throw new Error(`no member in slot ${slot}`);
}

export function clampValue(value: number): number {
  return Math.min(VALUE_MAX, Math.max(VALUE_MIN, value));
}

/** A World at its start: the given members and alliance values, nothing yet decided or recorded. */
export function newWorld(parts: {
  members: Record<string, MemberState>;
  credibility: number;
  moscowBandwidth: number;
  development: string | null;
  vars?: Record<string, number>;
}): World {
  return {
    turn: 0,
    month: 0,
    development: parts.development,
    members: parts.members,
    credibility: parts.credibility,
    moscowBandwidth: parts.moscowBandwidth,
    vars: parts.vars ?? {},
    chosen: new Map(),
    visited: new Map(),
    reacted: new Map(),
    reactions: [],
    decisions: [],
    debts: [],
    ending: null,
    initial: {},
    trajectory: [],
    changes: null,
  };
}

/** A literal copy rather than structuredClone or spread: measured much faster on Node 20. */
export function copyWorld(world: World): World {
  const members: Record<string, MemberState> = {};
  for (const code in world.members) {
    const m = world.members[code];
    if (m === undefined) continue;
    members[code] = { loyalty: m.loyalty, publicSupport: m.publicSupport, hedging: m.hedging, ties: m.ties, status: m.status };
  }
  return {
    turn: world.turn,
    month: world.month,
    development: world.development,
    members,
    credibility: world.credibility,
    moscowBandwidth: world.moscowBandwidth,
    vars: { ...world.vars },
    chosen: copyTally(world.chosen),
    visited: copyTally(world.visited),
    reacted: copyTally(world.reacted),
    reactions: world.reactions.slice(),
    decisions: world.decisions.slice(),
    debts: world.debts.slice(),
    ending: world.ending,
    initial: world.initial,
    trajectory: world.trajectory.slice(),
    changes: world.changes ? world.changes.slice() : null,
  };
}

/** An empty tally is made new rather than copied: `new Map(map)` walks the map through its iterator even when empty, and every run starts from a copy of empty tallies. */
function copyTally(tally: Map<string, number>): Map<string, number> {
  return tally.size === 0 ? new Map() : new Map(tally);
}

export function activeMembers(world: World): string[] {
  const codes: string[] = [];
  for (const code in world.members) if (world.members[code]?.status === 'member') codes.push(code);
  return codes;
}
