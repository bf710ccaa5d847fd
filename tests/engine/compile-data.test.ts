import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileScenarioData } from '../../src/engine/authoring/compile/from-data.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy } from '../../src/engine/play/policies.ts';
import { worldHash } from '../../src/engine/play/record.ts';
import { FIXTURE, RULES, mustLoad } from '../support/scenarios.ts';

const files = { scenario: FIXTURE.file, rules: RULES.file };
/** Functions compared by their presence only: the data says what is compiled, the golden worlds how it plays. */
const shape = (value: unknown) => JSON.stringify(value, (key, v) => (typeof v === 'function' ? 'fn' : key === 'contentHash' ? '' : v));

describe('compiling a scenario from data', () => {
  it('should compile the same scenario from its data as from its text, and play the same worlds', () => {
    const fromText = mustLoad();
    const fromData = compileScenarioData({ scenario: parse(FIXTURE.text), rules: parse(RULES.text), files });
    if (!fromData.ok) throw new Error(fromData.error.map((p) => p.message).join('\n'));
    expect(shape(fromData.value)).toBe(shape(fromText));
    for (const seed of ['a', 'b', 'c']) {
      expect(worldHash(playOut(fromData.value, seed, historicalPolicy).world)).toBe(worldHash(playOut(fromText, seed, historicalPolicy).world));
    }
  });

  it('should refuse data the schema refuses, with the path of each problem at the start of the file', () => {
    const scenario = { ...parse(FIXTURE.text), era: 'twenty' };
    const result = compileScenarioData({ scenario, rules: parse(RULES.text), files });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]).toMatchObject({ file: FIXTURE.file, line: 1, col: 1, path: 'era' });
  });

  it('should refuse a broken number in the standing rules, naming the rules file', () => {
    const rules = parse(RULES.text);
    rules.alliance[0].credibility.value = 140;
    const result = compileScenarioData({ scenario: parse(FIXTURE.text), rules, files });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]).toMatchObject({ file: RULES.file, path: 'alliance[0].credibility.value' });
  });
});
