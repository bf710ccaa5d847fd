import { loadLibrary, type LibraryEntry } from '../../engine/scenario/library.ts';
import type { TextFile } from '../../engine/scenario/load.ts';
import { formatProblem } from '../../engine/scenario/problem.ts';
import type { Scenario } from '../../engine/scenario/scenario.ts';
import { extraScenarios } from './extra-scenarios.ts';

/**
 * Every scenario and campaign the game ships, loaded once. A file with problems stays in the list with
 * its problems, so the Choose screen can say what is wrong instead of failing.
 */
const texts = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export interface Library {
  entries: LibraryEntry[];
  find(id: string): Scenario | null;
  /** Why a scenario id cannot be played, or null when it can. */
  problem(id: string): string | null;
}

export function openLibrary(): Library {
  const files: TextFile[] = [];
  let rules: TextFile | null = null;
  for (const [path, text] of Object.entries(texts)) {
    const file = path.replace(/^\//, '');
    if (file === 'scenarios/rules.yaml') rules = { file, text };
    else files.push({ file, text });
  }
  files.push(...extraScenarios);
  files.sort((a, b) => a.file.localeCompare(b.file));
  const entries: LibraryEntry[] = rules
    ? loadLibrary(files, rules)
    : files.map((f) => ({ file: f.file, id: f.file.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), kind: 'scenario', scenario: null, problems: [{ file: 'scenarios/rules.yaml', line: 1, col: 1, path: '', message: 'the standing rules file is missing' }] }));
  return {
    entries,
    find: (id) => entries.find((e) => e.id === id)?.scenario ?? null,
    problem(id) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) return `there is no scenario '${id}' in this version of the game`;
      if (!entry.scenario) return `the scenario '${id}' has problems in this version of the game (${entry.problems.map(formatProblem)[0] ?? 'unknown'})`;
      return null;
    },
  };
}
