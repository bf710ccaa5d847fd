import { describe, expect, it } from 'vitest';
import { historyChoice, historyTookBefore } from '../../src/engine/play/class-decisions.ts';
import type { Exercise } from '../../src/engine/play/exercise.ts';
import { choicesOf, Council } from '../../src/engine/play/choices.ts';
import { decide, isOver, startRun } from '../../src/engine/play/run.ts';
import { fixture } from '../support/scenarios.ts';

const scenario = fixture();
const exercise = (classDecisions: Exercise['settings']['classDecisions']): Exercise => ({
  format: 1,
  title: 'A class',
  scenario: scenario.id,
  seed: 'class 7b',
  teams: [{ name: 'Chair', roles: ['chair'] }],
  settings: { hideForecasts: true, showAdvice: false, timers: { briefing: 0, council: 0, aftermath: 0 }, classDecisions },
});

describe('the decisions a class leaves to history', () => {
  it('should take what the alliance did wherever history has an answer, and otherwise a choice the Council can take', () => {
    let historical = 0;
    for (const seed of ['class 7b', 'history-2', 'history-3', 'history-4']) {
      const run = startRun(scenario, seed, { recordCauses: true });
      while (!isOver(run)) {
        const council = new Council(run);
        const choice = historyChoice(run);
        const history = council.development.options.find((o) => o.historical && choicesOf(run).some((c) => c.option === o.id));
        if (history) {
          historical += 1;
          expect(choice.option).toBe(history.id);
        } else expect(choicesOf(run).map((c) => `${c.option}:${c.leverage}`)).toContain(`${choice.option}:${choice.leverage}`);
        decide(run, choice);
      }
    }
    expect(historical).toBeGreaterThan(4);
  });

  it('should be the same choice on a reload of the same run', () => {
    const a = startRun(scenario, 'same', { recordCauses: true });
    const b = startRun(scenario, 'same', { recordCauses: true });
    expect(historyChoice(a)).toEqual(historyChoice(b));
  });

  it('should list the decisions history took since the class last sat, in order', () => {
    const path = ['a', 'b', 'c', 'd'].map((development) => ({ development }));
    expect(historyTookBefore(exercise(['a', 'd']), path.slice(0, 3))).toEqual([2, 3]);
    expect(historyTookBefore(exercise(['c']), path.slice(0, 2))).toEqual([1, 2]);
    expect(historyTookBefore(exercise(['a', 'b']), path.slice(0, 2))).toEqual([]);
    expect(historyTookBefore(exercise(['a', 'd']), path)).toEqual([]);
    expect(historyTookBefore(exercise('all'), path)).toEqual([]);
  });
});
