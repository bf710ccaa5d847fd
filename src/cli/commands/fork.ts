import { CompareMerge } from '../../engine/analysis/compare.ts';
import { ForkError, forkReport, forkStart } from '../../engine/analysis/fork.ts';
import { seedChunks } from '../../engine/analysis/seed-chunks.ts';
import { readRecordArgument } from '../io/record-argument.ts';
import { compareChart } from '../charts/compare-chart.ts';
import { EXIT, type Output } from '../io/output.ts';
import { checkOutputFile, writeOutputFile } from '../io/output-files.ts';
import { progressBar } from '../io/progress.ts';
import { InputError, loadScenarioFile } from '../io/scenario-files.ts';
import { compareTable } from './compare.ts';
import { parseCount, RUNS } from '../io/numeric-options.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { forkChunks, type ForkTask } from '../parallel/batch-tasks.ts';
import { playBatch } from '../parallel/play-batch.ts';

export interface ForkCommandOptions {
  at: string;
  options: string;
  runs: string;
  seed: string;
  then: string;
  json?: boolean;
  svg?: string;
  rules?: string;
  scenario?: string;
  workers?: string;
}

/** `fork <record|link> --at K --options a,b,c --runs N`: each alternative at decision K, against what was chosen. */
export async function forkCommand(argument: string, options: ForkCommandOptions, out: Output): Promise<number> {
  const read = readRecordArgument(argument);
  if (!read.ok) throw new InputError(read.error);
  const record = read.value;
  const scenario = loadScenarioFile(options.scenario ?? record.scenario, options.rules);
  if (record.contentHash && record.contentHash !== scenario.contentHash) {
    out.message(`note: ${scenario.id} has changed since this run was recorded; it is replayed on the current version`);
  }
  const runs = parseCount('--runs', options.runs, RUNS);
  const workers = parseWorkers(options.workers, runs);
  const at = parseCount('--at', options.at, { min: 1, max: Math.max(1, record.decisions.length) });
  const alternatives = options.options
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!alternatives.length) throw new InputError('give the alternatives with --options a,b,c');
  if (options.svg) checkOutputFile('--svg', options.svg);
  const task: ForkTask = {
    kind: 'fork',
    scenario: options.scenario ?? record.scenario,
    rules: options.rules,
    seed: options.seed,
    record,
    at,
    alternatives,
    rest: options.then,
  };
  const progress = progressBar(runs * (alternatives.length + 1), 'runs');
  try {
    const start = forkStart(scenario, record, at, alternatives);
    const merge = new CompareMerge(scenario, start.arms, options.seed);
    await playBatch(task, workers, seedChunks(runs), forkChunks(task, scenario), (part, chunk) => {
      merge.add(part);
      progress.update(chunk.to * start.arms.length);
    });
    const report = forkReport(start, merge);
    progress.stop();
    if (options.svg) writeOutputFile('--svg', options.svg, await compareChart(report));
    if (options.json) out.data(JSON.stringify(report, null, 2));
    else {
      const development = scenario.developments[report.development];
      out.data(`Decision ${report.at}, "${development.title}" (${development.date}): chosen '${report.chosen}'; the rest played ${options.then}.`);
      for (const line of compareTable(report)) out.data(line);
    }
    return EXIT.ok;
  } catch (error) {
    progress.stop();
    if (error instanceof ForkError) throw new InputError(error.message);
    throw error;
  }
}
