import { formatProblem, type Problem } from '../../engine/authoring/format/problem.ts';
import { fileKind } from '../../engine/authoring/library.ts';
import { scenarioWarnings } from '../../engine/authoring/warnings.ts';
import { quoteProblems } from '../../engine/authoring/quotes.ts';
import { loadScenarioFile, readText, validateFile } from '../io/scenario-files.ts';
import { certainExpectations } from '../../engine/analysis/certain-expectations.ts';
import { readSourceTexts } from '../io/source-texts.ts';
import { EXIT, type Output } from '../io/output.ts';

/**
 * `validate <files...>`: problems as file:line:col: path: message, one per line, on stdout. With `--sources`,
 * a quote not found in the source it cites is one more problem, so it exits 2 like any other. A valid
 * scenario's warnings (too few options, none historical, a variable never read, an expectation that holds whatever is chosen) go to stderr, marked as
 * such; they do not change the exit code.
 */
export function validateCommand(files: string[], options: { rules?: string; json?: boolean; sources?: string }, out: Output): number {
  const sources = options.sources === undefined ? undefined : readSourceTexts(options.sources);
  const report: { file: string; problems: Problem[]; warnings: Problem[] }[] = [];
  for (const file of files) {
    const problems = validateFile(file, options.rules);
    if (sources) problems.push(...quoteProblems(readText(file), sources));
    const text = readText(file);
    const warnings =
      problems.length === 0 && fileKind(text.text) === 'scenario' ? scenarioWarnings(text, certainExpectations(loadScenarioFile(file, options.rules))) : [];
    report.push({ file, problems, warnings });
  }
  const total = report.reduce((n, r) => n + r.problems.length, 0);
  const warned = report.reduce((n, r) => n + r.warnings.length, 0);
  if (options.json) out.data(JSON.stringify(report, null, 2));
  else {
    for (const r of report) for (const p of r.problems) out.data(formatProblem(p));
    // Advice, not data: on stderr, so that a valid file's stdout stays empty.
    for (const r of report) for (const p of r.warnings) out.message(formatProblem(p));
    const warnings = warned ? `, ${warned} warning${warned === 1 ? '' : 's'}` : '';
    out.message(
      total
        ? `${total} problem${total === 1 ? '' : 's'} in ${report.filter((r) => r.problems.length).length} of ${files.length} files${warnings}`
        : `${files.length} file${files.length === 1 ? '' : 's'} valid${warnings}`,
    );
  }
  return total ? EXIT.badInput : EXIT.ok;
}
