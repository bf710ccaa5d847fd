import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH } from '../support/scenarios.ts';

const RECORD_LINK = 'https://example.org/play#v=1&s=request_for_help&seed=7&d=fact_finding,vague_declaration';
const TOO_LONG = 'x'.repeat(193);

describe('base seeds of the batch commands', () => {
  it.each([
    ['check', ['check', FIXTURE_PATH, '--plays', '2']],
    ['fidelity', ['fidelity', FIXTURE_PATH, '--runs', '2']],
    ['balance', ['balance', FIXTURE_PATH, '--runs', '2']],
    ['compare', ['compare', FIXTURE_PATH, '--policy', 'historical', '--runs', '2']],
    ['fork', ['fork', RECORD_LINK, '--scenario', FIXTURE_PATH, '--at', '1', '--options', 'stay_silent', '--runs', '2']],
    ['sensitivity', ['sensitivity', FIXTURE_PATH, '--runs', '2']],
  ])('should refuse a base seed too long for its runs to be opened alone in %s, with exit 2 and the reason', (_, args) => {
    const result = runCli([...args, '--seed', TOO_LONG]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/a base seed is at most 192 characters, so that each run's seed \(<seed>-<run>\) is at most 200; this one has 193/);
  });

  it('should accept a base seed of the longest length', () => {
    const result = runCli(['fidelity', FIXTURE_PATH, '--runs', '2', '--seed', 'x'.repeat(192)]);
    expect(result.code).toBe(0);
  });
});
