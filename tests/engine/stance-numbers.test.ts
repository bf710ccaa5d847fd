import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/analysis/check.ts';
import { startRun } from '../../src/engine/play/run.ts';
import { memberStance } from '../../src/engine/rules/council.ts';
import { describeStanceNumbers, stanceNumbers } from '../../src/engine/rules/stance-numbers.ts';
import { developmentById } from '../../src/engine/core/development.ts';
import { fixture, mustLoad, read } from '../support/scenarios.ts';

const scenario = fixture();
const sendTroops = developmentById(scenario, 'the_call').options.find((o) => o.id === 'send_troops');

describe('stanceNumbers', () => {
  it("should give a veto's score, the lines from the rules and leverage's reach, with the page's factors", () => {
    if (!sendTroops) throw new Error('the fixture has no send_troops');
    const stance = memberStance(scenario, startRun(scenario, 'n').world, sendTroops, 'KZ');
    const n = stanceNumbers(scenario, stance);
    expect(n).toMatchObject({ stance: 'vetoes', vetoBelow: -30, acceptsFrom: 0, leverageReaches: -35, buyable: true });
    expect(n.factors).toBe(stance.factors);
    const text = describeStanceNumbers(scenario, n);
    expect(text).toMatch(/^Kazakhstan scores -\d+(\.\d)? \(.*sides with Azerbaijan -\d+.*\): a veto below -30; leverage reaches -35, so it can buy this$/);
  });

  it('should say leverage never moves Russia', () => {
    if (!sendTroops) throw new Error('the fixture has no send_troops');
    const n = stanceNumbers(scenario, memberStance(scenario, startRun(scenario, 'n').world, sendTroops, 'RU'));
    expect(n.leverageReaches).toBeNull();
    expect(describeStanceNumbers(scenario, n)).toMatch(/Moscow's leverage never moves Russia$/);
  });

  it('should tell check why an option never came up: the closest veto, and how far leverage falls short', () => {
    const report = checkScenario(mustLoad(read('tests/fixtures/scenarios/border_clash.yaml')), 200);
    expect(report.problems.find((p) => p.includes("'side_with_kg'"))).toMatch(
      /never available to choose in 200 random plays: vetoed; at best Tajikistan scores -\d+(\.\d)?: a veto below -30; leverage reaches -35, \d+(\.\d)? short$/,
    );
  });
});
