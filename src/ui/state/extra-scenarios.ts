/** Scenario files beside the library's own, by path: none in the game; the browser tests' build puts fixtures here. */
export const extraScenarioTexts: Record<string, () => Promise<string>> = {};
