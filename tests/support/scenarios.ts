import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary } from '../../src/engine/authoring/library.ts';
import { loadScenario, type TextFile } from '../../src/engine/authoring/load.ts';
import { formatProblem } from '../../src/engine/authoring/format/problem.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';

/** Scenario files for the engine's tests, read from disk relative to the project root (where vitest runs). */
export const FIXTURE_PATH = 'tests/fixtures/scenarios/request_for_help.yaml';
export const RULES_PATH = 'scenarios/rules.yaml';

export const read = (file: string): TextFile => ({ file, text: readFileSync(file, 'utf8') });

export const RULES: TextFile = read(RULES_PATH);
export const FIXTURE: TextFile = read(FIXTURE_PATH);

/** Loads a scenario that must load, failing with its problems otherwise. */
export function mustLoad(file: TextFile = FIXTURE, rules: TextFile = RULES): Scenario {
  const result = loadScenario(file, rules);
  if (!result.ok) throw new Error(result.error.map(formatProblem).join('\n'));
  return result.value;
}

export const fixture = (): Scenario => mustLoad();

const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'rules.yaml')
    .sort()
    .map((f) => join(dir, f));

/**
 * Every scenario and campaign there is to play: the test fixtures, then the library in scenarios/.
 * Library files are written while others work on them, so one that does not load is skipped with a
 * note rather than failing the suite; the fixtures must load.
 */
export function allScenarios(): Scenario[] {
  const scenarios: Scenario[] = [];
  for (const dir of ['tests/fixtures/scenarios', 'scenarios']) {
    for (const entry of loadLibrary(yamlIn(dir).map(read), RULES)) {
      if (entry.ok) scenarios.push(entry.value);
      else if (dir === 'scenarios') console.warn(`skipping ${entry.file}: it does not load yet (${entry.error.length} problems, first: ${entry.error[0] ? formatProblem(entry.error[0]) : '?'})`);
      else throw new Error(entry.error.map(formatProblem).join('\n'));
    }
  }
  return scenarios;
}
