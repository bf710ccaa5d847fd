import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules, loadScenario, type TextFile } from '../engine/scenario/load.ts';
import { formatProblem, type Problem } from '../engine/scenario/problem.ts';
import type { Scenario } from '../engine/scenario/scenario.ts';

/** The project's scenarios folder, wherever the command is run from. */
export const SCENARIOS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

export class InputError extends Error {}

export function readText(path: string): TextFile {
  try {
    return { file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The standing rules beside a scenario, or the project's own. */
export function rulesFor(scenarioPath: string, explicit?: string): string {
  if (explicit) return explicit;
  const beside = join(dirname(scenarioPath), 'rules.yaml');
  return existsSync(beside) ? beside : join(SCENARIOS_DIR, 'rules.yaml');
}

/** A scenario named by path, or by id from the scenarios folder (`armenia_2022`). */
export function scenarioPath(nameOrPath: string): string {
  if (existsSync(nameOrPath)) return nameOrPath;
  const byId = join(SCENARIOS_DIR, `${nameOrPath}.yaml`);
  if (existsSync(byId)) return byId;
  throw new InputError(`${nameOrPath}: no such file, and no scenario with that id in ${relative(process.cwd(), SCENARIOS_DIR) || '.'}`);
}

export class ProblemsError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function loadScenarioFile(nameOrPath: string, rulesPath?: string): Scenario {
  const path = scenarioPath(nameOrPath);
  const result = loadScenario(readText(path), readText(rulesFor(path, rulesPath)));
  if (!result.ok) throw new ProblemsError(result.problems);
  return result.value;
}

/** Validates any scenario or rules file, telling them apart by their `kind`. */
export function validateFile(path: string, rulesPath?: string): Problem[] {
  const file = readText(path);
  if (/^kind:\s*rules\s*$/m.test(file.text)) {
    const result = loadRules(file);
    return result.ok ? [] : result.problems;
  }
  const result = loadScenario(file, readText(rulesFor(path, rulesPath)));
  return result.ok ? [] : result.problems;
}

/** Every scenario file in the scenarios folder (not the rules, not the schema). */
export function libraryScenarioPaths(): string[] {
  return readdirYaml(SCENARIOS_DIR).filter((p) => basename(p) !== 'rules.yaml');
}

function readdirYaml(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}
