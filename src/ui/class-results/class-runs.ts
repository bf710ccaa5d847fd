import { groupRun, type GroupRun } from '../../engine/analysis/class-set.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { Library } from '../state/library.ts';
import { type IncomingRun, runKey } from './incoming-runs.ts';

/**
 * The class's runs on this page: each a group with its name, rebuilt by the engine. Kept for as long as
 * the page is open, so a teacher can look at a run and come back to the table; never stored or sent.
 */
export interface ClassGroup {
  key: string;
  name: string;
  scenario: Scenario;
  group: GroupRun;
}

/** The runs of one scenario, in the order they were brought in. */
export interface ScenarioGroups {
  scenario: Scenario;
  groups: GroupRun[];
}

export class ClassRuns {
  private list: ClassGroup[] = [];

  get groups(): readonly ClassGroup[] {
    return this.list;
  }

  /**
   * Rebuilds each incoming run (loading its scenario) and adds it as a group; what cannot be rebuilt,
   * or is already here, gets a sentence naming it. The default name is the run's own, or "Group n".
   */
  async add(library: Library, incoming: IncomingRun[]): Promise<string[]> {
    const problems: string[] = [];
    for (const run of incoming) {
      const key = runKey(run.record);
      const same = this.list.find((g) => g.key === key);
      if (same) {
        problems.push(`${run.source} is the same run as “${same.name}”, already here: it is not added twice.`);
        continue;
      }
      const loaded = await library.load(run.record.scenario);
      if (!loaded.ok) {
        problems.push(`${run.source} cannot be used: ${loaded.error}.`);
        continue;
      }
      const name = this.unusedName(run.name ?? `Group ${this.list.length + 1}`);
      const rebuilt = groupRun(loaded.value, { name, record: run.record });
      if (!rebuilt.ok) {
        problems.push(`${run.source} cannot be replayed: ${rebuilt.error}.`);
        continue;
      }
      this.list.push({ key, name, scenario: loaded.value, group: rebuilt.value });
    }
    return problems;
  }

  /** A group's new name; an empty one is refused (the sentence why), and a name already taken gets a number. */
  rename(key: string, wanted: string): string | null {
    const name = wanted.trim().replace(/\s+/g, ' ');
    if (name === '') return 'A group needs a name.';
    const entry = this.list.find((g) => g.key === key);
    if (!entry) return null;
    entry.name = this.unusedName(name, key);
    entry.group = { ...entry.group, name: entry.name };
    return null;
  }

  remove(key: string): void {
    this.list = this.list.filter((g) => g.key !== key);
  }

  clear(): void {
    this.list = [];
  }

  /** The groups by scenario, in the order each scenario was first brought in. */
  byScenario(): ScenarioGroups[] {
    const sets = new Map<string, ScenarioGroups>();
    for (const g of this.list) {
      const set = sets.get(g.scenario.id) ?? { scenario: g.scenario, groups: [] };
      sets.set(g.scenario.id, set);
      set.groups.push(g.group);
    }
    return [...sets.values()];
  }

  private unusedName(wanted: string, self?: string): string {
    const taken = new Set(this.list.filter((g) => g.key !== self).map((g) => g.name));
    if (!taken.has(wanted)) return wanted;
    let n = 2;
    while (taken.has(`${wanted} (${n})`)) n++;
    return `${wanted} (${n})`;
  }
}
