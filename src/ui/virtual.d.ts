/// <reference types="vite-plugin-pwa/vanillajs" />

declare module 'virtual:article-four/scenario-index' {
  import type { ScenarioIndexEntry } from '../engine/authoring/library-index.ts';
  export const scenarioIndex: ScenarioIndexEntry[];
}
