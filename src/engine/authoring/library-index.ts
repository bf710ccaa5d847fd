import { fileKind, idFromFileName, loadLibrary } from './library.ts';
import type { TextFile } from './load.ts';
import { formatProblem } from './format/problem.ts';

/** One line of the scenario index (built by src/build/scenario-index.ts): what the Choose screen shows. */
export interface ScenarioIndexEntry {
  file: string;
  id: string;
  kind: 'scenario' | 'campaign';
  /** Whether the engine's loader accepted it when the site was built. */
  ok: boolean;
  title: string;
  era: number | null;
  length: string;
  premise: string;
  objective: string;
  members: string[];
  names: Record<string, string>;
  chapters: number;
  /** The files it is loaded from: itself, and a campaign's chapters. */
  needs: string[];
  /** Each problem as `file:line:col: path: what is wrong`. */
  problems: string[];
}

/**
 * Every scenario and campaign among `files`, checked with the loader: what the Choose screen lists,
 * made when the site is built so the first screen needs no parsing.
 */
export function libraryIndex(files: TextFile[], rulesFile: string): ScenarioIndexEntry[] {
  const rules = files.find((f) => f.file === rulesFile);
  const others = files.filter((f) => fileKind(f.text) !== 'rules');
  if (!rules) return others.map((f) => unplayable(f.file, idFromFileName(f.file), 'scenario', [`${rulesFile}: the standing rules are missing`]));
  return loadLibrary(others, rules).map((entry) => {
    if (!entry.ok) return unplayable(entry.file, entry.id, entry.kind, entry.error.map(formatProblem));
    const s = entry.value;
    const chapterFiles = s.chapters.flatMap((c) => others.find((f) => idFromFileName(f.file) === c.scenario)?.file ?? []);
    return {
      file: entry.file,
      id: entry.id,
      kind: entry.kind,
      ok: true,
      title: s.title,
      era: s.era,
      length: s.length,
      premise: s.premise,
      objective: s.objective,
      members: s.members,
      names: s.names,
      chapters: s.chapters.length,
      needs: [entry.file, ...chapterFiles],
      problems: [],
    };
  });
}

function unplayable(file: string, id: string, kind: ScenarioIndexEntry['kind'], problems: string[]): ScenarioIndexEntry {
  return { file, id, kind, ok: false, title: id, era: null, length: '', premise: '', objective: '', members: [], names: {}, chapters: 0, needs: [], problems };
}
