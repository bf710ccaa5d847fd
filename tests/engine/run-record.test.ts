import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { randomPolicy } from '../../src/engine/play/policies.ts';
import { MAX_SEED_LENGTH, readRunRecord, recordOf, seedProblem } from '../../src/engine/play/record.ts';
import { decodeRunParams, encodeRunParams } from '../../src/engine/play/share-link.ts';
import { fixture } from '../support/scenarios.ts';

describe('the seed limit', () => {
  const scenario = fixture();
  const longest = 's'.repeat(MAX_SEED_LENGTH);
  const tooLong = `${longest}s`;

  it('should accept a seed at the limit in a record and a link, and give the same run back', () => {
    const record = recordOf(playOut(scenario, longest, randomPolicy));
    expect(seedProblem(longest)).toBeNull();
    expect(readRunRecord(JSON.parse(JSON.stringify(record)))).toEqual({ ok: true, value: record });
    expect(decodeRunParams(encodeRunParams(record))).toEqual({ ok: true, value: record });
  });

  it('should refuse a seed past the limit, saying how long a seed may be', () => {
    expect(seedProblem(tooLong)).toBe(`a seed is at most ${MAX_SEED_LENGTH} characters long, and this one has ${MAX_SEED_LENGTH + 1}`);
    const record = { ...recordOf(playOut(scenario, 'x', randomPolicy)), seed: tooLong };
    expect(decodeRunParams(encodeRunParams(record))).toEqual({ ok: false, error: `this link's seed is too long: ${seedProblem(tooLong)}` });
  });
});

describe('what is wrong with a record, in plain words', () => {
  const record = recordOf(playOut(fixture(), 'plain', randomPolicy));

  it.each<[string, unknown, string]>([
    ['something that is not a record', 'a run', 'it is not a saved run'],
    ['a missing seed', { ...record, seed: undefined }, 'it has no seed'],
    ['a scenario name the game never writes', { ...record, scenario: "Robert');DROP" }, "its scenario's name is not one the game writes"],
    ['a seed too long', { ...record, seed: 's'.repeat(MAX_SEED_LENGTH + 1) }, `its seed is longer than ${MAX_SEED_LENGTH} characters`],
    ['a decision that is no option name', { ...record, decisions: ['fact_finding', 'Send Troops!'] }, 'decision 2 is not the name of an option'],
    ['too many decisions', { ...record, decisions: Array(501).fill('x') }, 'it has more than 500 decisions'],
    ['a format that is not a number', { ...record, format: 'one' }, 'its format number cannot be read'],
  ])('should say what is wrong with %s, without the schema’s wording', (_, data, problem) => {
    const read = readRunRecord(data);
    expect(read).toEqual({ ok: false, error: `not a run record: ${problem}` });
    if (!read.ok) expect(read.error).not.toMatch(/pattern|\/\^|expected|Invalid|received|Too big/);
  });
});
