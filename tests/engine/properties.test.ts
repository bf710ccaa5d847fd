import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choicesOf } from '../../src/engine/play/choices.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { cohesion } from '../../src/engine/rules/cohesion.ts';
import { MEMBER_CODES, MEMBER_FIELDS, STATUSES, copyWorld, type MemberState, type World } from '../../src/engine/core/world.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { allScenarios } from '../support/scenarios.ts';

/**
 * Properties of every run of every scenario, whatever the Council chooses among what it may choose,
 * and from any starting state of the members: checked on inputs fast-check generates from a fixed
 * seed, so a failure is the same failure on every machine (and becomes a regression test).
 */
fc.configureGlobal({ seed: 42, numRuns: 1000 });

const scenarios = allScenarios();

const inRange = (x: number) => Number.isFinite(x) && x >= 0 && x <= 100;

/** What is wrong with a world, if anything: every value bounded and a number, every status known. */
function faults(scenario: Scenario, world: World): string[] {
  const found: string[] = [];
  for (const code of Object.keys(world.members)) {
    const m = world.members[code];
    for (const field of MEMBER_FIELDS) if (!inRange(m[field])) found.push(`${code}.${field} = ${m[field]}`);
    if (!(STATUSES as readonly string[]).includes(m.status)) found.push(`${code}.status = ${m.status}`);
  }
  if (!inRange(world.credibility)) found.push(`credibility = ${world.credibility}`);
  if (!inRange(world.moscowBandwidth)) found.push(`moscowBandwidth = ${world.moscowBandwidth}`);
  for (const v of scenario.variables) {
    const x = world.vars[v.id];
    if (!(Number.isFinite(x) && x >= v.min && x <= v.max)) found.push(`${v.id} = ${x}`);
  }
  const c = cohesion(world, scenario.params.cohesion);
  if (!inRange(c)) found.push(`cohesion = ${c}`);
  for (const point of world.trajectory) if (!inRange(point.cohesion)) found.push(`cohesion at turn ${point.turn} = ${point.cohesion}`);
  return found;
}

const member = fc.record<MemberState>({
  loyalty: fc.double({ min: 0, max: 100, noNaN: true }),
  publicSupport: fc.double({ min: 0, max: 100, noNaN: true }),
  hedging: fc.double({ min: 0, max: 100, noNaN: true }),
  ties: fc.double({ min: 0, max: 100, noNaN: true }),
  status: fc.constantFrom(...STATUSES),
});

/** A play: a scenario, a seed, the index of the choice to take at each decision, and perhaps a disturbed start. */
const play = fc.record({
  scenario: fc.constantFrom(...scenarios),
  seed: fc.string({ maxLength: 12 }),
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
  recordCauses: fc.boolean(),
  start: fc.option(
    fc.record({
      members: fc.dictionary(fc.constantFrom(...MEMBER_CODES), member),
      credibility: fc.double({ min: 0, max: 100, noNaN: true }),
      moscowBandwidth: fc.double({ min: 0, max: 100, noNaN: true }),
    }),
    { freq: 2 },
  ),
});

interface Played {
  steps: number;
  world: World;
  faults: string[];
  /** The number of choices at each development reached, in order. */
  choices: number[];
}

type Play = typeof play extends fc.Arbitrary<infer T> ? T : never;

function playOne(p: Play): Played {
  const { scenario } = p;
  const run = startRun(scenario, p.seed, { recordCauses: p.recordCauses });
  if (p.start) {
    for (const [code, state] of Object.entries(p.start.members)) {
      const m = run.world.members[code];
      if (m) Object.assign(m, state);
    }
    run.world.credibility = p.start.credibility;
    run.world.moscowBandwidth = p.start.moscowBandwidth;
  }
  const found = faults(scenario, run.world);
  const choices: number[] = [];
  let steps = 0;
  while (run.world.development !== null && steps <= scenario.maxTurns) {
    const available = choicesOf(run);
    choices.push(available.length);
    if (available.length === 0) break;
    decide(run, available[p.picks[steps % p.picks.length] % available.length]);
    steps++;
    found.push(...faults(scenario, run.world));
  }
  return { steps, world: run.world, faults: found, choices };
}

describe('any run', () => {
  it('should keep every value in [0, 100] and never NaN after any sequence of choosable decisions', () => {
    fc.assert(
      fc.property(play, (p) => {
        expect(playOne(p).faults).toEqual([]);
      }),
    );
  });

  it('should end within the scenario’s maxTurns, in one of its endings', () => {
    fc.assert(
      fc.property(play, (p) => {
        const { world, steps } = playOne(p);
        expect(world.development).toBeNull();
        expect(steps).toBeLessThanOrEqual(p.scenario.maxTurns);
        expect(world.turn).toBeLessThanOrEqual(p.scenario.maxTurns);
        expect(p.scenario.endings.map((e) => e.id)).toContain(world.ending);
      }),
    );
  });

  it('should offer at least one choice at every development it reaches', () => {
    fc.assert(
      fc.property(play, (p) => {
        const { choices } = playOne(p);
        expect(choices.length).toBeGreaterThan(0);
        expect(Math.min(...choices)).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('should record one decision per turn and one waypoint per decision besides the start', () => {
    fc.assert(
      fc.property(play, (p) => {
        const { world, steps } = playOne(p);
        expect(world.decisions).toHaveLength(steps);
        expect(world.turn).toBe(steps);
        expect(world.trajectory).toHaveLength(steps + 1);
      }),
    );
  });
});

describe('cohesion', () => {
  it('should be in [0, 100] for any members, any statuses and any credibility', () => {
    const world = fc.record({
      members: fc.dictionary(fc.constantFrom(...MEMBER_CODES), member, { minKeys: 0 }),
      credibility: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(world, fc.constantFrom(...scenarios), (w, scenario) => {
        const c = cohesion({ ...scenarios[0].baseline, ...w } as World, scenario.params.cohesion);
        expect(inRange(c)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('should rise with loyalty when nothing else changes', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 99, noNaN: true }), fc.constantFrom(...scenarios), (loyalty, scenario) => {
        const world = copyWorld(scenario.baseline);
        for (const m of Object.values(world.members)) m.loyalty = loyalty;
        const before = cohesion(world, scenario.params.cohesion);
        for (const m of Object.values(world.members)) m.loyalty = loyalty + 1;
        expect(cohesion(world, scenario.params.cohesion)).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
