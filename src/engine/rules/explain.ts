import type { Scenario } from '../core/scenario.ts';
import { optionLabel, reactionLabel } from '../core/labels.ts';
import { cohesionTerms } from './cohesion.ts';
import { copyWorld, isMemberField, type Cause, type Change, type World } from '../core/world.ts';

/**
 * Answers "why did Armenia's loyalty fall 18 points?": every change to a value, each with its cause,
 * and for changes made by reactions and standing rules, the changes that made them fire, down the chain.
 */
export interface ExplainedChange {
  change: Change;
  delta: number | null;
  because: ExplainedChange[];
}

export interface Explanation {
  key: string;
  start: number | string | null;
  end: number | string | null;
  changes: ExplainedChange[];
}

const MAX_DEPTH = 4;

function currentValue(world: World, key: string): number | string | null {
  const [scope, field] = key.includes('.') ? key.split('.') : [null, key];
  if (scope) {
    const m = world.members[scope];
    if (m === undefined || field === undefined) return null;
    return field === 'status' ? m.status : isMemberField(field) ? m[field] : null;
  }
  if (field === 'credibility' || field === 'moscowBandwidth') return world[field];
  return world.vars[field] ?? null;
}

function explainChange(world: World, change: Change, depth: number, seen: Set<number>): ExplainedChange {
  const because: ExplainedChange[] = [];
  if (depth < MAX_DEPTH && world.changes) {
    for (const seq of change.cause.triggeredBy ?? []) {
      const cause = world.changes[seq];
      if (cause === undefined || seen.has(seq)) continue;
      seen.add(seq);
      because.push(explainChange(world, cause, depth + 1, seen));
    }
  }
  const delta = typeof change.after === 'number' && typeof change.before === 'number' ? change.after - change.before : null;
  return { change, delta, because };
}

export function explain(world: World, key: string): Explanation {
  const changes = (world.changes ?? []).filter((c) => c.target === key);
  return {
    key,
    start: changes[0] ? changes[0].before : currentValue(world, key),
    end: currentValue(world, key),
    changes: changes.map((c) => explainChange(world, c, 0, new Set([c.seq]))),
  };
}

export interface CohesionExplanation {
  start: number;
  end: number;
  terms: { label: string; from: number; to: number }[];
  /** The values cohesion comes from, each explained. */
  inputs: Explanation[];
}

/** Cohesion is derived, so it is explained by its terms and by the changes to the values behind them. */
export function explainCohesion(scenario: Scenario, world: World): CohesionExplanation {
  const first = world.trajectory[0];
  const startWorld = copyWorld(world);
  startWorld.credibility = first?.credibility ?? world.credibility;
  for (const [code, m] of Object.entries(startWorld.members)) {
    m.loyalty = first?.loyalty[code] ?? m.loyalty;
    m.status = 'member';
  }
  const before = cohesionTerms(startWorld, scenario.params.cohesion);
  const after = cohesionTerms(world, scenario.params.cohesion);
  return {
    start: before.cohesion,
    end: after.cohesion,
    terms: [
      { label: 'mean loyalty of active members', from: before.fromLoyalty, to: after.fromLoyalty },
      { label: "spread of the allies' loyalties (Russia apart)", from: before.fromSpread, to: after.fromSpread },
      { label: 'credibility of the guarantee', from: before.fromCredibility, to: after.fromCredibility },
      { label: 'members suspended or gone', from: before.fromAbsence, to: after.fromAbsence },
    ],
    inputs: [
      ...scenario.members.map((code) => explain(world, `${code}.loyalty`)),
      ...scenario.members.map((code) => explain(world, `${code}.status`)),
      explain(world, 'credibility'),
    ].filter((e) => e.changes.length > 0),
  };
}

const fmt = (x: number) => (Math.round(x * 10) / 10).toFixed(1);
const signed = (x: number) => (x >= 0 ? `+${fmt(x)}` : `−${fmt(-x)}`);

/** One line for a change: amount, where, what rule, why, and on what authority. */
export function describeChange(scenario: Scenario, e: ExplainedChange): string {
  const c = e.change;
  const amount = e.delta !== null ? signed(e.delta) : `${c.before} → ${c.after}`;
  const where = c.development ? (scenario.developments[c.development]?.title ?? c.development) : 'start';
  const cause = c.cause;
  const authority = cause.source ? ` [${cause.source}]` : cause.assumption ? " [designer's assumption]" : '';
  return `${amount} ${c.target} at ${where}: ${causeText(scenario, cause)}: ${cause.why}${authority}`;
}

/** Who or what made a change: the Council's decision, a member's reaction, a standing rule... */
export function causeText(scenario: Scenario, cause: Cause): string {
  switch (cause.kind) {
    case 'option':
      return cause.rule === 'overruled' ? 'overruled in the Council' : `the Council's decision "${optionLabel(scenario, cause.id)}"`;
    case 'reaction':
      return `${scenario.names[cause.member ?? ''] ?? cause.member} ${reactionLabel(scenario, cause.id)}`;
    case 'development':
      return `the development "${scenario.developments[cause.id]?.title ?? cause.id}"`;
    case 'setup':
      return 'the situation at the start';
    case 'drift':
      return 'a standing rule';
    case 'leverage':
      return "Moscow's leverage";
    case 'debt':
      return "the price of Moscow's leverage";
  }
}

export function explanationLines(scenario: Scenario, explanation: Explanation): string[] {
  const lines: string[] = [];
  const start = explanation.start;
  const end = explanation.end;
  const head =
    typeof start === 'number' && typeof end === 'number'
      ? `${explanation.key}: ${fmt(start)} → ${fmt(end)} (${signed(end - start)})`
      : `${explanation.key}: ${start} → ${end}`;
  lines.push(head);
  const walk = (items: ExplainedChange[], indent: string) => {
    for (const item of items) {
      lines.push(`${indent}${describeChange(scenario, item)}`);
      if (item.because.length) {
        lines.push(`${indent}  because:`);
        walk(item.because, `${indent}    `);
      }
    }
  };
  walk(explanation.changes, '  ');
  return lines;
}

export interface LastMove {
  /** The turn (decision index) in which the value last moved, and the development it was played at. */
  turn: number;
  development: string;
  before: number;
  after: number;
}

/**
 * A value's last move: its net change over the most recent decision's turn in which it changed at all
 * (the decision, the reactions and the drift until the next development together), or null when nothing
 * but the setup has moved it. What a member's details show as "the last change".
 */
export function lastMove(world: World, key: string): LastMove | null {
  const moves = (world.changes ?? []).filter(
    (c) => c.target === key && c.cause.kind !== 'setup' && typeof c.before === 'number' && typeof c.after === 'number',
  );
  const last = moves[moves.length - 1];
  if (last === undefined) return null;
  const first = moves.find((c) => c.turn === last.turn) ?? last;
  return { turn: last.turn, development: last.development, before: first.before as number, after: last.after as number };
}
