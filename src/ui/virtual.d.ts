declare module 'virtual:article-four/scenario-index' {
  import type { ScenarioIndexEntry } from './state/scenario-index.ts';
  export const scenarioIndex: ScenarioIndexEntry[];
}
