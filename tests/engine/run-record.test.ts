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
