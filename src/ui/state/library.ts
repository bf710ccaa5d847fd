import { scenarioIndex } from 'virtual:article-four/scenario-index';
import { fail, ok, type Result } from '../../engine/core/result.ts';
import { loadEntry } from '../../engine/authoring/library.ts';
import type { TextFile } from '../../engine/authoring/load.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import { extraScenarioTexts } from './extra-scenarios.ts';
import type { ScenarioIndexEntry } from '../../engine/authoring/library-index.ts';

/**
 * The scenarios the game ships. The index (checked when the site is built) is at hand at once; a
 * scenario's text is fetched and compiled only when it is played, so the first screen answers quickly.
 */
const texts: Record<string, () => Promise<string>> = {
  ...(import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>),
  ...extraScenarioTexts,
};

export type Loaded = Result<Scenario>;

/** A scenario's files as read: the file itself, every file it needs (itself first), and the standing rules. */
export interface Sources {
  target: TextFile;
  files: TextFile[];
  rules: TextFile;
}

export interface Library {
  entries: ScenarioIndexEntry[];
  entry(id: string): ScenarioIndexEntry | null;
  load(id: string): Promise<Loaded>;
  /** The texts a scenario is compiled from, for a worker that compiles its own copy. */
  sources(id: string): Promise<Sources>;
}

async function read(file: string): Promise<TextFile> {
  const loader = texts[`/${file}`];
  if (!loader) throw new Error(`${file} is not in this build`);
  return { file, text: await loader() };
}

export function openLibrary(entries: ScenarioIndexEntry[] = scenarioIndex): Library {
  const cache = new Map<string, Promise<Loaded>>();
  const entry = (id: string) => entries.find((e) => e.id === id) ?? null;
  const sources = async (found: ScenarioIndexEntry): Promise<Sources> => {
    const [rules, ...files] = await Promise.all([read('scenarios/rules.yaml'), ...found.needs.map(read)]);
    return { target: files[0], files, rules };
  };
  const load = async (id: string): Promise<Loaded> => {
    const found = entry(id);
    if (!found) return fail(`there is no scenario '${id}' in this version of the game`);
    if (!found.ok) return fail(`the scenario '${id}' has problems in this version of the game (${found.problems[0]})`);
    try {
      const { target, files, rules } = await sources(found);
      const loaded = loadEntry(target, files, rules);
      if (!loaded.ok) return fail(`the scenario '${id}' has problems (${loaded.error[0]?.message ?? 'unknown'})`);
      return ok(loaded.value);
    } catch (error) {
      return fail(`the scenario '${id}' could not be loaded (${(error as Error).message})`);
    }
  };
  return {
    entries,
    entry,
    load(id) {
      let pending = cache.get(id);
      if (!pending) {
        pending = load(id);
        cache.set(id, pending);
      }
      return pending;
    },
    async sources(id) {
      const found = entry(id);
      if (!found?.ok) throw new Error(`there is no playable scenario '${id}' in this version of the game`);
      return sources(found);
    },
  };
}
