import type { Problem } from './format/problem.ts';
import type { ScenarioFile } from './format/schema.ts';
import { readChecked, type TextFile } from './load.ts';
import { scenarioSchema } from './format/schema.ts';

/**
 * What a scenario file may do but an author most likely did not mean: `validate` prints these after the
 * problems, and they do not make a file invalid. Only a scenario file that loads has warnings.
 */
export const FEWEST_OPTIONS = 3;

/** Keys whose values are expressions, where a variable is read. */
const EXPRESSION_KEYS = new Set(['when', 'by', 'to', 'requires']);

/** `certain`: the ids of expectations that hold whatever is chosen (see analysis/certain-expectations.ts). */
export function scenarioWarnings(file: TextFile, certain: readonly string[] = []): Problem[] {
  const read = readChecked(file, scenarioSchema);
  if (!read.ok) return [];
  const { data, source } = read.value;
  const warn = (path: PropertyKey[], message: string) => {
    const p = source.problem(path, message);
    return { ...p, message: `warning: ${p.message}` };
  };
  const warnings: Problem[] = [];
  data.developments.forEach((d, di) => {
    if (d.options.length < FEWEST_OPTIONS)
      warnings.push(
        warn(
          ['developments', di, 'options'],
          `${d.options.length} option${d.options.length === 1 ? '' : 's'}; a decision worth playing has at least ${FEWEST_OPTIONS}: what was done, what was discussed, and what the sources say could have been`,
        ),
      );
    const historical = d.options.some((o) => o.historical);
    if (!historical && !d.counterfactual)
      warnings.push(
        warn(
          ['developments', di, 'options'],
          'no option is historical: if history never reached this development, mark it counterfactual: true; the historical policy draws at random here',
        ),
      );
    if (historical && d.counterfactual) warnings.push(warn(['developments', di, 'counterfactual'], 'a counterfactual development has a historical option'));
  });
  for (const [i, variable] of (data.variables ?? []).entries()) {
    if (!readsVariable(data, variable.id))
      warnings.push(warn(['variables', i, 'id'], `'${variable.id}' is changed or declared but never read by a condition or amount`));
  }
  for (const [i, expectation] of (data.expectations ?? []).entries()) {
    if (certain.includes(expectation.id))
      warnings.push(
        warn(
          ['expectations', i, 'when'],
          `'${expectation.id}' holds before the first decision and after every random play: it may be certain by construction, and then says nothing about history`,
        ),
      );
  }
  return warnings;
}

/** Whether any expression in the file names the variable, as a whole word. */
function readsVariable(data: ScenarioFile, id: string): boolean {
  const word = new RegExp(`(^|[^A-Za-z0-9_.])${id}($|[^A-Za-z0-9_])`);
  const visit = (value: unknown, key: string | null): boolean => {
    if (typeof value === 'string') return key !== null && EXPRESSION_KEYS.has(key) && word.test(value);
    if (Array.isArray(value)) return value.some((v) => visit(v, key));
    if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => visit(v, k));
    return false;
  };
  return visit(data, null);
}
