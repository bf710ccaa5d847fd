import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileKind, loadEntry } from '../../engine/authoring/library.ts';
import { loadRules, type TextFile } from '../../engine/authoring/load.ts';
import { formatProblem, type Problem } from '../../engine/authoring/format/problem.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { libraryFiles, PROJECT_ROOT, RULES_FILE, SCENARIOS_FOLDER, yamlPathsIn } from '../../node/scenario-folder.ts';

/** The project's scenarios folder, wherever the command is run from. */
export const SCENARIOS_DIR = join(PROJECT_ROOT, SCENARIOS_FOLDER);

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
  return existsSync(beside) ? beside : join(PROJECT_ROOT, RULES_FILE);
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

/** Loads a scenario or a campaign (whose chapters are the scenarios beside it). */
export function loadScenarioFile(nameOrPath: string, rulesPath?: string): Scenario {
  const path = scenarioPath(nameOrPath);
  const entry = loadEntry(readText(path), siblings(path), readText(rulesFor(path, rulesPath)));
  if (!entry.ok) throw new ProblemsError(entry.error);
  return entry.value;
}

/** Validates any scenario, campaign or rules file, telling them apart by their `kind`. */
export function validateFile(path: string, rulesPath?: string): Problem[] {
  const file = readText(path);
  if (fileKind(file.text) === 'rules') {
    const result = loadRules(file);
    return result.ok ? [] : result.error;
  }
  const entry = loadEntry(file, siblings(path), readText(rulesFor(path, rulesPath)));
  return entry.ok ? [] : entry.error;
}

/** The YAML files beside a scenario: where a campaign finds its chapters. */
function siblings(path: string): TextFile[] {
  return yamlPathsIn(resolve(dirname(path))).map(readText);
}

/** Every scenario file in the scenarios folder (not the rules, not the schema). */
export function libraryScenarioPaths(): string[] {
  return libraryFiles().map((f) => join(PROJECT_ROOT, f.file));
}
