import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileKind, loadEntryFrom } from '../../engine/authoring/library.ts';
import type { ChapterFile } from '../../engine/authoring/campaign.ts';
import { MAX_BYTES } from '../../engine/authoring/yaml-document.ts';
import { loadRules, type TextFile } from '../../engine/authoring/load.ts';
import { formatProblem, type Problem } from '../../engine/authoring/format/problem.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { libraryFiles, PROJECT_ROOT, RULES_FILE, SCENARIOS_FOLDER } from '../../node/scenario-folder.ts';

/** The project's scenarios folder, wherever the command is run from. */
export const SCENARIOS_DIR = join(PROJECT_ROOT, SCENARIOS_FOLDER);

export class InputError extends Error {}

/** A scenario, campaign or rules file, read only if it is a regular file no larger than a scenario may be. */
export function readText(path: string): TextFile {
  const refusal = unreadable(path);
  if (refusal) throw new InputError(`${path}: cannot read: ${refusal}`);
  try {
    return { file: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
  } catch (error) {
    throw new InputError(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Why a path cannot be read as a scenario file (a folder, a device, too large, missing), or null when it can. */
function unreadable(path: string): string | null {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return 'not a regular file';
    if (stat.size > MAX_BYTES) return `larger than ${MAX_BYTES} bytes`;
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
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
  const entry = loadEntryFrom(readText(path), chapterBeside(path), readText(rulesFor(path, rulesPath)));
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
  const entry = loadEntryFrom(file, chapterBeside(path), readText(rulesFor(path, rulesPath)));
  return entry.ok ? [] : entry.error;
}

/**
 * A campaign's chapter, `<id>.yaml` beside it, read when the campaign names it and not before: the other
 * files of the folder are none of its business. One that cannot be read is reported as missing.
 */
function chapterBeside(path: string): ChapterFile {
  const folder = resolve(dirname(path));
  return (id) => {
    if (!/^[\w-]+$/.test(id)) return undefined;
    const chapter = join(folder, `${id}.yaml`);
    return unreadable(chapter) ? undefined : readText(chapter);
  };
}

/** Every scenario file in the scenarios folder (not the rules, not the schema). */
export function libraryScenarioPaths(): string[] {
  return libraryFiles().map((f) => join(PROJECT_ROOT, f.file));
}
