import { formatProblem } from '../../engine/authoring/format/problem.ts';
import { quoteProblems } from '../../engine/authoring/quotes.ts';
import { readText, validateFile } from '../io/scenario-files.ts';
import { readSourceTexts } from '../io/source-texts.ts';
import { EXIT, type Output } from '../io/output.ts';

/**
 * `validate <files...>`: problems as file:line:col: path: message, one per line, on stdout. With `--sources`,
 * a quote not found in the source it cites is one more problem, so it exits 2 like any other.
 */
export function validateCommand(files: string[], options: { rules?: string; json?: boolean; sources?: string }, out: Output): number {
  const sources = options.sources === undefined ? undefined : readSourceTexts(options.sources);
  const report: { file: string; problems: ReturnType<typeof validateFile> }[] = [];
  for (const file of files) {
    const problems = validateFile(file, options.rules);
    if (sources) problems.push(...quoteProblems(readText(file), sources));
    report.push({ file, problems });
  }
  const total = report.reduce((n, r) => n + r.problems.length, 0);
  if (options.json) out.data(JSON.stringify(report, null, 2));
  else {
    for (const r of report) for (const p of r.problems) out.data(formatProblem(p));
    out.message(
      total
        ? `${total} problem${total === 1 ? '' : 's'} in ${report.filter((r) => r.problems.length).length} of ${files.length} files`
        : `${files.length} file${files.length === 1 ? '' : 's'} valid`,
    );
  }
  return total ? EXIT.badInput : EXIT.ok;
}
