import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH } from '../support/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-four-policy-'));

function policyFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('policies given on the command line', () => {
  it.each([
    [
      'run, a fixed plan at constructor',
      ['run', FIXTURE_PATH, '--seed', '1', '--policy', 'fixed:constructor=x'],
      /no development 'constructor' in request_for_help \(known: the_call, ceasefire, summit\)/,
    ],
    [
      'run, a fixed plan at __proto__',
      ['run', FIXTURE_PATH, '--seed', '1', '--policy', 'fixed:__proto__=x'],
      /no development '__proto__' in request_for_help \(known: /,
    ],
    [
      'run, an unknown option',
      ['run', FIXTURE_PATH, '--seed', '1', '--policy', 'fixed:the_call=send_tanks'],
      /no option 'send_tanks' at the_call \(options: send_troops, fact_finding, stay_silent\)/,
    ],
    ['compare, a fixed plan at constructor', ['compare', FIXTURE_PATH, '--policy', 'fixed:constructor=x', '--runs', '5'], /no development 'constructor'/],
    ['sensitivity, a fixed plan at toString', ['sensitivity', FIXTURE_PATH, '--policy', 'fixed:toString=x', '--runs', '2'], /no development 'toString'/],
    [
      'compare, a policy file with constructor',
      ['compare', FIXTURE_PATH, '--policy', policyFile('constructor.yaml', 'choose:\n  constructor: x\n'), '--runs', '5'],
      /constructor\.yaml:2:3: choose\.constructor: no development 'constructor' in request_for_help \(known: /,
    ],
    [
      'compare, a policy file with __proto__',
      ['compare', FIXTURE_PATH, '--policy', policyFile('proto.yaml', 'choose:\n  __proto__: x\n'), '--runs', '5'],
      /proto\.yaml:2:3: choose\.__proto__: no development '__proto__'/,
    ],
    [
      'run, a policy file with an unknown option',
      ['run', FIXTURE_PATH, '--seed', '1', '--policy', policyFile('tanks.yaml', 'choose:\n  the_call: send_tanks\n')],
      /tanks\.yaml:2:13: choose\.the_call: no option 'send_tanks'/,
    ],
  ])('should refuse %s with exit 2, naming the known ones', (_, args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it('should play a policy file with run', () => {
    const result = runCli(['run', FIXTURE_PATH, '--seed', '1', '--policy', policyFile('silent.yaml', 'choose:\n  the_call: stay_silent\n'), '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).decisions[0]).toBe('stay_silent');
  });
});
