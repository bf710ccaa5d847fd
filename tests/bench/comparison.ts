import { spawnSync } from 'node:child_process';
import { compare } from '../../src/engine/analysis/compare.ts';
import { playThroughMachine } from '../support/machine-play.ts';
import { historicalPolicy, randomPolicy } from '../../src/engine/play/policies.ts';
import type { Figure } from './figure.ts';
import { benchCampaign } from './library.ts';

const RUNS = 10_000;

/** Comparison figures: 10,000 campaign runs per policy for two policies, batch and machine; peak memory of 100,000 runs. */
export async function comparisonBench(): Promise<Figure[]> {
  const campaign = benchCampaign();
  const policies = [historicalPolicy, randomPolicy];
  let start = performance.now();
  compare(campaign, policies, { runs: RUNS, seed: 'bench' });
  const batchSeconds = (performance.now() - start) / 1000;

  start = performance.now();
  for (let i = 0; i < RUNS; i++) for (const p of policies) playThroughMachine(campaign, `bench-${i}`, p);
  const machineSeconds = (performance.now() - start) / 1000;

  const probe = spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/memory-probe.ts', '100000'], { encoding: 'utf8' });
  const peak = Number(probe.stdout.trim());
  if (!Number.isFinite(peak) || probe.status !== 0) throw new Error(`memory probe failed: ${probe.stderr.slice(0, 400)}`);

  return [
    { name: `compare: 2 x ${RUNS.toLocaleString('en-US')} runs of ${campaign.id}, batch`, value: batchSeconds, unit: 's', goal: { kind: 'max', value: 5 } },
    { name: `compare: the same through the xstate machine`, value: machineSeconds, unit: 's' },
    { name: 'compare: machine / batch time', value: machineSeconds / batchSeconds, unit: 'x' },
    { name: `compare: peak resident memory, 100,000 runs of ${campaign.id}`, value: peak, unit: 'MB', goal: { kind: 'max', value: 300 } },
  ];
}
