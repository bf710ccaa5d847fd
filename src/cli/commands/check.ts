import { checkScenario } from '../../engine/analysis/check.ts';
import { EXIT, type Output } from '../io/output.ts';
import { parseCount, RUNS } from '../io/numeric-options.ts';
import { libraryScenarioPaths, loadScenarioFile } from '../io/scenario-files.ts';

/** `check [scenarios...]`: reachability and dead ends; exit 1 when anything is unreachable or dead. */
export function checkCommand(names: string[], options: { plays: string; seed: string; json?: boolean; rules?: string }, out: Output): number {
  const plays = parseCount('--plays', options.plays, RUNS);
  const targets = names.length ? names : libraryScenarioPaths();
  let failed = 0;
  const reports = [];
  for (const name of targets) {
    const report = checkScenario(loadScenarioFile(name, options.rules), plays, options.seed);
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
