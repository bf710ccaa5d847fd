import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_BUNDLE } from '../../src/build/cli-bundle.ts';
import { PROJECT_ROOT } from '../../src/node/scenario-folder.ts';

/** The command line's bundle, built by the tests' global setup. */
export const CLI = join(PROJECT_ROOT, CLI_BUNDLE);

/** Runs the command line as a person would, returning its exit code and both streams. */
export function runCli(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
