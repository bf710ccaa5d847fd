import type { TextFile } from '../../engine/scenario/load.ts';

/** Scenario files beside the library's own: none in the game; the browser tests' build puts fixtures here. */
export const extraScenarios: TextFile[] = [];
