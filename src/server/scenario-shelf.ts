import { loadEntry } from '../engine/authoring/library.ts';
import type { Scenario } from '../engine/core/scenario.ts';
import { libraryFiles, rulesFile } from '../node/scenario-folder.ts';

/**
 * The scenarios and campaigns a class can be run on: the project's `scenarios/` folder, read as the command
 * line reads it, each compiled the first time a class asks for it and kept (a restart compiles again).
 */
export class ScenarioShelf {
  private readonly compiled = new Map<string, Scenario | null>();
  private readonly files = libraryFiles();
  private readonly rules = rulesFile();

  /** The scenario with this id, or null when there is none or it does not load. */
  get(id: string): Scenario | null {
    if (!this.compiled.has(id)) {
      const file = this.files.find((f) => f.file.replace(/^.*\//, '') === `${id}.yaml`);
      const entry = file ? loadEntry(file, this.files, this.rules) : null;
      this.compiled.set(id, entry?.ok ? entry.value : null);
    }
    return this.compiled.get(id) ?? null;
  }
}
