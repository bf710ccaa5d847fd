import { describe, expect, it } from 'vitest';
import { developmentById, recalledText } from '../../src/engine/core/development.ts';
import { playOut } from '../../src/engine/play/batch.ts';
import { historicalPolicy, offHistory } from '../../src/engine/play/policies.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { allScenarios, fixture } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';

/**
 * What the briefing recalls of the run so far, and what the historical policy does where history has
 * no answer. request_for_help's summit recalls the answer given at the call; its ceasefire is a test
 * development with no historical option.
 */
const scenario = fixture();
const summit = developmentById(scenario, 'summit');
const OBSERVERS = 'Yerevan remembers asking for troops and getting observers.';
const CAME = 'Yerevan remembers the allies who came.';

describe("the briefing's recollections", () => {
  it('should add a sentence to the briefing only where its condition holds of the run so far', () => {
    expect(summit.recalls.map((r) => r.text)).toEqual([OBSERVERS, CAME]);
    const at = (first: { option: string; leverage: boolean }) => {
      const run = startRun(scenario, 'recalls');
      // Nothing decided yet: nothing to remember, at the call or (looked at ahead) at the summit.
      expect(recalledText(summit, run.world)).toEqual([]);
      expect(recalledText(developmentById(scenario, 'the_call'), run.world)).toEqual([]);
      decide(run, first);
      if (run.world.development === 'ceasefire') decide(run, { option: 'move_on', leverage: false });
      expect(run.world.development).toBe('summit');
      return recalledText(summit, run.world);
    };
    expect(at({ option: 'fact_finding', leverage: false })).toEqual([OBSERVERS]);
    expect(at({ option: 'send_troops', leverage: true })).toEqual([CAME]);
    expect(at({ option: 'stay_silent', leverage: false })).toEqual([]);
  });
});

describe('the historical policy where history has no option', () => {
  it('should know where a development has no historical option', () => {
    expect(offHistory(scenario, 'ceasefire')).toBe(true);
    expect(offHistory(scenario, 'the_call')).toBe(false);
    expect(offHistory(scenario, 'summit')).toBe(false);
  });

  it('should draw among the choices there, not always take the first, and spend no leverage', () => {
    const taken = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const world = playOut(scenario, `off-history-${i}`, historicalPolicy).world;
      for (const d of world.decisions.filter((d) => d.development === 'ceasefire')) taken.set(d.option, (taken.get(d.option) ?? 0) + 1);
    }
    // The first choice at the ceasefire is monitor; the draw takes move_on too.
    expect([...taken.keys()].sort()).toEqual(['monitor', 'move_on']);
    // The same seed draws the same: the policy's stream is seeded by the run's.
    const again = (seed: string) => playOut(scenario, seed, historicalPolicy).world.decisions.map((d) => d.option);
    expect(again('off-history-7')).toEqual(again('off-history-7'));
  });

  it('should never spend leverage where history has no option, in any scenario', () => {
    let offDecisions = 0;
    for (const s of allScenarios()) {
      for (let i = 0; i < sized(10, 100); i++) {
        const world = playOut(s, `history-${i}`, historicalPolicy).world;
        for (const d of world.decisions) {
          if (!offHistory(s, d.development)) continue;
          offDecisions++;
          expect(d.leverage).toBe(false);
        }
      }
    }
    expect(offDecisions).toBeGreaterThan(0);
  });
});
