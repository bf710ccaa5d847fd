import { expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy, historicalPolicy } from '../../src/engine/play/policies.ts';
import { verdictAgainstHistory } from '../../src/engine/play/verdict.ts';
import { cohesion } from '../../src/engine/rules/cohesion.ts';
import { fixture } from '../support/scenarios.ts';

const scenario = fixture();

it('should call a run that sends troops, where history sent none, better for the alliance, by the endings', () => {
  const history = playOut(scenario, '7', historicalPolicy).world;
  const mine = playOut(scenario, '7', fixedPolicy({ the_call: 'send_troops', ceasefire: 'monitor', summit: 'strong_declaration' })).world;
  const verdict = verdictAgainstHistory(scenario, mine, history);
  expect(verdict.mine.id).toBe('answered');
  expect(verdict.history.tone).not.toBe('holds');
  expect(verdict).toMatchObject({ comparison: 'better', decidedBy: 'tone' });
  // The other way round, the same two runs are worse.
  expect(verdictAgainstHistory(scenario, history, mine).comparison).toBe('worse');
});

it('should call the historical run the same as itself, with the same figures', () => {
  const history = playOut(scenario, '3', historicalPolicy).world;
  const verdict = verdictAgainstHistory(scenario, history, history);
  expect(verdict.comparison).toBe('the same');
  expect(verdict.decidedBy).toBe('nothing');
  expect(verdict.figures.mine).toEqual(verdict.figures.history);
  expect(verdict.figures.mine.cohesion).toBe(cohesion(history, scenario.params.cohesion));
  expect(verdict.figures.mine.membersIn).toBeLessThanOrEqual(verdict.members);
});

it('should tell two endings of one tone apart by final cohesion, and only by a whole point or more', () => {
  const runs = ['1', '2', '3', '4', '5', '6', '7', '8'].flatMap((seed) => [
    playOut(scenario, seed, fixedPolicy({ the_call: 'stay_silent', summit: 'vague_declaration' })).world,
    playOut(scenario, seed, fixedPolicy({ the_call: 'fact_finding', ceasefire: 'move_on', summit: 'strong_declaration' })).world,
  ]);
  let compared = 0;
  for (const a of runs)
    for (const b of runs) {
      const verdict = verdictAgainstHistory(scenario, a, b);
      if (verdict.mine.tone !== verdict.history.tone) continue;
      const gap = Math.round(verdict.figures.mine.cohesion) - Math.round(verdict.figures.history.cohesion);
      expect(verdict.comparison).toBe(gap >= 1 ? 'better' : gap <= -1 ? 'worse' : 'the same');
      if (gap !== 0) compared++;
    }
  expect(compared).toBeGreaterThan(0);
});

it('should refuse a run that has not ended', () => {
  const unfinished = playOut(scenario, '1', historicalPolicy).world;
  expect(() => verdictAgainstHistory(scenario, { ...unfinished, ending: null }, unfinished)).toThrow(/not ended/);
});
