import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'vite';
import { CLI_BUNDLE } from '../../src/build/cli-bundle.ts';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';
import type { Figure } from './figure.ts';
import { benchCampaignFile } from './library.ts';

const RUNS = 100_000;

/**
 * `compare` of the campaign on the command line, as a person runs it, with one worker (no thread) and
 * with two, side by side: wall time and peak memory of the whole process, threads included.
 */
export async function parallelBench(): Promise<Figure[]> {
  await build({ root: PROJECT_ROOT, mode: 'cli', logLevel: 'warn' });
  const { target } = benchCampaignFile();
  const bundle = join(PROJECT_ROOT, CLI_BUNDLE);
  const probe = join(PROJECT_ROOT, 'tests/bench/peak-memory.mjs');
  const scenario = join(PROJECT_ROOT, target.file);
  const timed = (workers: number) => {
    const args = ['compare', scenario, '--policy', 'historical', '--policy', 'random', '--runs', String(RUNS), '--seed', 'bench', '--workers', String(workers)];
    const start = performance.now();
    const result = spawnSync(process.execPath, [probe, bundle, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`compare --workers ${workers} failed: ${result.stderr.slice(0, 400)}`);
    const peak = Number(/peak-rss-mb ([\d.]+)/.exec(result.stderr)?.[1]);
    return { seconds, peak, report: result.stdout };
  };
  const one = timed(1);
  const two = timed(2);
  if (one.report !== two.report) throw new Error('compare printed a different report with 2 workers than with 1');
  const sensitivity = timedSensitivity(bundle);
  const name = `compare: 2 x ${RUNS.toLocaleString('en-US')} runs of ${target.file} on the command line`;
  return [
    { name: `${name}, --workers 1`, value: one.seconds, unit: 's' },
    { name: `${name}, --workers 2`, value: two.seconds, unit: 's', goal: { kind: 'max', value: 20 } },
    { name: 'compare: time with 1 worker / with 2', value: one.seconds / two.seconds, unit: 'x' },
    { name: 'compare: peak resident memory, --workers 1', value: one.peak, unit: 'MB', goal: { kind: 'max', value: 300 } },
    { name: 'compare: peak resident memory, --workers 2', value: two.peak, unit: 'MB', goal: { kind: 'max', value: 300 } },
    { name: `sensitivity: ${SENSITIVITY_SCENARIO} with its defaults, on the command line`, value: sensitivity, unit: 's', goal: { kind: 'max', value: 6 } },
  ];
}

const SENSITIVITY_SCENARIO = 'scenarios/armenia_2022.yaml';

/** `sensitivity` as a person runs it, every default kept (threads included): wall seconds. */
function timedSensitivity(bundle: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [bundle, 'sensitivity', join(PROJECT_ROOT, SENSITIVITY_SCENARIO)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`sensitivity failed: ${result.stderr.slice(0, 400)}`);
  return seconds;
}
