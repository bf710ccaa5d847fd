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
  members: string[];
  names: Record<string, string>;
  chapters: number;
  /** The files it is loaded from: itself, and a campaign's chapters. */
  needs: string[];
  /** Each problem as `file:line:col: path: what is wrong`. */
  problems: string[];
}
