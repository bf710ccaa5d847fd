import type { z } from '../core/zod.ts';
import { hashText } from '../core/hash.ts';
import { fail, ok, type Result } from '../core/result.ts';
import type { Scenario } from '../core/scenario.ts';
import { errorMessage, fileProblem, type Problem } from './format/problem.ts';
import { rulesSchema, scenarioSchema, type RulesFile } from './format/schema.ts';
import { schemaProblems } from './compile/places.ts';
import { checkRules } from './compile/rules.ts';
import { compileScenario } from './compile/scenario.ts';
import { readYaml, type YamlSource } from './yaml-document.ts';

export interface TextFile {
  /** Shown in problems, e.g. `scenarios/armenia_2022.yaml`. */
  file: string;
  text: string;
}

/** Reads a YAML file and checks it against a schema: the data, with the positions of its paths, or the problems. */
export function readChecked<T>(file: TextFile, schema: z.ZodType<T>): Result<{ data: T; source: YamlSource }, Problem[]> {
  const read = readYaml(file.text, file.file);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.value.data);
  if (!parsed.success) return fail(schemaProblems(read.value, parsed.error));
  return ok({ data: parsed.data, source: read.value });
}

/**
 * The rules last read, by file and text. A library, a campaign or a sensitivity sweep loads many
 * scenarios against the same rules, and reading the rules' YAML is most of the cost of loading one.
 * What is returned is only read, never changed, so sharing it is safe.
 */
let lastRules: { file: string; text: string; result: Result<{ rules: RulesFile; source: YamlSource }, Problem[]> } | null = null;

export function loadRules(rules: TextFile): Result<{ rules: RulesFile; source: YamlSource }, Problem[]> {
  if (lastRules !== null && lastRules.file === rules.file && lastRules.text === rules.text) return lastRules.result;
  const result = readRules(rules);
  lastRules = { file: rules.file, text: rules.text, result };
  return result;
}

function readRules(rules: TextFile): Result<{ rules: RulesFile; source: YamlSource }, Problem[]> {
  const checked = readChecked(rules, rulesSchema);
  if (!checked.ok) return checked;
  const { data, source } = checked.value;
  const problems = checkRules(data, source);
  if (problems.length) return fail(problems);
  return ok({ rules: data, source });
}

/** Reads, checks and compiles a scenario against the standing rules. Never throws on any input. */
export function loadScenario(scenario: TextFile, rules: TextFile): Result<Scenario, Problem[]> {
  try {
    return loadScenarioUnsafe(scenario, rules);
  } catch (error) {
    // A bug of ours, not of the file: still reported as a problem rather than a crash.
    return fail([fileProblem(scenario.file, `internal error while loading: ${errorMessage(error)}`)]);
  }
}

function loadScenarioUnsafe(scenario: TextFile, rules: TextFile): Result<Scenario, Problem[]> {
  const loadedRules = loadRules(rules);
  if (!loadedRules.ok) return loadedRules;
  const checked = readChecked(scenario, scenarioSchema);
  if (!checked.ok) return checked;
  return compileScenario({
    file: checked.value.data,
    places: checked.value.source,
    rules: loadedRules.value.rules,
    rulesPlaces: loadedRules.value.source,
    rulesFile: rules.file,
    contentHash: hashText(`${rules.text}\u0000${scenario.text}`),
  });
}
