import { mergeFidelity } from '../../engine/analysis/fidelity.ts';
import { EXIT, type Output } from '../io/output.ts';
import { parseCount, parseShare, RUNS } from '../io/numeric-options.ts';
import { libraryScenarioPaths, loadScenarioFile } from '../io/scenario-files.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { fidelityChunks, type FidelityTask } from '../parallel/batch-tasks.ts';
import { playPerScenario } from '../parallel/play-batch.ts';

export interface FidelityCommandOptions {
  runs: string;
  seed: string;
  min: string;
  json?: boolean;
  rules?: string;
  workers?: string;
}

/** `fidelity [scenarios...]`: plays the historical decisions and reports how often the documented outcomes follow. */
export async function fidelityCommand(names: string[], options: FidelityCommandOptions, out: Output): Promise<number> {
  const runs = parseCount('--runs', options.runs, RUNS);
  const min = parseShare('--min', options.min);
  const workers = parseWorkers(options.workers, runs);
  const targets = names.length ? names : libraryScenarioPaths();
  const scenarios = targets.map((name) => loadScenarioFile(name, options.rules));
  const task: FidelityTask = { kind: 'fidelity', scenarios: targets, rules: options.rules, seed: options.seed };
  const parts = await playPerScenario(task, workers, targets.length, runs, 'runs', fidelityChunks(task, scenarios));
  const reports = scenarios.map((scenario, target) => mergeFidelity(scenario, parts[target] ?? []));
  const below = reports.flatMap((r) => r.expectations.filter((e) => e.share < min).map((e) => `${r.scenario}/${e.id}`));
  if (options.json) out.data(JSON.stringify(reports, null, 2));
  else {
    for (const r of reports) {
      out.data(`${r.scenario}: historical decisions over ${r.runs} seeds`);
      for (const e of r.expectations) out.data(`  ${(e.share * 100).toFixed(1).padStart(5)}%  ${e.share < min ? 'BELOW' : 'ok   '}  ${e.id}: ${e.text}`);
      out.data(
        `  endings: ${Object.entries(r.endings)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
      );
    }
  }
  out.message(below.length ? `below ${min * 100}%: ${below.join(', ')}` : `every expectation met in at least ${min * 100}% of runs`);
  return below.length ? EXIT.failure : EXIT.ok;
}
