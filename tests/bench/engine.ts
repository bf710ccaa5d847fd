import { playOut } from '../../src/engine/play/batch.ts';
import { playThroughMachine } from '../support/machine-play.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { bareDecisions, bareRun, HISTORICAL_POLICY } from './bare-loop.ts';
import { checkBareLoop, SOURCE_ROOT, workload } from './bare-loop-check.ts';
import type { Figure } from './figure.ts';

/**
 * Decisions per second on the workload's historical path (tests/bench/workload), three ways: through
 * the xstate machine as a person plays, through the batch path (playOut without causes), and through
 * the hand-written bare loop, the limit. Each is timed in rounds of CPU time on this one thread, and
 * the best round counts: on a shared machine the best is the least disturbed.
 */
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
  const scenario = workload(SOURCE_ROOT);
  checkBareLoop(scenario, 5000);
  const bare = rate((seed) => bareDecisions(bareRun(seed, HISTORICAL_POLICY)), 0.5);
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
