import { mergeCheck } from '../../engine/analysis/check.ts';
import { EXIT, type Output } from '../io/output.ts';
import { parseCount, RUNS } from '../io/numeric-options.ts';
import { libraryScenarioPaths, loadScenarioFile } from '../io/scenario-files.ts';
import { parseWorkers } from '../io/workers-option.ts';
import { checkChunks, type CheckTask } from '../parallel/batch-tasks.ts';
import { playPerScenario } from '../parallel/play-batch.ts';

/** `check [scenarios...]`: reachability and dead ends; exit 1 when anything is unreachable or dead. */
export async function checkCommand(
  names: string[],
  options: { plays: string; seed: string; json?: boolean; rules?: string; workers?: string },
  out: Output,
): Promise<number> {
  const plays = parseCount('--plays', options.plays, RUNS);
  const workers = parseWorkers(options.workers, plays);
  const targets = names.length ? names : libraryScenarioPaths();
  // Every file is loaded before any is played, so a bad name fails at once.
  const scenarios = targets.map((name) => loadScenarioFile(name, options.rules));
  const task: CheckTask = { kind: 'check', scenarios: targets, rules: options.rules, seed: options.seed };
  const parts = await playPerScenario(task, workers, targets.length, plays, 'plays', checkChunks(task, scenarios));
  let failed = 0;
  const reports = [];
  for (const [target, scenario] of scenarios.entries()) {
    const report = mergeCheck(scenario, parts[target] ?? [], options.seed);
    reports.push(report);
    if (report.problems.length) failed++;
    if (options.json) continue;
    out.data(`${report.scenario}: ${report.plays} random plays, longest ${report.longest} decisions`);
    for (const d of report.developments) out.data(`  development ${d.id.padEnd(28)} ${String(d.hits).padStart(6)} visits${d.linked ? '' : '  (not linked)'}`);
    for (const o of report.options)
      out.data(
        `  option ${`${o.development}/${o.id}`.padEnd(48)} ${String(o.hits).padStart(6)}${o.withLeverage ? ` (${o.withLeverage} with leverage)` : ''}${o.historical ? '  historical' : ''}`,
      );
    for (const e of report.endings) out.data(`  ending ${e.id.padEnd(30)} ${String(e.hits).padStart(6)}`);
    for (const r of report.reactions) out.data(`  reaction ${r.id.padEnd(28)} ${String(r.hits).padStart(6)}`);
    out.data(
      `  historical path (${report.historical.plays} plays): ${Object.entries(report.historical.endings)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    for (const p of report.problems) out.data(`  PROBLEM: ${p}`);
    out.data(report.problems.length ? `  ${report.problems.length} problems` : '  ok');
  }
  if (options.json) out.data(JSON.stringify(reports, null, 2));
  out.message(failed ? `${failed} of ${targets.length} scenarios have problems` : `${targets.length} scenarios ok`);
  return failed ? EXIT.failure : EXIT.ok;
}
