import { z } from '../core/zod.ts';
import { readChecked, type TextFile } from '../authoring/load.ts';
import type { Problem } from '../authoring/format/problem.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Scenario } from '../core/scenario.ts';
import { fixedPolicy, greedyPolicy, historicalPolicy, planProblems, randomPolicy, type Policy } from './policies.ts';

/**
 * A policy written as a file, so a teacher or analyst can say "what if the Council had answered
 * Armenia" in three lines:
 *
 *   name: answer_armenia
 *   choose:
 *     the_call: send_troops+leverage
 *   otherwise: historical
 */
const policySchema = z.strictObject({
  name: z.string().min(1).optional(),
  scenario: z.string().optional().describe('The scenario this policy is written for; checked when given.'),
  choose: z.record(z.string(), z.string().min(1)).describe('development id: option id (append +leverage to spend it)'),
  otherwise: z.enum(['historical', 'random', 'greedy']).optional(),
});

const FALLBACKS: Record<NonNullable<z.infer<typeof policySchema>['otherwise']>, Policy> = {
  historical: historicalPolicy,
  random: randomPolicy,
  greedy: greedyPolicy,
};

export function loadPolicyFile(file: TextFile, scenario: Scenario): Result<Policy, Problem[]> {
  const checked = readChecked(file, policySchema);
  if (!checked.ok) return fail(checked.error);
  const { data: spec, source } = checked.value;
  const problems: Problem[] = [];
  if (spec.scenario !== undefined && spec.scenario !== scenario.id) {
    problems.push(source.problem(['scenario'], `this policy is for '${spec.scenario}', not '${scenario.id}'`));
  }
  for (const p of planProblems(entriesAsWritten(source.data, spec.choose), scenario)) {
    problems.push(p.option === undefined ? source.problem(['choose'], p.message, p.development) : source.problem(['choose', p.development], p.message));
  }
  if (problems.length) return fail(problems);
  const name = spec.name ?? file.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  const base = fixedPolicy(spec.choose, name);
  const fallback = FALLBACKS[spec.otherwise ?? 'historical'];
  return ok({
    name,
    plan: spec.choose,
    choose(run, council, random) {
      const development = run.world.development;
      if (development !== null && Object.hasOwn(spec.choose, development)) return base.choose(run, council, random);
      return fallback.choose(run, council, random);
    },
  });
}

/**
 * The `choose` entries as the file has them. The schema's record drops a `__proto__` key silently, so
 * the keys are read from the YAML itself: such a key is then refused as an unknown development.
 */
function entriesAsWritten(data: unknown, choose: Record<string, string>): [string, string][] {
  const written = (data as { choose: Record<string, unknown> }).choose;
  return Object.keys(written).map((key) => [key, Object.hasOwn(choose, key) ? (choose[key] ?? '') : String(written[key])]);
}
