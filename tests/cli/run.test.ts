import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playOut, summarize } from '../../src/engine/play/batch.ts';
import { fixedPolicy } from '../../src/engine/play/policies.ts';
import { MAX_SEED_LENGTH } from '../../src/engine/play/record.ts';
import { runCli } from './run-cli.ts';
import { FIXTURE_PATH, fixture } from '../support/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'article-four-run-'));

describe('run', () => {
  it('should print the run as JSON with the documented fields, the same twice', () => {
    const args = ['run', FIXTURE_PATH, '--seed', '7', '--decisions', 'stay_silent,vague_declaration', '--json'];
    const first = runCli(args);
    const second = runCli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({
      scenario: 'request_for_help',
      seed: '7',
      decisions: ['stay_silent', 'vague_declaration'],
      ending: expect.stringMatching(/^(answered|broken|hollow)$/),
      world: {
        cohesion: expect.any(Number),
        credibility: expect.any(Number),
        moscowBandwidth: expect.any(Number),
        members: { AM: { loyalty: expect.any(Number), publicSupport: expect.any(Number), hedging: expect.any(Number), status: 'member' } },
      },
      reactions: expect.any(Array),
      hash: expect.stringMatching(/^[0-9a-f]{14}$/),
    });
    expect(Object.keys(out.world.members)).toEqual(['RU', 'BY', 'AM', 'KZ', 'KG', 'TJ']);
  });

  it('should print what the engine computes for the same seed and decisions', () => {
    const result = runCli(['run', FIXTURE_PATH, '--seed', '11', '--decisions', 'stay_silent,vague_declaration', '--json']);
    const engine = summarize(playOut(fixture(), '11', fixedPolicy({ the_call: 'stay_silent', summit: 'vague_declaration' })));
    expect(JSON.parse(result.stdout)).toMatchObject({ ...engine, ending: engine.ending });
  });

  it('should write a run record that plays back to the same world', () => {
    const record = join(dir, 'record.json');
    const played = runCli(['run', FIXTURE_PATH, '--seed', 'r', '--policy', 'random', '--json', '--record', record]);
    expect(played.code).toBe(0);
    const saved = JSON.parse(readFileSync(record, 'utf8'));
    expect(saved).toMatchObject({ format: 2, scenario: 'request_for_help', seed: 'r', decisions: expect.any(Array) });
    const again = runCli(['run', FIXTURE_PATH, '--seed', 'r', '--decisions', saved.decisions.join(','), '--json']);
    expect(JSON.parse(again.stdout).hash).toBe(JSON.parse(played.stdout).hash);
  });

  it.each([
    ['an option that does not exist', ['--decisions', 'fact_finding,nuke'], /^decision 2: 'nuke' is not an option at (ceasefire|summit) \(options: /],
    [
      'a vetoed option',
      ['--decisions', 'send_troops'],
      /^decision 1: 'send_troops' cannot be chosen at the_call: vetoed by Kazakhstan \(Kazakhstan scores -31\.5: a veto below -30; leverage reaches -35, so it can buy this\)/,
    ],
    ['a decision after the end', ['--decisions', 'stay_silent,vague_declaration,monitor'], /^decision 3 \('monitor'\) comes after the run has ended/],
    ['an unknown policy', ['--policy', 'cautious'], /unknown policy 'cautious'/],
    ['two ways of choosing', ['--historical', '--policy', 'random'], /give exactly one of --decisions/],
  ])('should exit 2 with a message and no stack trace for %s', (_, args, message) => {
    const result = runCli(['run', FIXTURE_PATH, '--seed', '1', ...args, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+/);
  });

  it.each([['run', '--historical', '--json'], ['play']])(
    'should exit 2 with a message when the seed of %s is longer than a record keeps',
    (command, ...rest) => {
      const result = runCli([command, FIXTURE_PATH, '--seed', 's'.repeat(MAX_SEED_LENGTH + 1), ...rest], '1\n');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe(`--seed: a seed is at most ${MAX_SEED_LENGTH} characters long, and this one has ${MAX_SEED_LENGTH + 1}`);
      expect(runCli(['run', FIXTURE_PATH, '--seed', 's'.repeat(MAX_SEED_LENGTH), '--historical', '--json']).code).toBe(0);
    },
  );

  it('should exit 2 without a stack trace when the seed is missing', () => {
    const result = runCli(['run', FIXTURE_PATH, '--historical']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--seed/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('should say on stderr where a path left history for a development history never reached, and what was drawn there', () => {
    // The fixture's ceasefire follows the troops the alliance never sent: it has no historical option.
    const result = runCli(['run', FIXTURE_PATH, '--policy', 'fixed:the_call=send_troops', '--seed', 'note-1', '--json']);
    expect(result.code).toBe(0);
    const decisions = (JSON.parse(result.stdout) as { decisions: string[] }).decisions;
    expect(decisions[0]).toMatch(/^send_troops/);
    expect(result.stderr.trim()).toBe(`note: history never reached ceasefire; '${decisions[1]}' was drawn at random among the options that could pass`);
    const planned = runCli(['run', FIXTURE_PATH, '--policy', 'fixed:the_call=send_troops,ceasefire=monitor', '--seed', 'note-1']);
    expect(planned.code).toBe(0);
    expect(planned.stderr).not.toMatch(/history never reached/);
  });
});
