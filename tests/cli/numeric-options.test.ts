import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH } from '../support/scenarios.ts';

const RECORD_LINK = 'https://example.org/play#v=1&s=request_for_help&seed=7&d=fact_finding,vague_declaration';

describe('numeric options', () => {
  it.each([
    ['fidelity --runs 0', ['fidelity', FIXTURE_PATH, '--runs', '0'], /^--runs must be a whole number from 1 to 1,000,000 \(got '0'\)$/],
    ['fidelity --runs abc', ['fidelity', FIXTURE_PATH, '--runs', 'abc'], /^--runs must be a whole number from 1 to 1,000,000 \(got 'abc'\)$/],
    ['fidelity --runs 1e9', ['fidelity', FIXTURE_PATH, '--runs', '1e9'], /^--runs must be a whole number from 1 to 1,000,000 \(got '1e9'\)$/],
    ['fidelity --min abc', ['fidelity', FIXTURE_PATH, '--runs', '5', '--min', 'abc'], /^--min must be a share from 0 to 1, such as 0\.8 \(got 'abc'\)$/],
    ['fidelity --min 80', ['fidelity', FIXTURE_PATH, '--runs', '5', '--min', '80'], /^--min must be a share from 0 to 1/],
    ['check --plays abc', ['check', FIXTURE_PATH, '--plays', 'abc'], /^--plays must be a whole number from 1 to 1,000,000 \(got 'abc'\)$/],
    ['check --plays 1e9', ['check', FIXTURE_PATH, '--plays', '1e9'], /^--plays must be a whole number from 1 to 1,000,000/],
    ['check --plays 2.5', ['check', FIXTURE_PATH, '--plays', '2.5'], /^--plays must be a whole number/],
    ['balance --plan-seeds -1', ['balance', FIXTURE_PATH, '--runs', '5', '--plan-seeds=-1'], /^--plan-seeds must be a whole number from 1 to 100,000/],
    ['compare --runs 1e9', ['compare', FIXTURE_PATH, '--policy', 'historical', '--runs', '1e9'], /^--runs must be a whole number from 1 to 1,000,000/],
    ['sensitivity --top abc', ['sensitivity', FIXTURE_PATH, '--runs', '2', '--top', 'abc'], /^--top must be a whole number from 1 to 10,000 \(got 'abc'\)$/],
    [
      'fork --at x',
      ['fork', RECORD_LINK, '--scenario', FIXTURE_PATH, '--at', 'x', '--options', 'stay_silent', '--runs', '2'],
      /^--at must be a whole number from 1 to 2 \(got 'x'\)$/,
    ],
    [
      'fork --runs 0x10',
      ['fork', RECORD_LINK, '--scenario', FIXTURE_PATH, '--at', '1', '--options', 'stay_silent', '--runs', '0x10'],
      /^--runs must be a whole number/,
    ],
  ])('should refuse %s with exit 2 and one line naming the bounds', (_, args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should accept the bounds themselves', () => {
    const result = runCli(['fidelity', FIXTURE_PATH, '--runs', '1', '--min', '0']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/over 1 seeds/);
  });
});
