import { cohesion, cohesionOfSeats, cohesionSeats, type CohesionSeat } from '../rules/cohesion.ts';
import type { MemberStance, OptionView } from '../rules/council.ts';
import { applyEffect, latestChanges, writeTarget, type Origin } from '../rules/effects.ts';
import {
  MEMBER_FIELDS,
  copyWorld,
  keyedRecord,
  loyaltyAt,
  statusAt,
  valueIndex,
  writeAtSlot,
  memberSlot,
  type Cause,
  type Debt,
  type Decision,
  type MemberCode,
  type World,
} from '../core/world.ts';
import { createRandom, restoreRandom, type Random } from '../core/random.ts';
import { allPass, conjunctionOf, type MemberTest } from '../language/member-values.ts';
import { developmentById } from '../core/development.ts';
import { checkDecision, type Choice } from './check-decision.ts';
import type { Branch, Development, Effect, MemberTarget, Option, Reaction, Scenario, Target } from '../core/scenario.ts';

/**
 * A run in progress: the scenario, the World, and the random stream. The turn's phases are separate
 * pure steps (resolveDecision, applyReactions, settleAftermath, advanceToNext), named as the xstate
 * machine's actions that call them, so the machine can show each as a state while batch runs call the
 * very same functions in a tight loop.
 */
export interface Run {
  scenario: Scenario;
  seed: string;
  world: World;
  random: Random;
  /** Where the chosen option leads, decided during resolution and taken in the aftermath. */
  pending: string | null;
}

export interface RunOptions {
  /** Keep every change with its cause (for explanations). Batch runs leave it off for speed. */
  recordCauses?: boolean;
}

export class DecisionError extends Error {}

export function startRun(scenario: Scenario, seed: string, options: RunOptions = {}): Run {
  const recordCauses = options.recordCauses !== false;
  const random = createRandom(seed);
  const world = sharedStart(scenario, recordCauses) ?? setUp(scenario, random, recordCauses);
  const run: Run = { scenario, seed, world, random, pending: null };
  arrive(run, scenario.start);
  return run;
}

/** The world before the first development arrives: the baseline, the setup's effects, the trajectory's first point. */
function setUp(scenario: Scenario, random: Random, recordCauses: boolean): World {
  const world = copyWorld(scenario.baseline);
  world.changes = recordCauses ? [] : null;
  world.development = null;
  for (const effect of scenario.setup) applyEffect(world, effect, random, { kind: 'setup', id: scenario.id });
  world.initial = snapshotValues(scenario, world);
  pushWaypoint(world, scenario, scenarioKeys(scenario), scenario.start);
  return world;
}

/**
 * When the setup involves no chance, every run of the scenario starts from the same world, and draws
 * nothing from its stream to get there: that world is made once (for each way of keeping causes) and
 * copied for each run. Its initial values, first waypoint and setup changes are shared by the copies,
 * never mutated, as copyWorld shares them between copies anyway.
 */
function sharedStart(scenario: Scenario, recordCauses: boolean): World | null {
  const keys = scenarioKeys(scenario);
  if (!keys.setupWithoutChance) return null;
  const kept = recordCauses ? 'withCauses' : 'withoutCauses';
  let start = keys.start[kept];
  if (!start) {
    start = setUp(scenario, createRandom(''), recordCauses);
    Object.freeze(start.initial);
    keys.start[kept] = start;
  }
  return copyWorld(start);
}

export function copyRun(run: Run): Run {
  return { scenario: run.scenario, seed: run.seed, world: copyWorld(run.world), random: restoreRandom(run.random.state()), pending: run.pending };
}

/** Names built once per scenario rather than once per run or per decision: batch runs make millions. */
interface Keys {
  /** The scenario's members with their slots (see memberSlot), in the World's own order: loops that visit every member. */
  seats: CohesionSeat[];
  /** Every member's key in that order, for a waypoint's loyalty to copy (see pushWaypoint). */
  waypointLoyalty: Record<string, number>;
  /** `${code}.${field}` for every member and field, in snapshot order. */
  initial: { code: string; field: (typeof MEMBER_FIELDS)[number]; key: string }[];
  /** Each of scenario.reactions with what applying it needs, in order. */
  reactions: BoundReaction[];
  /** By development, the reactions its occasions allow, in order (see reactionsAt). */
  reactionsAt: Map<string, BoundReaction[]>;
  /** Each of scenario.drift with what applying it needs, in order. */
  drift: BoundDrift[];
  /** Each member's loyalty as a target, for the changes resolution and debts make. */
  loyalty: Record<string, MemberTarget>;
  /** Whether the setup has no chance or spread, so that every run of the scenario starts alike. */
  setupWithoutChance: boolean;
  /** That start, made once for each way of keeping causes (see sharedStart). */
  start: { withCauses: World | null; withoutCauses: World | null };
}

interface BoundReaction {
  reaction: Reaction;
  /** Its member's slot (see memberSlot). */
  slot: number;
  /** `${member}:${id}`, its key in the World's tally. */
  key: string;
  /** A return: open to members who have left, not to members. */
  returning: boolean;
  /** Its condition as the member tests it was fused from, tested in place (see conjunctionOf); null to call it. */
  tests: MemberTest[] | null;
}

interface BoundDrift {
  effect: Effect;
  /** Its member's slot (see memberSlot), or -1 for a rule on an alliance value. */
  slot: number;
  /** What its changes carry as their cause (the same every time, so made once). */
  origin: Origin;
}

const keysOf = new WeakMap<Scenario, Keys>();

function scenarioKeys(scenario: Scenario): Keys {
  let keys = keysOf.get(scenario);
  if (!keys) {
    keys = {
      seats: cohesionSeats(scenario.baseline.memberCodes),
      waypointLoyalty: keyedRecord(scenario.baseline.memberCodes),
      initial: scenario.baseline.memberCodes.flatMap((code) => MEMBER_FIELDS.map((field) => ({ code, field, key: `${code}.${field}` }))),
      reactions: scenario.reactions.map((reaction) => ({
        reaction,
        slot: memberSlot(reaction.member),
        key: `${reaction.member}:${reaction.id}`,
        returning: reaction.kind === 'return',
        tests: conjunctionOf(reaction.when),
      })),
      reactionsAt: new Map(),
      // A drift rule moves a value of the member it is bound to, or an alliance value (slot -1).
      drift: scenario.drift.map((effect) => {
        const member = effect.target.member;
        return member === undefined
          ? { effect, slot: -1, origin: { kind: 'drift', id: 'drift' } as const }
          : { effect, slot: memberSlot(member), origin: { kind: 'drift', id: 'drift', member } as const };
      }),
      loyalty: Object.fromEntries(scenario.members.map((code) => [code, loyaltyTarget(code)])),
      setupWithoutChance: scenario.setup.every((e) => e.chance === null && e.spread === 0),
      start: { withCauses: null, withoutCauses: null },
    };
    keysOf.set(scenario, keys);
  }
  return keys;
}

function loyaltyTarget(member: MemberCode): MemberTarget {
  const slot = memberSlot(member);
  return { key: `${member}.loyalty`, kind: 'member', member, slot, field: 'loyalty', index: valueIndex(slot, 'loyalty'), min: 0, max: 100 };
}

const BANDWIDTH: Target = { key: 'moscowBandwidth', kind: 'alliance', field: 'moscowBandwidth', min: 0, max: 100 };

/**
 * The cause passed for a change when causes are not kept: writeTarget reads a cause only to record it,
 * and writing out the words of one costs more than the change itself.
 */
const UNRECORDED: Cause = { kind: 'option', id: '', rule: '', why: '' };

/** Values at the start, for initial(). */
function snapshotValues(scenario: Scenario, world: World): Record<string, number> {
  const values: Record<string, number> = {
    credibility: world.credibility,
    moscowBandwidth: world.moscowBandwidth,
    cohesion: cohesion(world, scenario.params.cohesion),
  };
  for (const { code, field, key } of scenarioKeys(scenario).initial) {
    const m = world.members[code];
    if (m !== undefined) values[key] = m[field];
  }
  for (const [id, value] of Object.entries(world.vars)) values[id] = value;
  return values;
}

function pushWaypoint(world: World, scenario: Scenario, keys: Keys, development: string) {
  const { seats, waypointLoyalty } = keys;
  // A copy of the template has every member's key already, in the World's order: each is then written by name.
  const loyalty = { ...waypointLoyalty };
  for (let i = 0; i < seats.length; i++) {
    const slot = (seats[i] as CohesionSeat).slot;
    writeAtSlot(loyalty, slot, loyaltyAt(world, slot));
  }
  world.trajectory.push({
    turn: world.turn,
    development,
    cohesion: cohesionOfSeats(world, scenario.params.cohesion, seats),
    credibility: world.credibility,
    moscowBandwidth: world.moscowBandwidth,
    loyalty,
  });
}

/** A development arrives: it is recorded as visited and its own effects apply. */
export function arrive(run: Run, development: string): void {
  const { world, scenario } = run;
  const arriving = developmentById(scenario, development);
  world.month = monthOf(world, arriving);
  world.development = development;
  countOnce(world.visited, development);
  const cause: Origin = world.changes ? { kind: 'development', id: development } : UNRECORDED;
  for (const effect of arriving.effects) applyEffect(world, effect, run.random, cause);
}

export function parseDecision(text: string): { option: string; leverage: boolean } {
  const leverage = text.endsWith('+leverage');
  return { option: leverage ? text.slice(0, -'+leverage'.length) : text, leverage };
}

export function formatDecision(d: { option: string; leverage: boolean }): string {
  return d.leverage ? `${d.option}+leverage` : d.option;
}

/** One more time in one of the World's tallies. */
function countOnce(tally: Map<string, number>, key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

/**
 * Resolution: the Council's decision takes effect. Throws DecisionError for a decision that cannot be taken.
 * `view` is the option's view of this very world when the caller has just computed it (batch runs).
 */
export function resolveDecision(run: Run, choice: Choice, view?: OptionView): void {
  const { world, scenario } = run;
  const checked = checkDecision(scenario, world, choice, view);
  if (!checked.ok) throw new DecisionError(checked.error);
  view = checked.value;
  const option = view.option;
  // The run is on (checkDecision refuses an ended one), so it stands at a development.
  const development = world.development as string;
  const decision: Decision = { development, option: option.id, leverage: choice.leverage };
  if (choice.declared !== undefined) decision.declared = choice.declared;
  world.decisions.push(decision);
  countOnce(world.chosen, option.id);

  const bought = choice.leverage ? view.leverage.buys : NONE_BOUGHT;
  const lev = scenario.params.leverage;
  for (const code of bought) {
    const cause = world.changes ? leverageCause(scenario, option, code) : UNRECORDED;
    writeTarget(world, BANDWIDTH, world.moscowBandwidth - lev.bandwidthCost, cause);
    world.debts.push({ member: code, loyalty: lev.loyaltyCost, dueMonth: world.month + lev.dueMonths, development });
  }
  const overruled = scenario.params.stance.overruled;
  const keys = scenarioKeys(scenario);
  for (const s of view.stances) {
    // Only an objection on the merits is resented when overruled: a disaffected member with nothing at
    // stake in this option objects to everything, and charging it each time would be a spiral, not history.
    // A team's declared objection is its argued position, so it is on the merits by definition.
    const onTheMerits = s.declared === true || s.stake < scenario.params.stance.accepts;
    if ((s.stance === 'objects' || s.stance === 'vetoes') && onTheMerits && !bought.includes(s.member) && overruled > 0) {
      const amount = s.stance === 'vetoes' ? 2 * overruled : overruled;
      chargeLoyalty(world, keys, s.member, amount, world.changes ? overruledCause(scenario, option, s) : UNRECORDED);
    }
  }
  const cause: Origin = world.changes ? { kind: 'option', id: option.id } : UNRECORDED;
  for (const effect of option.effects) applyEffect(world, effect, run.random, cause);
  run.pending = chooseBranch(run, option.next);
}

/**
 * A member's loyalty falls by `amount`: overruled in the Council, or paying for leverage. Below the
 * middle of the scale it falls by a share of what is left (half the amount at 25): a government that
 * has already turned away has less goodwill to lose, and a run of flat charges would otherwise drive
 * it to exactly 0, off the scale, rather than to where the record has such members.
 */
function chargeLoyalty(world: World, keys: Keys, member: string, amount: number, cause: Cause): void {
  const target = keys.loyalty[member];
  if (target === undefined) throw new Error(`${member} is not a member of this scenario`);
  const loyalty = loyaltyAt(world, target.slot);
  writeTarget(world, target, loyalty - amount * Math.min(1, loyalty / GOODWILL_MIDPOINT), cause);
}

/** What a decision without leverage buys: one empty list for them all. */
const NONE_BOUGHT: readonly string[] = Object.freeze([]);

/** Where loyalty charges start to shrink with what is left. */
const GOODWILL_MIDPOINT = 50;

function leverageCause(scenario: Scenario, option: Option, code: string): Cause {
  return {
    kind: 'leverage',
    id: option.id,
    rule: 'leverage',
    member: code,
    why: `Moscow spent leverage to bring ${scenario.names[code]} round to "${option.label}"; ${scenario.names[code]} makes Moscow pay for it within ${scenario.params.leverage.dueMonths} months, or by the end`,
    source: scenario.rules.leverage.bandwidthCost.source,
    assumption: scenario.rules.leverage.bandwidthCost.assumption,
  };
}

/**
 * The rule's source is cited for a member only where it speaks of that member (rules.yaml's quote is about
 * Tajikistan); for any other member the resentment is the designer's assumption, and said to be.
 */
function overruledCause(scenario: Scenario, option: Option, s: MemberStance): Cause {
  const rule = scenario.rules.stance.overruled;
  const name = scenario.names[s.member] ?? s.member;
  const speaksOfMember = rule.source?.includes(name) ?? false;
  return {
    kind: 'option',
    id: option.id,
    rule: 'overruled',
    member: s.member,
    why: `${name} ${s.stance === 'vetoes' ? 'opposed' : 'objected to'} "${option.label}"${s.declared ? ' (as its team declared)' : ''} and was overruled`,
    source: speaksOfMember ? rule.source : undefined,
    assumption: speaksOfMember ? rule.assumption : true,
  };
}

function debtCause(scenario: Scenario, debt: Debt): Cause {
  return {
    kind: 'debt',
    id: debt.development,
    rule: 'leverage',
    member: debt.member,
    why: `${scenario.names[debt.member]} resents the pressure Moscow used at "${developmentById(scenario, debt.development).title}"`,
    source: scenario.rules.leverage.loyaltyCost.source,
    assumption: scenario.rules.leverage.loyaltyCost.assumption,
  };
}

function chooseBranch(run: Run, branches: Branch[]): string {
  for (const b of branches) {
    if (b.when && !b.when(run.world)) continue;
    if (b.chance !== null && run.random.next() >= b.chance) continue;
    return b.goto;
  }
  return 'end';
}

/** Reactions: each member answers by the thresholds in the rules, in a fixed order. */
export function applyReactions(run: Run): void {
  const { world, scenario } = run;
  const development = world.development ?? '';
  const keys = scenarioKeys(scenario);
  for (const { reaction: r, slot, key, returning, tests } of reactionsAt(scenario, keys, development)) {
    const status = statusAt(world, slot);
    if (returning ? status === 'member' : status !== 'member') continue;
    // The condition before the tally: most conditions fail, and most reactions have not happened yet.
    if (tests !== null ? !allPass(world, tests) : !r.when(world)) continue;
    if (r.once && world.reacted.has(key)) continue;
    if (r.chance < 1 && run.random.next() >= r.chance) continue;
    countOnce(world.reacted, key);
    world.reactions.push({ member: r.member, reaction: r.id, development, turn: world.turn });
    const cause: Origin = world.changes ? { kind: 'reaction', id: r.id, member: r.member, triggeredBy: latestChanges(world, r.reads) } : UNRECORDED;
    for (const effect of r.effects) applyEffect(world, effect, run.random, cause);
  }
}

/** The reactions a development's occasions allow, found once per development: most standing reactions wait for an exercise or a summit. */
function reactionsAt(scenario: Scenario, keys: Keys, development: string): BoundReaction[] {
  let found = keys.reactionsAt.get(development);
  if (found === undefined) {
    const occasions = scenario.developments[development]?.occasions ?? [];
    found = keys.reactions.filter(({ reaction }) => !reaction.occasion || occasions.includes(reaction.occasion));
    keys.reactionsAt.set(development, found);
  }
  return found;
}

/**
 * Aftermath: standing drift for the months until the next development, leverage debts falling due by
 * then (all of them when the run ends: no decision is free), and the trajectory's new point.
 */
export function settleAftermath(run: Run): void {
  const { world, scenario } = run;
  const development = world.development ?? '';
  const keys = scenarioKeys(scenario);
  const ending = run.pending === null || run.pending === 'end' || world.turn + 1 >= scenario.maxTurns;
  const months = ending ? 0 : monthsUntil(run, run.pending ?? '');
  if (months > 0) drift(run, keys, months);
  world.turn++;
  if (world.debts.length) {
    const by = world.month + months;
    const due = ending ? world.debts : world.debts.filter((d) => d.dueMonth <= by);
    world.debts = ending ? [] : world.debts.filter((d) => d.dueMonth > by);
    for (const debt of due) {
      chargeLoyalty(world, keys, debt.member, debt.loyalty, world.changes ? debtCause(scenario, debt) : UNRECORDED);
    }
  }
  pushWaypoint(world, scenario, keys, development);
}

/**
 * The calendar position of a development: its date, or a month after where the run stands when it has
 * none (as drift once ran once per decision). A date earlier than the run's (a campaign's chapters
 * overlap in time) moves the calendar back without undoing anything.
 */
function monthOf(world: World, development: Development): number {
  return development.month ?? world.month + 1;
}

function monthsUntil(run: Run, development: string): number {
  return Math.max(0, monthOf(run.world, developmentById(run.scenario, development)) - run.world.month);
}

/**
 * Drift rules change values a month at a time, so a pull toward a value closes its gap step by step
 * rather than overshooting it; past three years a step covers more than a month, to bound the work.
 */
const MAX_DRIFT_STEPS = 36;

function drift(run: Run, keys: Keys, months: number): void {
  const { world } = run;
  const steps = Math.min(MAX_DRIFT_STEPS, Math.ceil(months));
  const scale = months / steps;
  for (let step = 0; step < steps; step++) {
    for (const { effect, slot, origin } of keys.drift) {
      if (slot >= 0 && statusAt(world, slot) !== 'member') continue;
      applyEffect(world, effect, run.random, origin, scale);
    }
  }
}

/** On to the development the decision led to, or to the end (with the ending decided). */
export function advanceToNext(run: Run): void {
  const { world, scenario } = run;
  const next = run.pending ?? 'end';
  run.pending = null;
  if (next === 'end' || world.turn >= scenario.maxTurns) finish(run);
  else arrive(run, next);
}

function finish(run: Run): void {
  const { world, scenario } = run;
  world.development = null;
  const ending = scenario.endings.find((e) => !e.when || e.when(world)) ?? scenario.endings.at(-1);
  if (ending === undefined) throw new Error(`${scenario.id} has no ending`);
  world.ending = ending.id;
}

/** One whole decision: resolution, reactions, aftermath and the arrival of what follows. */
export function decide(run: Run, choice: Choice, view?: OptionView): void {
  resolveDecision(run, choice, view);
  applyReactions(run);
  settleAftermath(run);
  advanceToNext(run);
}

export function isOver(run: Run): boolean {
  return run.world.development === null;
}
