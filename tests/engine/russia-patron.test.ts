import { describe, expect, it } from 'vitest';
import { choiceAt, choicesOf } from '../../src/engine/play/choices.ts';
import { decide, isOver, startRun } from '../../src/engine/play/run.ts';
import { createRandom } from '../../src/engine/core/random.ts';
import { councilView } from '../../src/engine/rules/council.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { allScenarios, FIXTURE, mustLoad } from '../support/scenarios.ts';
import { sized } from '../support/tier.ts';

/**
 * Russia is the patron: what needs its forces, money or arms (russianEffort) never passes over its
 * objection, consensus or not, and Moscow's leverage, being Russia's own, never buys Russia. Checked on
 * every option the Council sees along random runs of every scenario, leverage spent where the run draws it.
 */

/**
 * request_for_help with Russia's interest in the troops too small to carry them while it is at war (an
 * objection by the score), and the troops no longer needing consensus: only Russia's refusal blocks them.
 */
const refusingText = FIXTURE.text
  .replace(/^( {10}RU: \{ interest: )\d+,/m, '$115,')
  .replace('consensus: true\n        intervention: 0.3', 'consensus: false\n        intervention: 0.3');
const refusing = mustLoad({ file: FIXTURE.file, text: refusingText });
const scenarios: Scenario[] = [...allScenarios(), refusing];
const seeds = sized(12, 120);

describe("Russia's objection to what needs its effort", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('should block every such option and leave leverage off Russia along random runs of %s', (_id, scenario) => {
    let refused = 0;
    let seen = 0;
    for (let i = 0; i < seeds; i++) {
      const run = startRun(scenario, `patron-${i}`, { recordCauses: false });
      const random = createRandom(`patron-${i}-choices`);
      while (!isOver(run)) {
        const views = councilView(scenario, run.world);
        for (const view of views) {
          expect(view.leverage.buys).not.toContain('RU');
          const ru = view.stances.find((s) => s.member === 'RU');
          if (view.option.russianEffort <= 0 || ru === undefined) continue;
          seen++;
          // Russia never merely objects to what it must carry out.
          expect(ru.stance).not.toBe('objects');
          expect(ru.buyable).toBe(false);
          if (ru.stance === 'vetoes') {
            refused++;
            expect(view.vetoedBy).toContain('RU');
            expect([view.passable, view.leverage.possible]).toEqual([false, false]);
          }
        }
        const choices = choicesOf(run, views);
        expect(choices.every((c) => !(c.view.option.russianEffort > 0 && c.view.stances.some((s) => s.member === 'RU' && s.stance === 'vetoes')))).toBe(true);
        decide(run, choiceAt(choices, Math.floor(random.next() * choices.length)));
      }
    }
    if (scenario === refusing) {
      // Without this, the check above might never meet a refusal and prove nothing.
      expect(refusingText.match(/RU: \{ interest: 15,|consensus: false\n {8}intervention: 0\.3/g)).toHaveLength(2);
      expect(refused).toBeGreaterThan(0);
      expect(seen).toBeGreaterThan(0);
    }
  });
});
