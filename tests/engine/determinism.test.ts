import { describe, expect, it } from 'vitest';
import { playOut, summarize } from '../../src/engine/play/batch.ts';
import { Council } from '../../src/engine/play/choices.ts';
import { playThroughMachine } from '../support/machine-play.ts';
import { randomPolicy } from '../../src/engine/play/policies.ts';
import { readRunRecord, recordOf, replay, RUN_FORMAT, worldHash } from '../../src/engine/play/record.ts';
import { decide, parseDecision, startRun, type Run } from '../../src/engine/play/run.ts';
import { copyWorld, type World } from '../../src/engine/core/world.ts';
import { policyRandom } from '../../src/engine/core/random.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { allScenarios } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';

/**
 * A run is its scenario, seed and decisions. For every scenario there is, over many seeds (200 on every
 * commit, a thousand in the full tier) with random decisions: the same seed gives the same world; the
 * run record rebuilds it; a fork rebuilt at any decision and continued arrives at the same world; and
 * the xstate machine a person plays through gives exactly the world the batch path gives.
 */
const SEEDS = sized(200, 1000);
const scenarios = allScenarios();
const seeds = Array.from({ length: SEEDS }, (_, i) => `seed-${i}`);

/** Two runs must end in the same world; where they do not, the summaries show how they differ. */
function expectSameWorld(actual: Run, expected: Run): void {
  if (worldHash(actual.world) === worldHash(expected.world)) return;
  expect(summarize(actual)).toEqual(summarize(expected));
  expect(worldHash(actual.world)).toBe(worldHash(expected.world));
}

/** Each seed's batch run, played once and then only read by the tests below that compare against it. */
const batchRuns = new Map<string, Run>();
function batchRun(scenario: Scenario, seed: string): Run {
  const key = `${scenario.id} ${seed}`;
  const kept = batchRuns.get(key);
  if (kept) return kept;
  const run = playOut(scenario, seed, randomPolicy);
  batchRuns.set(key, run);
  return run;
}

/** A world without its log of causes, which batch runs do not keep. */
const withoutCauses = (world: World): World => ({ ...world, changes: null });

/** The batch path by hand: decide in a loop with the random policy, keeping the hash after each decision. */
function stepByStep(scenario: Scenario, seed: string): { run: Run; hashes: string[] } {
  const run = startRun(scenario, seed);
  const random = policyRandom(seed);
  const hashes = [worldHash(run.world)];
  while (run.world.development !== null) {
    decide(run, randomPolicy.choose(run, new Council(run), random));
    hashes.push(worldHash(run.world));
  }
  return { run, hashes };
}

/** The same play through the xstate actor: its own policy stream, its own view of the Council. */
function throughMachine(scenario: Scenario, seed: string): Run {
  return playThroughMachine(scenario, seed, randomPolicy, { recordCauses: true });
}

it('should have the fixtures and the campaign among the scenarios it checks', () => {
  const ids = scenarios.map((s) => s.id);
  expect(ids).toEqual(expect.arrayContaining(['request_for_help', 'border_clash', 'two_crises']));
  expect(scenarios.some((s) => s.kind === 'campaign')).toBe(true);
});

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  it(`should give the same world twice for the same seed and random decisions, over ${SEEDS} seeds`, () => {
    const hashes = new Set<string>();
    for (const seed of seeds) {
      const a = batchRun(scenario, seed);
      const b = playOut(scenario, seed, randomPolicy);
      expectSameWorld(b, a);
      expect(a.world.development).toBeNull();
      hashes.add(worldHash(a.world));
    }
    // The seeds matter: runs that all ended alike would mean chance plays no part.
    expect(hashes.size).toBeGreaterThan(1);
  });

  it('should rebuild the world from its run record, with or without causes', () => {
    for (const seed of seeds) {
      const run = batchRun(scenario, seed);
      const saved = JSON.parse(JSON.stringify(recordOf(run)));
      const read = readRunRecord(saved);
      if (!read.ok) throw new Error(read.error);
      for (const recordCauses of [false, true]) {
        const replayed = replay(scenario, read.value, { recordCauses });
        if (!replayed.ok) throw new Error(replayed.error);
        expect(replayed.value.warnings).toEqual([]);
        expectSameWorld(replayed.value.run, run);
      }
    }
  });

  it('should reach the same world deciding in a loop by hand as playOut, and again when a fork at any decision continues', () => {
    for (const [i, seed] of seeds.entries()) {
      const { run, hashes } = stepByStep(scenario, seed);
      const batch = batchRun(scenario, seed);
      expectSameWorld(run, batch);
      const record = recordOf(run);
      const at = i % hashes.length;
      const fork = replay(scenario, record, { upTo: at });
      if (!fork.ok) throw new Error(fork.error);
      expect(worldHash(fork.value.run.world)).toBe(hashes[at]);
      for (const decision of record.decisions.slice(at)) decide(fork.value.run, parseDecision(decision));
      expect(worldHash(fork.value.run.world)).toBe(hashes[hashes.length - 1]);
    }
  });

  it(`should give identical worlds through the batch path and the xstate machine, over ${SEEDS} seeds`, () => {
    for (const seed of seeds) {
      const batch = batchRun(scenario, seed);
      const machine = throughMachine(scenario, seed);
      expect(worldHash(machine.world)).toBe(worldHash(batch.world));
      expect(summarize(machine)).toEqual(summarize(batch));
      if (JSON.stringify(withoutCauses(machine.world)) !== JSON.stringify(batch.world)) expect(withoutCauses(machine.world)).toEqual(batch.world);
    }
  });
});

describe('run records', () => {
  const scenario = scenarios.find((s) => s.id === 'request_for_help')!;
  const run = playOut(scenario, 'record', randomPolicy);

  it('should warn, and still replay, when the scenario changed since the run was recorded', () => {
    const replayed = replay(scenario, { ...recordOf(run), contentHash: '00000000000000' });
    expect(replayed.ok).toBe(true);
    if (replayed.ok) expect(replayed.value.warnings).toEqual([expect.stringMatching(/the scenario has changed/)]);
  });

  it('should refuse a record from a newer version, of another scenario, or with a decision that cannot be taken', () => {
    const newer = readRunRecord({ ...recordOf(run), format: RUN_FORMAT + 1 });
    expect(newer).toEqual({ ok: false, error: expect.stringMatching(/saved by a newer version/) });
    expect(readRunRecord({ format: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(/^not a run record: /) });
    expect(replay(scenario, { ...recordOf(run), scenario: 'elsewhere' })).toMatchObject({ ok: false, error: expect.stringMatching(/not 'request_for_help'/) });
    const wrong = replay(scenario, { ...recordOf(run), decisions: ['no_such_option'] });
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/^decision 1: 'no_such_option' is not an option at the_call/) });
    const tooMany = replay(scenario, { ...recordOf(run), decisions: [...recordOf(run).decisions, 'vague_declaration'] });
    expect(tooMany).toMatchObject({ ok: false, error: expect.stringMatching(/comes after the run has ended/) });
  });

  it('should change the world hash when any one thing in the world changes', () => {
    const base = worldHash(run.world);
    const changed = [
      (w: World) => (w.members.AM.loyalty += 1e-9),
      (w: World) => (w.members.KZ.status = 'suspended'),
      (w: World) => (w.credibility += 1),
      (w: World) => (w.moscowBandwidth -= 1),
      (w: World) => (w.turn += 1),
      (w: World) => (w.ending = 'elsewhere'),
      (w: World) => (w.vars.weeks_of_talks = (w.vars.weeks_of_talks ?? 0) + 1),
      (w: World) => w.decisions.push({ development: 'x', option: 'y', leverage: false }),
      (w: World) => w.reactions.push({ member: 'AM', reaction: 'x', development: 'y', turn: 0 }),
    ];
    for (const change of changed) {
      const copy = copyWorld(run.world);
      change(copy);
      expect(worldHash(copy)).not.toBe(base);
    }
    expect(worldHash(copyWorld(run.world))).toBe(base);
  });
});
