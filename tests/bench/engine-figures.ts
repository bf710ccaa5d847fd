/**
 * The engine's figures, measured in a process of their own from a plain bundle of this file (see
 * engine.ts, which builds and runs it and reads the JSON it prints): decisions per CPU second on the
 * workload's historical path three ways (the batch path, the xstate machine, the hand-written bare
 * loop that is its limit) and the batch path on the library's campaign. Run from the project's root.
 */
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { playThroughMachine } from '../support/machine-play.ts';
import { bareDecisions, bareRun, HISTORICAL_POLICY } from './bare-loop.ts';
import { checkBareLoop, workload, type CheckCoverage } from './bare-loop-check.ts';
import { benchCampaign } from './library.ts';

/** Seeds the bare loop is checked on under each policy before anything is timed. */
const CHECKED_SEEDS = 5000;
/** CPU seconds a round lasts; the best round counts: on a shared machine the best is the least disturbed. */
const ROUND_SECONDS = 0.5;

export interface EngineFigures {
  batch: number;
  bare: number;
  machine: number;
  campaign: number;
  campaignId: string;
  coverage: CheckCoverage;
}

type Play = (seed: string) => number;

/** Decisions per CPU second of one round of about ROUND_SECONDS, over the seeds `${prefix}${i}`. */
function round(play: Play, prefix: string): number {
  const start = process.cpuUsage();
  let decisions = 0;
  let used = 0;
  for (let seed = 0; used < ROUND_SECONDS; ) {
    for (let i = 0; i < 500; i++) decisions += play(`${prefix}${seed++}`);
    const cpu = process.cpuUsage(start);
    used = (cpu.user + cpu.system) / 1e6;
  }
  return decisions / used;
}

/**
 * The best round of each way of playing, the rounds taken in turn (one of each, then again), so that
 * a stretch when the machine is busy elsewhere slows them alike. Each plays the same seeds in a round.
 */
function interleaved(plays: Play[], rounds: number): number[] {
  for (const play of plays) for (let i = 0; i < 2000; i++) play(`warm-${i}`);
  const best = plays.map(() => 0);
  for (let r = 0; r < rounds; r++) {
    plays.forEach((play, i) => {
      best[i] = Math.max(best[i] ?? 0, round(play, `s${r}-`));
    });
  }
  return best;
}

function measure(): EngineFigures {
  const scenario: Scenario = workload();
  const coverage = checkBareLoop(scenario, CHECKED_SEEDS);
  const [bare = 0, batch = 0] = interleaved(
    [(seed) => bareDecisions(bareRun(seed, HISTORICAL_POLICY)), (seed) => playOut(scenario, seed, historicalPolicy).world.decisions.length],
    7,
  );
  const [machine = 0] = interleaved([(seed) => playThroughMachine(scenario, seed, historicalPolicy).world.decisions.length], 3);
  const campaign = benchCampaign();
  const [campaignRate = 0] = interleaved([(seed) => playOut(campaign, seed, historicalPolicy).world.decisions.length], 5);
  return { batch, bare, machine, campaign: campaignRate, campaignId: campaign.id, coverage };
}

process.stdout.write(`${JSON.stringify(measure())}\n`);
