/**
 * The browser tests' library additions (built with `--mode fixtures`): the engine's test scenarios, which
 * do not change under the tests' feet, and a broken file the Choose screen must report without failing.
 */
export const extraScenarioTexts = {
  ...import.meta.glob('/tests/fixtures/scenarios/*.yaml', { query: '?raw', import: 'default' }),
  ...import.meta.glob('/tests/browser/fixtures/*.yaml', { query: '?raw', import: 'default' }),
} as Record<string, () => Promise<string>>;
