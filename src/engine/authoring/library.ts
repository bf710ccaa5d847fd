import { type ChapterFile, loadCampaign } from './campaign.ts';
import { loadScenario, type TextFile } from './load.ts';
import { capProblems, type Problem } from './format/problem.ts';
import { fail, type Result } from '../core/result.ts';
import type { Scenario } from '../core/scenario.ts';

/**
 * The scenario folder as a whole: every scenario and campaign, each loaded or with its problems.
 * Files are named by their id (`armenia_2022.yaml` holds `id: armenia_2022`), which is how campaigns
 * find their chapters, in the browser and on the command line alike.
 */
export type LibraryEntry = {
  file: string;
  id: string;
  kind: 'scenario' | 'campaign';
} & Result<Scenario, Problem[]>;

const KINDS = ['scenario', 'campaign', 'rules'] as const;

export function fileKind(text: string): (typeof KINDS)[number] | null {
  const match = /^kind:\s*['"]?(scenario|campaign|rules)['"]?\s*(#.*)?$/m.exec(text);
  return KINDS.find((kind) => kind === match?.[1]) ?? null;
}

export function idFromFileName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
}

/** Loads one file of the library: a scenario, or a campaign with its chapters found among `files`. */
export function loadEntry(target: TextFile, files: TextFile[], rules: TextFile): LibraryEntry {
  const byId = new Map(files.map((f) => [idFromFileName(f.file), f]));
  return loadEntryFrom(target, (id) => byId.get(id), rules);
}

/** Loads one file of the library, reading a campaign's chapters through `chapterFile` as it names them. */
export function loadEntryFrom(target: TextFile, chapterFile: ChapterFile, rules: TextFile): LibraryEntry {
  const id = idFromFileName(target.file);
  const kind = fileKind(target.text) === 'campaign' ? 'campaign' : 'scenario';
  const loaded = kind === 'campaign' ? loadCampaign(target, chapterFile, rules) : loadScenario(target, rules);
  const result = loaded.ok ? loaded : fail(capProblems(loaded.error));
  if (!result.ok || result.value.id === id) return { file: target.file, id, kind, ...result };
  const line = target.text.split('\n').findIndex((l) => /^id:/.test(l)) + 1 || 1;
  const problem = { file: target.file, line, col: 1, path: 'id', message: `id '${result.value.id}' must match the file name '${id}.yaml'` };
  return { file: target.file, id, kind, ...fail([problem]) };
}

export function loadLibrary(files: TextFile[], rules: TextFile): LibraryEntry[] {
  return files.filter((f) => fileKind(f.text) !== 'rules').map((f) => loadEntry(f, files, rules));
}
