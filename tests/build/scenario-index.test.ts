import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_INDEX_ID, scenarioIndexPlugin } from '../../src/build/scenario-index.ts';
import { FIXTURES_FOLDER, PROJECT_ROOT, RULES_FILE, SCENARIOS_FOLDER } from '../../src/node/scenario-folder.ts';

/** A project root whose library holds the fixture and a scenario that cannot load. */
function rootWithBrokenScenario(): string {
  const root = mkdtempSync(join(tmpdir(), 'article-four-index-'));
  mkdirSync(join(root, SCENARIOS_FOLDER));
  copyFileSync(join(PROJECT_ROOT, RULES_FILE), join(root, RULES_FILE));
  copyFileSync(join(PROJECT_ROOT, FIXTURES_FOLDER, 'request_for_help.yaml'), join(root, SCENARIOS_FOLDER, 'request_for_help.yaml'));
  writeFileSync(join(root, SCENARIOS_FOLDER, 'broken.yaml'), 'kind: scenario\nid: broken\n');
  return root;
}

/** Runs the plugin's hooks as Vite would for `command`, returning the module's text or the build's error. */
function indexModule(root: string, command: 'build' | 'serve', brokenFailsBuild: boolean): { module?: string; error?: string; warnings: string[] } {
  const plugin = scenarioIndexPlugin([SCENARIOS_FOLDER], { brokenFailsBuild });
  const hook = <T>(h: unknown): T => (typeof h === 'function' ? h : (h as { handler: T }).handler) as T;
  hook<(config: unknown) => void>(plugin.configResolved)({ root, command });
  const resolved = hook<(id: string) => string>(plugin.resolveId)(SCENARIO_INDEX_ID);
  const warnings: string[] = [];
  const context = {
    warn: (message: string) => warnings.push(message),
    error: (message: string) => {
      throw new Error(message);
    },
    addWatchFile: () => undefined,
  };
  try {
    return { module: hook<(this: typeof context, id: string) => string>(plugin.load).call(context, resolved), warnings };
  } catch (error) {
    return { error: (error as Error).message, warnings };
  }
}

describe('the scenario index', () => {
  it('should fail the production build on a broken library scenario, with its problems', () => {
    const result = indexModule(rootWithBrokenScenario(), 'build', true);
    expect(result.module).toBeUndefined();
    expect(result.error).toMatch(/scenarios that cannot be played:\nscenarios\/broken\.yaml:\d+:\d+: /);
  });

  it('should keep a broken scenario as an unplayable entry in the tests build and in development', () => {
    for (const [command, fails] of [
      ['build', false],
      ['serve', true],
    ] as const) {
      const result = indexModule(rootWithBrokenScenario(), command, fails);
      expect(result.error).toBeUndefined();
      expect(result.module).toMatch(/"file":"scenarios\/broken\.yaml","id":"broken","kind":"scenario","ok":false/);
      expect(result.warnings[0]).toMatch(/^scenarios\/broken\.yaml cannot be played: /);
    }
  });
});
