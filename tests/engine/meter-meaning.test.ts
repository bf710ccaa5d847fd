import { expect, it } from 'vitest';
import { bandOfKey, changeMeaning, goodDirection, meterBand, statusMeaning } from '../../src/engine/rules/meter-meaning.ts';
import { allScenarios, mustLoad, read } from '../support/scenarios.ts';

it('should name the band a meter sits in, with each cut at a threshold the rules or endings use', () => {
  expect(meterBand('cohesion', 51).word).toBe('holding');
  expect(meterBand('cohesion', 49.6).word).toBe('holding'); // shown as 50
  expect(meterBand('cohesion', 49.4).word).toBe('strained');
  expect(meterBand('cohesion', 34).word).toBe('breaking');
  expect(meterBand('loyalty', 55).word).toBe('loyal');
  expect(meterBand('loyalty', 40).word).toBe('wavering');
  expect(meterBand('loyalty', 39).word).toBe('estranged');
  expect(meterBand('moscowBandwidth', 29).word).toBe('exhausted');
  // Hedging is better low: its best band is at or below its cut.
  expect(meterBand('hedging', 45)).toEqual({ word: 'anchored', tone: 'good' });
  expect(meterBand('hedging', 60)).toEqual({ word: 'looking elsewhere', tone: 'middling' });
  expect(meterBand('hedging', 66)).toEqual({ word: 'drifting away', tone: 'bad' });
  expect(bandOfKey('AM.loyalty', 20)?.word).toBe('estranged');
  expect(bandOfKey('AM.ties', 20)).toBeNull();
  expect(bandOfKey('unrest', 20)).toBeNull();
});

it('should judge a change by what it means for the alliance, not by its sign', () => {
  const kazakhstan = allScenarios().find((s) => s.id === 'kazakhstan_2022');
  if (!kazakhstan) throw new Error('kazakhstan_2022 is missing');
  expect(changeMeaning(kazakhstan, 'unrest', -21.6)).toBe('good');
  expect(changeMeaning(kazakhstan, 'weeks_deployed', 2)).toBe('bad');
  expect(changeMeaning(kazakhstan, 'KZ.hedging', 6)).toBe('bad');
  expect(changeMeaning(kazakhstan, 'KZ.hedging', -6)).toBe('good');
  expect(changeMeaning(kazakhstan, 'KZ.loyalty', -0.04)).toBe('neutral');
  expect(changeMeaning(kazakhstan, 'credibility', 3)).toBe('good');
  expect(changeMeaning(kazakhstan, 'cohesion', -3)).toBe('bad');
  expect(statusMeaning('suspended')).toBe('bad');
  expect(statusMeaning('member')).toBe('good');
});

it('should leave a counter its author gave no direction neutral', () => {
  const osh = allScenarios().find((s) => s.id === 'osh_2010');
  if (!osh) throw new Error('osh_2010 is missing');
  expect(changeMeaning(osh, 'non_intervention', 10)).toBe('neutral');
  expect(goodDirection(mustLoad(read('tests/fixtures/scenarios/border_clash.yaml')), 'no_such_value')).toBeNull();
});

it('should give every variable of the library a direction or none, read from the scenario file', () => {
  const directions = allScenarios().flatMap((s) => s.variables.map((v) => [`${s.id}.${v.id}`, goodDirection(s, v.id)]));
  expect(Object.fromEntries(directions)).toMatchObject({
    'belarus_2020.regime_threat': 'down',
    'karabakh_2020.csto_support': 'up',
    'kyrgyz_tajik_2022.mechanism': 'up',
    'osh_2010.non_intervention': null,
  });
});
