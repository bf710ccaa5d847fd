import type { Random } from '../core/random.ts';
import type { Effect, Target } from '../core/scenario.ts';
import { clampValue, statusAt, type Cause, type Status, type World } from '../core/world.ts';

/** Named reads, not `world[field]`: with the field varying, a computed read is among the slowest operations in a batch run. */
function readAlliance(world: World, field: string): number {
  return field === 'credibility' ? world.credibility : field === 'moscowBandwidth' ? world.moscowBandwidth : world[field as 'credibility'];
}

function writeAlliance(world: World, field: string, value: number): void {
  if (field === 'credibility') world.credibility = value;
  else if (field === 'moscowBandwidth') world.moscowBandwidth = value;
  else world[field as 'credibility'] = value;
}

/** Reads the current value behind a target key. */
export function readTarget(world: World, target: Target): number | string {
  switch (target.kind) {
    case 'member':
      return world.values[target.index] as number;
    case 'status':
      return statusAt(world, target.slot);
    case 'alliance':
      return readAlliance(world, target.field);
    case 'variable': {
      const value = world.vars[target.field];
      if (value === undefined) throw new Error(`${target.key}: no such variable in this run`);
      return value;
    }
  }
}

/** Sets a value, keeping it in bounds, and records the change with its cause when causes are kept. */
export function writeTarget(world: World, target: Target, value: number | Status, cause: Cause): void {
  assign(world, target, readTarget(world, target), value, cause);
}

/** writeTarget with the value before already read: applyEffect has just read it to add to it. */
function assign(world: World, target: Target, before: number | string, value: number | Status, cause: Cause): void {
  let after: number | Status = value;
  if (typeof value === 'number') {
    after = target.kind === 'variable' ? Math.min(target.max, Math.max(target.min, value)) : clampValue(value);
    if (!Number.isFinite(after)) after = before as number;
  }
  if (after === before) return;
  switch (target.kind) {
    case 'member':
      world.values[target.index] = after as number;
      break;
    case 'status':
      world.statuses[target.slot] = after as Status;
      break;
    case 'alliance':
      writeAlliance(world, target.field, after as number);
      break;
    case 'variable':
      world.vars[target.field] = after as number;
      break;
  }
  if (world.changes) {
    world.changes.push({
      seq: world.changes.length,
      turn: world.turn,
      development: world.development ?? '',
      target: target.key,
      before,
      after,
      cause,
    });
  }
}

/** The latest change to each of these keys, so a rule that fires can say what made it fire. */
export function latestChanges(world: World, keys: readonly string[]): number[] {
  if (!world.changes || keys.length === 0) return [];
  const found: number[] = [];
  const wanted = new Set(keys);
  for (let i = world.changes.length - 1; i >= 0 && wanted.size; i--) {
    const c = world.changes[i];
    if (c !== undefined && wanted.has(c.target)) {
      found.push(c.seq);
      wanted.delete(c.target);
    }
  }
  return found.reverse();
}

function causeOf(world: World, effect: Effect, cause: Origin): Cause {
  return {
    ...cause,
    rule: effect.id,
    why: effect.why,
    source: effect.source,
    assumption: effect.assumption,
    // A rule's own target is not its reason (a drift toward X is not caused by the last drift).
    triggeredBy:
      cause.triggeredBy ??
      (world.changes && effect.reads.length
        ? latestChanges(
            world,
            effect.reads.filter((k) => k !== effect.target.key),
          )
        : undefined),
  };
}

/**
 * assign() for a member's value when no change is recorded (batch runs): the
 * same bounds, the same refusal of a value that is not finite, and nothing written when nothing changes.
 */
function addToMember(world: World, index: number, add: boolean, amount: number): void {
  const before = world.values[index] as number;
  const after = clampValue(add ? before + amount : amount);
  if (Number.isFinite(after) && after !== before) world.values[index] = after;
}

/** What set an effect going: the effect adds its own rule, reason and source to make the change's cause. */
export type Origin = Omit<Cause, 'rule' | 'why' | 'source' | 'assumption'>;

/**
 * Applies one effect. Chance is drawn before spread, and each only when the effect has it, so the
 * sequence of random numbers a run uses depends only on its scenario and decisions. `scale` multiplies
 * what an added amount comes to (drift for part of a month); a set value is set as it is.
 */
export function applyEffect(world: World, effect: Effect, random: Random, cause: Origin, scale = 1): void {
  if (effect.when && !effect.when(world)) return;
  if (effect.chance !== null && random.next() >= effect.chance) return;
  if (effect.status !== null) {
    writeTarget(world, effect.target, effect.status, world.changes ? causeOf(world, effect, cause) : (cause as Cause));
    return;
  }
  let amount = effect.amount(world);
  if (effect.spread > 0) amount += (random.next() * 2 - 1) * effect.spread;
  if (scale !== 1 && effect.mode === 'add') amount *= scale;
  if (!Number.isFinite(amount)) return;
  const target = effect.target;
  if (target.kind === 'member' && world.changes === null) {
    addToMember(world, target.index, effect.mode === 'add', amount);
    return;
  }
  const current = readTarget(world, target) as number;
  const value = effect.mode === 'add' ? current + amount : amount;
  assign(world, effect.target, current, value, world.changes ? causeOf(world, effect, cause) : (cause as Cause));
}
