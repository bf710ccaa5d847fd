import { describe, expect, it } from 'vitest';
import { PolicyError, policyFor } from '../../src/engine/play/policies.ts';
import { loadPolicyFile } from '../../src/engine/play/policy-file.ts';
import { fixture } from '../support/scenarios.ts';

const KNOWN = /\(known: the_call, ceasefire, summit\)/;

describe('a fixed plan is checked against the scenario', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('should refuse the development %s as unknown, naming the known ones', (name) => {
    expect(() => policyFor(`fixed:${name}=x`, fixture())).toThrow(PolicyError);
    expect(() => policyFor(`fixed:${name}=x`, fixture())).toThrow(KNOWN);
  });

  it('should refuse an option the development lacks, naming its options', () => {
    expect(() => policyFor('fixed:the_call=send_tanks', fixture())).toThrow(
      /no option 'send_tanks' at the_call \(options: send_troops, fact_finding, stay_silent\)/,
    );
    expect(() => policyFor('fixed:the_call=constructor', fixture())).toThrow(/no option 'constructor' at the_call/);
  });

  it('should keep a known plan', () => {
    expect(policyFor('fixed:the_call=stay_silent', fixture()).plan).toEqual({ the_call: 'stay_silent' });
  });

  it.each(['constructor', '__proto__', 'toString'])('should refuse %s in a policy file at its line, naming the known developments', (name) => {
    const result = loadPolicyFile({ file: 'p.yaml', text: `choose:\n  the_call: stay_silent\n  ${name}: x\n` }, fixture());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatchObject({
      line: 3,
      message: expect.stringMatching(new RegExp(`^no development '${name}' in request_for_help ${KNOWN.source}`)),
    });
  });
});
