/**
 * Runs a large comparison in a process of its own and prints its peak resident memory in MB, so the
 * figure is this work's alone. Results stream into aggregates; nothing is held run by run.
 */
import { compare } from '../../src/engine/analysis/compare.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { benchCampaign } from './library.ts';
import { peakMegabytes } from './peak-rss.mjs';

const runs = Number(process.argv[2] ?? 100_000);
compare(benchCampaign(), [historicalPolicy], { runs, seed: 'memory' });
process.stdout.write(`${peakMegabytes().toFixed(1)}\n`);
