import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileKind } from '../engine/authoring/library.ts';
import type { TextFile } from '../engine/authoring/load.ts';
import { MAX_BYTES } from '../engine/authoring/yaml-document.ts';

/**
 * Where the project keeps its scenario files, and reading them as the engine expects: each file named
 * by its path from the project's root (`scenarios/armenia_2022.yaml`), which is what problems show and
 * how a campaign finds its chapters. Paths here are relative to the root, with forward slashes; an
 * absolute folder (say, the one beside a scenario given on the command line) is read as it is.
 */
export const SCENARIOS_FOLDER = 'scenarios';
export const RULES_FILE = 'scenarios/rules.yaml';
export const SCHEMA_FOLDER = 'scenarios/schema';
/** Small scenarios the tests play, each exercising some part of the rules. */
export const FIXTURES_FOLDER = 'tests/fixtures/scenarios';
/** Files only the browser tests' build adds to the library (e.g. a scenario that cannot load). */
export const BROWSER_FIXTURES_FOLDER = 'tests/browser/fixtures';

/**
 * The project's root: the nearest folder above this module that holds the standing rules. Searched
 * for, not fixed, because this module runs from its source and from the command line's bundle in dist/.
 */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, RULES_FILE))) return dir;
    if (dirname(dir) === dir) throw new Error(`no ${RULES_FILE} in any folder above ${start}`);
  }
}

/**
 * A project file as the engine reads it, named by its path from the root. At most one byte more than a
 * scenario may have is read, so an oversized file is refused by the loader with its size, not read whole.
 */
export function readProjectFile(path: string, root = PROJECT_ROOT): TextFile {
  const fd = openSync(resolve(root, path), 'r');
  try {
    const buffer = Buffer.alloc(MAX_BYTES + 1);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buffer.length; filled += n) n = readSync(fd, buffer, filled, buffer.length - filled, null);
    return { file: path, text: buffer.toString('utf8', 0, filled) };
  } finally {
    closeSync(fd);
  }
}

/**
 * The YAML files of a folder of the project, sorted; none when the folder is missing. Only regular files
 * (or links to them): a folder or a device named like a scenario is not one.
 */
export function yamlPathsIn(folder: string, root = PROJECT_ROOT): string[] {
  if (!existsSync(resolve(root, folder))) return [];
  return readdirSync(resolve(root, folder))
    .filter((name) => name.endsWith('.yaml') && statSync(resolve(root, folder, name), { throwIfNoEntry: false })?.isFile() === true)
    .sort()
    .map((name) => posix.join(folder, name));
}

/** Every YAML file of a folder, read. */
export function yamlFilesIn(folder: string, root = PROJECT_ROOT): TextFile[] {
  return yamlPathsIn(folder, root).map((path) => readProjectFile(path, root));
}

/** The standing rules every scenario of the library is checked against. */
export function rulesFile(root = PROJECT_ROOT): TextFile {
  return readProjectFile(RULES_FILE, root);
}

/** The scenarios and campaigns of a folder: its YAML files but the standing rules. */
export function scenarioFilesIn(folder: string, root = PROJECT_ROOT): TextFile[] {
  return yamlFilesIn(folder, root).filter((f) => fileKind(f.text) !== 'rules');
}

/** The game's own scenarios and campaigns. */
export function libraryFiles(root = PROJECT_ROOT): TextFile[] {
  return scenarioFilesIn(SCENARIOS_FOLDER, root);
}

/** The tests' scenarios. */
export function fixtureFiles(root = PROJECT_ROOT): TextFile[] {
  return scenarioFilesIn(FIXTURES_FOLDER, root);
}
