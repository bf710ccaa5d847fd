import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE, FIXTURE_PATH } from '../support/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-four-check-'));

/** A changed copy of the fixture, in a folder of its own: a scenario's file is named after its id. */
function copy(folder: string, text: string): string {
  mkdirSync(join(dir, folder));
  const path = join(dir, folder, 'request_for_help.yaml');
  writeFileSync(path, text);
  return path;
}

describe('check', () => {
  it('should exit 0 on a scenario where everything can be reached', () => {
    const result = runCli(['check', FIXTURE_PATH, '--plays', '300']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^request_for_help: 300 random plays/);
    expect(result.stdout).not.toMatch(/PROBLEM/);
    expect(result.stderr).toMatch(/1 scenarios ok/);
  });

  it('should exit 1 and name the ending no play reaches', () => {
    const text = FIXTURE.text.replace(
      '  - { id: hollow,',
      '  - { id: never, title: Never, tone: breaks, when: turn > 1000, text: It cannot happen. }\n  - { id: hollow,',
    );
    expect(text).not.toBe(FIXTURE.text);
    const path = copy('unreachable', text);
    const result = runCli(['check', path, '--plays', '300']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/PROBLEM: ending 'never' was not reached in 300 random plays/);
    expect(result.stdout.match(/PROBLEM/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/1 of 1 scenarios have problems/);
  });

  it('should exit 1 and name a development no option leads to', () => {
    const text = FIXTURE.text.replace(
      'reactions:\n',
      `  - id: island
    title: Nowhere
    date: Never
    place: Nowhere
    briefing: Nothing leads here.
    history: None.
    options:
      - { id: leave, label: Leave, description: Go., next: end }
reactions:
`,
    );
    const path = copy('island', text);
    const result = runCli(['check', path, '--plays', '200', '--json']);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.stdout);
    expect(report.problems).toEqual(expect.arrayContaining(["development 'island' is not reachable from 'the_call' by any option"]));
  });
});
