import { fidelity } from '../../engine/analysis/fidelity.ts';
import { EXIT, type Output } from '../io/output.ts';
import { parseCount, parseShare, RUNS } from '../io/numeric-options.ts';
import { libraryScenarioPaths, loadScenarioFile } from '../io/scenario-files.ts';

/** `fidelity [scenarios...]`: plays the historical decisions and reports how often the documented outcomes follow. */
export function fidelityCommand(names: string[], options: { runs: string; seed: string; min: string; json?: boolean; rules?: string }, out: Output): number {
  const runs = parseCount('--runs', options.runs, RUNS);
  const min = parseShare('--min', options.min);
  const targets = names.length ? names : libraryScenarioPaths();
  const reports = targets.map((name) => fidelity(loadScenarioFile(name, options.rules), runs, options.seed));
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
