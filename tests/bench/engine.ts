import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { playOut } from '../../src/engine/play/batch.ts';
import { playThroughMachine } from '../support/machine-play.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { loadScenario, type TextFile } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { bareRun } from './bare-loop.ts';
import type { Figure } from './figure.ts';

/**
 * Decisions per second on the workload's historical path (tests/bench/workload), three ways: through
 * the xstate machine as a person plays, through the batch path (playOut without causes), and through
 * the hand-written bare loop, the limit. Each is timed in rounds of CPU time on this one thread, and
 * the best round counts: on a shared machine the best is the least disturbed.
 */
const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): TextFile => ({ file: `tests/bench/workload/${name}`, text: readFileSync(join(here, 'workload', name), 'utf8') });

export function workload(): Scenario {
  const loaded = loadScenario(read('request_for_help.yaml'), read('rules.yaml'));
  if (!loaded.ok) throw new Error(loaded.error.map(formatProblem).join('\n'));
  return loaded.value;
}

/** The bare loop must be the same arithmetic as the engine, or its speed means nothing. */
export function checkBareLoop(scenario: Scenario, seeds: number): void {
  for (let i = 0; i < seeds; i++) {
    const seed = `bare-${i}`;
    const world = playOut(scenario, seed, historicalPolicy).world;
    const engine = {
      decisions: world.decisions.length,
      amLoyalty: world.members.AM.loyalty,
      credibility: world.credibility,
      moscowBandwidth: world.moscowBandwidth,
      weeksOfTalks: world.vars.weeks_of_talks,
      ending: world.ending,
      cohesion: world.trajectory.map((w) => w.cohesion),
    };
    const { decisions, amLoyalty, credibility, moscowBandwidth, weeksOfTalks, ending, cohesion } = bareRun(seed);
    const bare = { decisions, amLoyalty, credibility, moscowBandwidth, weeksOfTalks, ending, cohesion };
    if (JSON.stringify(engine) !== JSON.stringify(bare)) {
      throw new Error(
        `the bare loop no longer does the engine's arithmetic (seed ${seed}): engine ${JSON.stringify(engine)}, bare loop ${JSON.stringify(bare)}`,
      );
    }
  }
}

function machineRun(scenario: Scenario, seed: string): number {
  return playThroughMachine(scenario, seed, historicalPolicy).world.decisions.length;
}

/** Best decisions per CPU second over several rounds of about `seconds` each. */
function rate(play: (seed: string) => number, seconds: number, rounds = 5): number {
  let seed = 0;
  for (let i = 0; i < 2000; i++) play(`warm-${i}`);
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.cpuUsage();
    let decisions = 0;
    let used = 0;
    while (used < seconds) {
      for (let i = 0; i < 500; i++) decisions += play(`s${seed++}`);
      const cpu = process.cpuUsage(start);
      used = (cpu.user + cpu.system) / 1e6;
    }
    best = Math.max(best, decisions / used);
  }
  return best;
}

export async function engineBench(): Promise<Figure[]> {
  const scenario = workload();
  checkBareLoop(scenario, 5000);
  const bare = rate((seed) => bareRun(seed).decisions, 0.5);
  const batch = rate((seed) => playOut(scenario, seed, historicalPolicy).world.decisions.length, 0.5);
  const machine = rate((seed) => machineRun(scenario, seed), 0.5, 3);
  return [
    { name: 'engine: decisions/s, batch path (playOut, no causes)', value: batch, unit: '/s', goal: { kind: 'min', value: 200_000 } },
    { name: 'engine: decisions/s, xstate machine', value: machine, unit: '/s' },
    { name: 'engine: decisions/s, bare loop (the limit)', value: bare, unit: '/s' },
    { name: 'engine: bare loop / batch path', value: bare / batch, unit: 'x', goal: { kind: 'max', value: 3 } },
    { name: 'engine: batch path / xstate machine', value: batch / machine, unit: 'x' },
  ];
}
