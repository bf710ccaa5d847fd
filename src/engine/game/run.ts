import { cohesion } from '../model/cohesion.ts';
import { canChoose, optionView, type OptionView } from '../model/council.ts';
import { applyEffect, latestChanges, writeTarget } from '../model/effects.ts';
import { MEMBER_FIELDS, copyWorld, type Cause, type Decision, type MemberState, type World } from '../model/world.ts';
import { createRandom, restoreRandom, type Random } from '../random.ts';
import type { Branch, Scenario } from '../scenario/scenario.ts';

/**
 * A run in progress: the scenario, the World, and the random stream. The turn's phases are separate
 * pure steps (resolve, react, aftermath) so the xstate machine can show each as a state while batch
 * runs call the very same functions in a tight loop.
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
  const world = copyWorld(scenario.baseline);
  world.changes = options.recordCauses === false ? null : [];
  const run: Run = { scenario, seed, world, random: createRandom(seed), pending: null };
  world.development = null;
  for (const effect of scenario.setup) applyEffect(world, effect, run.random, { kind: 'setup', id: scenario.id });
  world.initial = initialValues(scenario, world);
  pushWaypoint(run, scenario.start);
  arrive(run, scenario.start);
  return run;
}

export function copyRun(run: Run): Run {
  return { scenario: run.scenario, seed: run.seed, world: copyWorld(run.world), random: restoreRandom(run.random.state()), pending: run.pending };
}

/** Names built once per scenario rather than once per run or per decision: batch runs make millions. */
interface Keys {
  /** `${code}.${field}` for every member and field, in snapshot order. */
  initial: { code: string; field: (typeof MEMBER_FIELDS)[number]; key: string }[];
  /** `${member}:${id}` for each of scenario.reactions, by index. */
  reacted: string[];
  /** For each of scenario.reactions and scenario.drift, its member's index in scenario.members. */
  reactionMember: number[];
  driftMember: number[];
  /** The cause each drift rule's changes carry (the same every time, so made once). */
  driftCause: Cause[];
  /** The start values when the setup has no chance or spread, so every run of the scenario starts alike. */
  sharedInitial: Readonly<Record<string, number>> | null;
}
const keysOf = new WeakMap<Scenario, Keys>();

function scenarioKeys(scenario: Scenario): Keys {
  let keys = keysOf.get(scenario);
  if (!keys) {
    keys = {
      initial: Object.keys(scenario.baseline.members).flatMap((code) => MEMBER_FIELDS.map((field) => ({ code, field, key: `${code}.${field}` }))),
      reacted: scenario.reactions.map((r) => `${r.member}:${r.id}`),
      reactionMember: scenario.reactions.map((r) => scenario.members.indexOf(r.member)),
      driftMember: scenario.drift.map((e) => scenario.members.indexOf(e.target.member!)),
      driftCause: scenario.drift.map((e) => ({ kind: 'drift', id: 'drift', member: e.target.member }) as Cause),
      sharedInitial: null,
    };
    keysOf.set(scenario, keys);
  }
  return keys;
}

/** The members' states in scenario.members order: one lookup each per step rather than one per rule. */
function memberStates(world: World, scenario: Scenario): (MemberState | undefined)[] {
  const states: (MemberState | undefined)[] = [];
  for (const code of scenario.members) states.push(world.members[code]);
  return states;
}

/** Values at the start, for initial(): shared by every run when the setup involves no chance (never mutated; copyWorld shares it too). */
function initialValues(scenario: Scenario, world: World): Record<string, number> {
  if (!scenario.setup.every((e) => e.chance === null && e.spread === 0)) return snapshotValues(scenario, world);
  const keys = scenarioKeys(scenario);
  keys.sharedInitial ??= Object.freeze(snapshotValues(scenario, world));
  return keys.sharedInitial as Record<string, number>;
}

function snapshotValues(scenario: Scenario, world: World): Record<string, number> {
  const values: Record<string, number> = { credibility: world.credibility, moscowBandwidth: world.moscowBandwidth, cohesion: cohesion(world, scenario.params.cohesion) };
  for (const { code, field, key } of scenarioKeys(scenario).initial) values[key] = world.members[code][field];
  for (const id in world.vars) values[id] = world.vars[id];
  return values;
}

function pushWaypoint(run: Run, development: string) {
  const { world, scenario } = run;
  const loyalty: Record<string, number> = {};
  for (const code in world.members) loyalty[code] = world.members[code].loyalty;
  world.trajectory.push({
    turn: world.turn,
    development,
    cohesion: cohesion(world, scenario.params.cohesion),
    credibility: world.credibility,
    moscowBandwidth: world.moscowBandwidth,
    loyalty,
  });
}

/** A development arrives: it is recorded as visited and its own effects apply. */
export function arrive(run: Run, development: string): void {
  const { world, scenario } = run;
  world.development = development;
  world.visited[development] = count(world.visited, development) + 1;
  for (const effect of scenario.developments[development].effects) {
    applyEffect(world, effect, run.random, { kind: 'development', id: development });
  }
}

export function parseDecision(text: string): { option: string; leverage: boolean } {
  const leverage = text.endsWith('+leverage');
  return { option: leverage ? text.slice(0, -'+leverage'.length) : text, leverage };
}

export function formatDecision(d: { option: string; leverage: boolean }): string {
  return d.leverage ? `${d.option}+leverage` : d.option;
}

/** How many times, for the World's tallies: an id such as `constructor` must not read Object.prototype. */
function count(tally: Record<string, number>, key: string): number {
  return Object.hasOwn(tally, key) ? tally[key] : 0;
}

/**
 * Resolution: the Council's decision takes effect. Throws DecisionError for a decision that cannot be taken.
 * `view` is the option's view of this very world when the caller has just computed it (batch runs).
 */
export function resolve(run: Run, choice: { option: string; leverage: boolean }, view?: OptionView): void {
  const { world, scenario } = run;
  if (world.development === null) throw new DecisionError('the run has ended');
  const development = scenario.developments[world.development];
  let option = view?.option;
  if (option === undefined || option.id !== choice.option) {
    option = development.options.find((o) => o.id === choice.option);
    view = undefined;
  }
  if (!option) {
    throw new DecisionError(`'${choice.option}' is not an option at ${development.id} (options: ${development.options.map((o) => o.id).join(', ')})`);
  }
  view ??= optionView(scenario, world, option, false);
  if (!canChoose(view, choice.leverage)) {
    const why = !view.available
      ? 'it is not on the table now'
      : choice.leverage
        ? 'leverage cannot carry it'
        : `vetoed by ${view.vetoedBy.map((c) => scenario.names[c]).join(', ')}`;
    throw new DecisionError(`'${choice.option}' cannot be chosen at ${development.id}: ${why}`);
  }
  const decision: Decision = { development: development.id, option: option.id, leverage: choice.leverage };
  world.decisions.push(decision);
  world.chosen[option.id] = count(world.chosen, option.id) + 1;

  const bought = choice.leverage ? view.leverage.buys : [];
  const lev = scenario.params.leverage;
  for (const code of bought) {
    const cause: Cause = {
      kind: 'leverage',
      id: option.id,
      rule: 'leverage',
      member: code,
      why: `Moscow spent leverage to bring ${scenario.names[code]} round to "${option.label}"; the price falls due after the next decision`,
      source: scenario.rules.leverage.bandwidthCost.source,
      assumption: scenario.rules.leverage.bandwidthCost.assumption,
    };
    writeTarget(world, { key: 'moscowBandwidth', kind: 'alliance', field: 'moscowBandwidth', min: 0, max: 100 }, world.moscowBandwidth - lev.bandwidthCost, cause);
    world.debts.push({ member: code, loyalty: lev.loyaltyCost, dueTurn: world.turn + 1, development: development.id });
  }
  const overruled = scenario.params.stance.overruled;
  for (const s of view.stances) {
    // Only an objection on the merits is resented when overruled: a disaffected member with nothing at
    // stake in this option objects to everything, and charging it each time would be a spiral, not history.
    if ((s.stance === 'objects' || s.stance === 'vetoes') && s.stake < scenario.params.stance.accepts && !bought.includes(s.member) && overruled > 0) {
      const target = { key: `${s.member}.loyalty`, kind: 'member' as const, member: s.member, field: 'loyalty', min: 0, max: 100 };
      const amount = s.stance === 'vetoes' ? 2 * overruled : overruled;
      writeTarget(world, target, world.members[s.member].loyalty - amount, {
        kind: 'option',
        id: option.id,
        rule: 'overruled',
        member: s.member,
        why: `${scenario.names[s.member]} ${s.stance === 'vetoes' ? 'opposed' : 'objected to'} "${option.label}" and was overruled`,
        source: scenario.rules.stance.overruled.source,
        assumption: scenario.rules.stance.overruled.assumption,
      });
    }
  }
  for (const effect of option.effects) applyEffect(world, effect, run.random, { kind: 'option', id: option.id });
  run.pending = chooseBranch(run, option.next);
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
export function react(run: Run): void {
  const { world, scenario } = run;
  const development = world.development ?? '';
  const occasions = scenario.developments[development]?.occasions ?? [];
  const keys = scenarioKeys(scenario);
  const states = memberStates(world, scenario);
  const reactions = scenario.reactions;
  for (let i = 0; i < reactions.length; i++) {
    const r = reactions[i];
    const status = states[keys.reactionMember[i]]!.status;
    if (r.kind === 'return' ? status === 'member' : status !== 'member') continue;
    if (r.occasion && !occasions.includes(r.occasion)) continue;
    // The condition before the tally: most conditions fail, and most reactions have not happened yet.
    if (!r.when(world)) continue;
    const key = keys.reacted[i];
    if (r.once && world.reacted[key]) continue;
    if (r.chance < 1 && run.random.next() >= r.chance) continue;
    world.reacted[key] = count(world.reacted, key) + 1;
    world.reactions.push({ member: r.member, reaction: r.id, development, turn: world.turn });
    const triggeredBy = world.changes ? latestChanges(world, r.reads) : undefined;
    for (const effect of r.effects) {
      applyEffect(world, effect, run.random, { kind: 'reaction', id: r.id, member: r.member, triggeredBy });
    }
  }
}

/** Aftermath: standing drift, leverage debts falling due, and the trajectory's new point. */
export function settle(run: Run): void {
  const { world, scenario } = run;
  const development = world.development ?? '';
  const keys = scenarioKeys(scenario);
  const states = memberStates(world, scenario);
  const drift = scenario.drift;
  for (let i = 0; i < drift.length; i++) {
    if (states[keys.driftMember[i]]?.status !== 'member') continue;
    applyEffect(world, drift[i], run.random, keys.driftCause[i]);
  }
  world.turn++;
  if (world.debts.length) {
    const due = world.debts.filter((d) => d.dueTurn < world.turn);
    world.debts = world.debts.filter((d) => d.dueTurn >= world.turn);
    for (const debt of due) {
      const target = { key: `${debt.member}.loyalty`, kind: 'member' as const, member: debt.member, field: 'loyalty', min: 0, max: 100 };
      writeTarget(world, target, world.members[debt.member].loyalty - debt.loyalty, {
        kind: 'debt',
        id: debt.development,
        rule: 'leverage',
        member: debt.member,
        why: `${scenario.names[debt.member]} resents the pressure Moscow used at "${scenario.developments[debt.development].title}"`,
        source: scenario.rules.leverage.loyaltyCost.source,
        assumption: scenario.rules.leverage.loyaltyCost.assumption,
      });
    }
  }
  pushWaypoint(run, development);
}

/** On to the development the decision led to, or to the end (with the ending decided). */
export function advance(run: Run): void {
  const { world, scenario } = run;
  const next = run.pending ?? 'end';
  run.pending = null;
  if (next === 'end' || world.turn >= scenario.maxTurns) finish(run);
  else arrive(run, next);
}

function finish(run: Run): void {
  const { world, scenario } = run;
  world.development = null;
  const ending = scenario.endings.find((e) => !e.when || e.when(world)) ?? scenario.endings[scenario.endings.length - 1];
  world.ending = ending.id;
}

/** One whole decision: resolution, reactions, aftermath and the arrival of what follows. */
export function decide(run: Run, choice: { option: string; leverage: boolean }, view?: OptionView): void {
  resolve(run, choice, view);
  react(run);
  settle(run);
  advance(run);
}

export function isOver(run: Run): boolean {
  return run.world.development === null;
}
