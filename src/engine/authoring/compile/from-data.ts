import { hashText } from '../../core/hash.ts';
import { fail, ok, type Result } from '../../core/result.ts';
import type { Scenario } from '../../core/scenario.ts';
import { errorMessage, fileProblem, type Problem } from '../format/problem.ts';
import { rulesSchema, scenarioSchema, type RulesFile } from '../format/schema.ts';
import { schemaProblems, unplaced, type Places } from './places.ts';
import { checkRules } from './rules.ts';
import { compileScenario } from './scenario.ts';

/** A scenario and the standing rules as data (what a YAML file reads as), with the names and, where known, the places problems point at. */
export interface ScenarioData {
  scenario: unknown;
  rules: unknown;
  files: { scenario: string; rules: string };
  places?: { scenario?: Places; rules?: Places };
  /** The scenario's identity for run records, when the caller knows it; else a hash of both files' data. */
  contentHash?: string;
}

/**
 * The rules last checked, by identity. A sensitivity sweep compiles hundreds of variants of a scenario
 * against the same rules; checking them once is enough, as what is returned is only read.
 */
let lastRules: { data: unknown; file: string; places: Places | undefined; result: Result<RulesFile, Problem[]> } | null = null;

/** Checks and compiles a scenario given as data, with no YAML text: the same checks and the same Scenario as loading its file. Never throws. */
export function compileScenarioData(input: ScenarioData): Result<Scenario, Problem[]> {
  try {
    return compileUnsafe(input);
  } catch (error) {
    return fail([fileProblem(input.files.scenario, `internal error while loading: ${errorMessage(error)}`)]);
  }
}

function compileUnsafe(input: ScenarioData): Result<Scenario, Problem[]> {
  const rulesPlaces = input.places?.rules ?? unplaced(input.files.rules);
  const rules = checkedRules(input.rules, input.files.rules, input.places?.rules);
  if (!rules.ok) return rules;
  const places = input.places?.scenario ?? unplaced(input.files.scenario);
  const parsed = scenarioSchema.safeParse(input.scenario);
  if (!parsed.success) return fail(schemaProblems(places, parsed.error));
  return compileScenario({
    file: parsed.data,
    places,
    rules: rules.value,
    rulesPlaces,
    rulesFile: input.files.rules,
    contentHash: input.contentHash ?? hashText(`${JSON.stringify(input.rules)}\u0000${JSON.stringify(input.scenario)}`),
  });
}

function checkedRules(data: unknown, file: string, given: Places | undefined): Result<RulesFile, Problem[]> {
  if (lastRules !== null && lastRules.data === data && lastRules.file === file && lastRules.places === given) return lastRules.result;
  const places = given ?? unplaced(file);
  const parsed = rulesSchema.safeParse(data);
  const problems = parsed.success ? checkRules(parsed.data, places) : schemaProblems(places, parsed.error);
  const result = parsed.success && problems.length === 0 ? ok(parsed.data) : fail(problems);
  lastRules = { data, file, places: given, result };
  return result;
}
