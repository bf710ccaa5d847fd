import { describe, expect, it } from 'vitest';
import {
  decodeExerciseParams,
  encodeExerciseParams,
  exerciseFile,
  exerciseProblems,
  isClassDecision,
  normaliseSeed,
  readExercise,
  readExerciseFile,
  teamOf,
  type Exercise,
} from '../../src/engine/play/exercise.ts';
import { fixture } from '../support/scenarios.ts';

/** An exercise is what a teacher prepares once and every screen in the class opens the same. */
const scenario = fixture();
const exercise: Exercise = {
  format: 1,
  title: 'Class 7B: a request for help',
  scenario: 'request_for_help',
  seed: 'class 7b',
  teams: [
    { name: 'Secretariat', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
    { name: 'Astana & Minsk', roles: ['KZ', 'BY'] },
  ],
  settings: { hideForecasts: true, showAdvice: false, timers: { briefing: 5, council: 10, aftermath: 3 }, classDecisions: ['the_call', 'summit'] },
};

describe('a classroom exercise', () => {
  it('should travel as a link and as a file and come back the same', () => {
    const link = `https://school.example/#/class/exercise?${encodeExerciseParams(exercise)}`;
    expect(decodeExerciseParams(link)).toEqual({ ok: true, value: exercise });
    expect(readExerciseFile(exerciseFile(exercise))).toEqual({ ok: true, value: exercise });
  });

  it('should say in words what is wrong with a damaged exercise', () => {
    expect(readExerciseFile('{"format":1')).toEqual({ ok: false, error: 'not an exercise: it is not readable data' });
    expect(readExercise({ ...exercise, teams: [] })).toEqual({ ok: false, error: 'not an exercise: it has no teams' });
    expect(readExercise({ ...exercise, teams: [{ name: 'A', roles: ['XX'] }] })).toEqual({ ok: false, error: 'not an exercise: team 1 cannot be read' });
    expect(readExercise({ ...exercise, seed: undefined })).toEqual({ ok: false, error: 'not an exercise: it has no seed' });
    expect(readExercise({ ...exercise, format: 9 }).ok).toBe(false);
    expect(decodeExerciseParams('#/class/exercise?x=1')).toEqual({
      ok: false,
      error: "this link is not an exercise (it has no 'e=' part: is it the whole link?)",
    });
    expect(decodeExerciseParams('#/class/exercise?e=%E0%A4%A')).toEqual({ ok: false, error: 'this exercise link is damaged (it is not readable)' });
  });

  it('should find what stops an exercise from being played on its scenario', () => {
    expect(exerciseProblems(exercise, scenario)).toEqual([]);
    const broken: Exercise = {
      ...exercise,
      teams: [
        { name: 'Baku', roles: ['AZ', 'AM'] },
        { name: 'Yerevan', roles: ['AM'] },
        { name: 'yerevan', roles: [] },
      ],
      settings: { ...exercise.settings, classDecisions: ['the_call', 'treaty_signed'] },
    };
    expect(exerciseProblems(broken, scenario)).toEqual([
      `Baku holds AZ, which has no seat in ${scenario.title}`,
      'Armenia is held by both Baku and Yerevan',
      'two teams are called "yerevan"',
      'no team holds the chair (the Secretary General, who chooses)',
      `the class is to decide at 'treaty_signed', which is not a decision of ${scenario.title}`,
    ]);
  });

  it('should know who holds what and which decisions the class takes', () => {
    expect(teamOf(exercise, 'chair')).toBe(0);
    expect(teamOf(exercise, 'BY')).toBe(2);
    expect(teamOf(exercise, 'RU')).toBeNull();
    expect(['the_call', 'ceasefire', 'summit'].map((d) => isClassDecision(exercise, d))).toEqual([true, false, true]);
    expect(isClassDecision({ ...exercise, settings: { ...exercise.settings, classDecisions: 'all' } }, 'ceasefire')).toBe(true);
  });

  it('should make the seeds a class types one seed', () => {
    expect(normaliseSeed('Class 7B')).toBe('class 7b');
    expect(normaliseSeed('  class   7b ')).toBe('class 7b');
    // Only ASCII capitals are folded, by code point, so the result is the same on every machine and locale.
    expect(normaliseSeed('İstanbul ÄB')).toBe('İstanbul Äb');
  });
});
