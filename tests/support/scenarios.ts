import { loadLibrary } from '../../src/engine/authoring/library.ts';
import { loadScenario, type TextFile } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { fixtureFiles, libraryFiles, readProjectFile, RULES_FILE, rulesFile } from '../../src/node/scenario-folder.ts';

/** Scenario files for the engine's tests, named by their path from the project's root. */
export const FIXTURE_PATH = 'tests/fixtures/scenarios/request_for_help.yaml';
export const RULES_PATH = RULES_FILE;

export const read = (file: string): TextFile => readProjectFile(file);

export const RULES: TextFile = rulesFile();
export const FIXTURE: TextFile = read(FIXTURE_PATH);

/** Loads a scenario that must load, failing with its problems otherwise. */
export function mustLoad(file: TextFile = FIXTURE, rules: TextFile = RULES): Scenario {
  const result = loadScenario(file, rules);
  if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
  return result.value;
}

export const fixture = (): Scenario => mustLoad();

/**
 * Every scenario and campaign there is to play: the test fixtures, then the library in scenarios/.
 * Each must load: a file left out would leave its runs untested while the suite still passed.
 */
export function allScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const files of [fixtureFiles(), libraryFiles()]) {
    for (const entry of loadLibrary(files, RULES)) {
      if (!entry.ok) throw new Error(`${entry.file} does not load:\n${entry.error.map(formatProblem).join('\n')}`);
      scenarios.push(entry.value);
    }
  }
  return scenarios;
}
