import { formatProblem } from '../../engine/authoring/format/problem.ts';
import { validateFile } from '../io/scenario-files.ts';
import { EXIT, type Output } from '../io/output.ts';

/** `validate <files...>`: problems as file:line:col: path: message, one per line, on stdout. */
export function validateCommand(files: string[], options: { rules?: string; json?: boolean }, out: Output): number {
  const report: { file: string; problems: ReturnType<typeof validateFile> }[] = [];
  for (const file of files) report.push({ file, problems: validateFile(file, options.rules) });
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
