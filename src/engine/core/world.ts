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
  /**
   * The run's members by code, in the scenario's order: each a face on `values` and `statuses` (see
   * MemberFace). The World makes them when they are first read: the rules read `values` by slot, and a
   * batch run never asks for them. A World is copied with copyWorld, not with a spread or
   * structuredClone, which would leave them behind.
   */
  readonly members: Record<string, MemberState>;
  /** The members' codes in the scenario's order: shared by a World and its copies, never changed. */
  readonly memberCodes: readonly string[];
  /**
   * Every member's numbers, by slot and field: `values[slot * FIELDS_PER_MEMBER + field]`, the field by
   * its place in MEMBER_FIELDS. The rules read and write these directly: an array of doubles (see
   * doubles()) holds its numbers as they are, where a number in an object's field is a separate heap
   * number behind a pointer, made anew with every copied member and read through one more load. Not a
   * Float64Array: one of this size has its store outside the heap, and copying one per run cost more
   * than it saved.
   */
  readonly values: number[];
  /** Every member's status by slot; undefined in a slot the run has no member in. */
  readonly statuses: (Status | undefined)[];
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

/** How many numbers each member has in World.values: one per MEMBER_FIELDS. */
export const FIELDS_PER_MEMBER = MEMBER_FIELDS.length;

/** A field's place among a member's numbers (see World.values). */
export function fieldIndex(field: MemberField): number {
  switch (field) {
    case 'loyalty':
      return 0;
    case 'publicSupport':
      return 1;
    case 'hedging':
      return 2;
    case 'ties':
      return 3;
  }
}

/** Where a member's value lives in World.values. */
export function valueIndex(slot: number, field: MemberField): number {
  return slot * FIELDS_PER_MEMBER + fieldIndex(field);
}

/** The loyalty of the member in a slot (the value the rules read most). */
export function loyaltyAt(world: World, slot: number): number {
  return world.values[slot * FIELDS_PER_MEMBER] as number;
}

/**
 * The status of the member in a slot. Every slot the engine keeps is a member of the run's scenario,
 * so one the World lacks is a fault, and throws.
 */
export function statusAt(world: World, slot: number): Status {
  const status = world.statuses[slot];
  if (status === undefined) throw new Error(`no member in slot ${slot} (${MEMBER_CODES[slot] ?? 'none'}) in this run`);
  return status;
}

/** The member with this code, which the run must have (the scenario's members are in every run of it). */
export function memberIn(world: World, code: string): MemberState {
  const m = world.members[code];
  if (m === undefined) throw new Error(`${code} is not a member in this run`);
  return m;
}

/**
 * A member as the rest of the game reads and writes it (`world.members.AM.loyalty`): a face on the
 * World's arrays, so that it always shows the numbers the rules work on by slot. JSON gives its values.
 */
export class MemberFace implements MemberState {
  constructor(
    private readonly values: number[],
    private readonly statuses: (Status | undefined)[],
    readonly slot: number,
  ) {}

  get loyalty(): number {
    return this.values[this.slot * FIELDS_PER_MEMBER] as number;
  }
  set loyalty(value: number) {
    this.values[this.slot * FIELDS_PER_MEMBER] = value;
  }
  get publicSupport(): number {
    return this.values[this.slot * FIELDS_PER_MEMBER + 1] as number;
  }
  set publicSupport(value: number) {
    this.values[this.slot * FIELDS_PER_MEMBER + 1] = value;
  }
  get hedging(): number {
    return this.values[this.slot * FIELDS_PER_MEMBER + 2] as number;
  }
  set hedging(value: number) {
    this.values[this.slot * FIELDS_PER_MEMBER + 2] = value;
  }
  get ties(): number {
    return this.values[this.slot * FIELDS_PER_MEMBER + 3] as number;
  }
  set ties(value: number) {
    this.values[this.slot * FIELDS_PER_MEMBER + 3] = value;
  }
  get status(): Status {
    return this.statuses[this.slot] as Status;
  }
  set status(status: Status) {
    this.statuses[this.slot] = status;
  }

  toJSON(): MemberState {
    return { loyalty: this.loyalty, publicSupport: this.publicSupport, hedging: this.hedging, ties: this.ties, status: this.status };
  }
}

/** A record of one number per member, every key present (0) in this order: a template to copy (see writeAtSlot). */
export function keyedRecord(codes: readonly string[]): Record<string, number> {
  const record: Record<string, number> = {};
  for (const code of codes) record[code] = 0;
  return record;
}

/**
 * Writes a member's entry into a record of one per member by a named store for each slot, the cases in
 * MEMBER_CODES' order: into a record that already has the key (a copy of a template, or of a record of
 * the same members), the store neither adds a key nor looks one up by a name that varies, either of
 * which costs several times as much.
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

/**
 * An array of this many zeros that V8 keeps as unboxed doubles from the start: one begun with a
 * fraction holds doubles for good (an array's kind of elements only ever widens), so the first
 * fractional value a run writes does not convert the array, and every World's array is of one kind.
 */
function doubles(length: number): number[] {
  const values = [0.5];
  values.length = 0;
  for (let i = 0; i < length; i++) values.push(0);
  return values;
}

/** A World at its start: the given members and alliance values, nothing yet decided or recorded. */
export function newWorld(parts: {
  members: Record<string, MemberState>;
  credibility: number;
  moscowBandwidth: number;
  development: string | null;
  vars?: Record<string, number>;
}): World {
  const values = doubles(MEMBER_CODES.length * FIELDS_PER_MEMBER);
  const statuses: (Status | undefined)[] = MEMBER_CODES.map(() => undefined);
  for (const [code, m] of Object.entries(parts.members)) {
    const slot = memberSlot(code);
    if (slot < 0) throw new Error(`${code} is not a member code (${MEMBER_CODES.join(', ')})`);
    MEMBER_FIELDS.forEach((field, i) => {
      values[slot * FIELDS_PER_MEMBER + i] = m[field];
    });
    statuses[slot] = m.status;
  }
  const world = new WorldState(Object.freeze(Object.keys(parts.members)), values, statuses);
  world.turn = 0;
  world.month = 0;
  world.development = parts.development;
  world.credibility = parts.credibility;
  world.moscowBandwidth = parts.moscowBandwidth;
  world.vars = parts.vars ?? {};
  world.chosen = new Map();
  world.visited = new Map();
  world.reacted = new Map();
  world.reactions = [];
  world.decisions = [];
  world.debts = [];
  world.ending = null;
  world.initial = {};
  world.trajectory = [];
  world.changes = null;
  return world;
}

/** A field-by-field copy rather than structuredClone or a spread: measured much faster on Node 20, and it keeps the members' faces. */
export function copyWorld(world: World): World {
  const copy = new WorldState(world.memberCodes, world.values.slice(), world.statuses.slice());
  copy.turn = world.turn;
  copy.month = world.month;
  copy.development = world.development;
  copy.credibility = world.credibility;
  copy.moscowBandwidth = world.moscowBandwidth;
  copy.vars = { ...world.vars };
  copy.chosen = copyTally(world.chosen);
  copy.visited = copyTally(world.visited);
  copy.reacted = copyTally(world.reacted);
  copy.reactions = world.reactions.slice();
  copy.decisions = world.decisions.slice();
  copy.debts = world.debts.slice();
  copy.ending = world.ending;
  copy.initial = world.initial;
  copy.trajectory = world.trajectory.slice();
  copy.changes = world.changes ? world.changes.slice() : null;
  return copy;
}

/**
 * The World as newWorld and copyWorld make it, with `members` made when first read. Its other fields
 * are set by those two, in the same order, so every World has one shape; none is made here only to be
 * replaced by the copy's.
 */
class WorldState implements World {
  turn!: number;
  month!: number;
  development!: string | null;
  credibility!: number;
  moscowBandwidth!: number;
  vars!: Record<string, number>;
  chosen!: Map<string, number>;
  visited!: Map<string, number>;
  reacted!: Map<string, number>;
  reactions!: ReactionEvent[];
  decisions!: Decision[];
  debts!: Debt[];
  ending!: string | null;
  initial!: Record<string, number>;
  trajectory!: Waypoint[];
  changes!: Change[] | null;
  #faces: Record<string, MemberState> | null = null;

  constructor(
    readonly memberCodes: readonly string[],
    readonly values: number[],
    readonly statuses: (Status | undefined)[],
  ) {}

  get members(): Record<string, MemberState> {
    if (this.#faces === null) {
      const faces: Record<string, MemberState> = {};
      for (const code of this.memberCodes) faces[code] = new MemberFace(this.values, this.statuses, memberSlot(code));
      this.#faces = faces;
    }
    return this.#faces;
  }
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
