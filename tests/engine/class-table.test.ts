import { describe, expect, it } from 'vitest';
import { actOnTable, newTable, tableRun, timeLeft, type TableActor, type TableState } from '../../src/engine/play/class-table.ts';
import type { Exercise } from '../../src/engine/play/exercise.ts';
import { recordOf, replay, worldHash } from '../../src/engine/play/record.ts';
import { decide, startRun } from '../../src/engine/play/run.ts';
import { mustLoad, read } from '../support/scenarios.ts';

const scenario = mustLoad(read('scenarios/armenia_2022.yaml'));
const exercise = (settings: Partial<Exercise['settings']> = {}): Exercise => ({
  format: 1,
  title: 'Lesson 3',
  scenario: scenario.id,
  seed: 'lesson 3',
  teams: [
    { name: 'Chair', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
    { name: 'Astana and Minsk', roles: ['KZ', 'BY'] },
  ],
  settings: { hideForecasts: true, showAdvice: false, timers: { briefing: 2, council: 5, aftermath: 0 }, classDecisions: 'all', ...settings },
});
const teacher: TableActor = { kind: 'teacher' };
const team = (i: number): TableActor => ({ kind: 'team', team: i });

/** Applies an action that must be accepted. */
function act(ex: Exercise, table: TableState, actor: TableActor, action: Parameters<typeof actOnTable>[4], now = 0): TableState {
  const next = actOnTable(scenario, ex, table, actor, action, now);
  if (!next.ok) throw new Error(next.error);
  return next.value;
}

function refusal(ex: Exercise, table: TableState, actor: TableActor, action: Parameters<typeof actOnTable>[4]): string {
  const next = actOnTable(scenario, ex, table, actor, action, 0);
  expect(next.ok).toBe(false);
  return next.ok ? '' : next.error;
}

describe('a table of a live class', () => {
  it('should take a decision with the declared stances, as the engine takes it from one screen', () => {
    const ex = exercise();
    let table = newTable(scenario, ex, 1000);
    expect(table).toMatchObject({ phase: 'briefing', version: 1, drafts: {}, paused: false });
    expect(table.record.decisions).toEqual([]);
    table = act(ex, table, teacher, { type: 'advance' });
    expect(table.phase).toBe('council');
    // Kazakhstan's and Belarus's computed vetoes block military assistance; their team declares acceptance instead.
    for (const member of ['KZ', 'BY'] as const) {
      table = act(ex, table, team(2), {
        type: 'declare',
        option: 'military_assistance',
        member,
        declaration: { stance: 'accepts', argument: 'An ally asked.' },
      });
    }
    table = act(ex, table, team(1), { type: 'declare', option: 'military_assistance', member: 'AM', declaration: { stance: 'supports' } });
    expect(table.version).toBe(5);
    const declared = table.drafts;
    table = act(ex, table, team(0), { type: 'choose', option: 'military_assistance', leverage: false });
    expect(table).toMatchObject({ phase: 'reveal', drafts: {} });
    expect(table.record.declared).toEqual([declared]);

    const solo = startRun(scenario, 'lesson 3', { recordCauses: true });
    decide(solo, { option: 'military_assistance', leverage: false, declared });
    expect(worldHash(tableRun(scenario, table).world)).toBe(worldHash(solo.world));
    expect(table.record).toEqual(recordOf(solo));

    table = act(ex, table, teacher, { type: 'advance' });
    expect(table.phase).toBe('aftermath');
    table = act(ex, table, teacher, { type: 'advance' });
    expect(table.phase).toBe('briefing');
    expect(tableRun(scenario, table).world.development).toBe('readiness_exercises');
  });

  it('should refuse whoever may not act, with a sentence, and leave the table as it was', () => {
    const ex = exercise();
    const briefing = newTable(scenario, ex, 0);
    expect(refusal(ex, briefing, team(1), { type: 'advance' })).toMatch(/Only the teacher/);
    expect(refusal(ex, briefing, team(1), { type: 'declare', option: 'silence', member: 'AM', declaration: { stance: 'vetoes' } })).toMatch(
      /Council is not sitting/,
    );
    const council = act(ex, briefing, teacher, { type: 'advance' });
    expect(refusal(ex, council, team(1), { type: 'declare', option: 'silence', member: 'KZ', declaration: { stance: 'vetoes' } })).toMatch(
      /does not speak for Kazakhstan: Astana and Minsk does/,
    );
    expect(refusal(ex, council, teacher, { type: 'declare', option: 'silence', member: 'RU', declaration: { stance: 'vetoes' } })).toMatch(
      /No team speaks for Russia/,
    );
    expect(refusal(ex, council, team(1), { type: 'choose', option: 'silence', leverage: false })).toMatch(/Only the chair's team chooses: Chair/);
    expect(refusal(ex, council, teacher, { type: 'declare', option: 'no_such', member: 'AM', declaration: { stance: 'vetoes' } })).toMatch(/not on the table/);
    expect(refusal(ex, council, teacher, { type: 'advance' })).toMatch(/when the chair chooses/);
    expect(refusal(ex, council, teacher, { type: 'resume' })).toMatch(/not paused/);
  });

  it('should wait, without advice, for every team holding a member to declare on the option chosen', () => {
    const ex = exercise();
    let table = act(ex, newTable(scenario, ex, 0), teacher, { type: 'advance' });
    expect(refusal(ex, table, team(0), { type: 'choose', option: 'sidorov_mission', leverage: false })).toMatch(/Not yet: the teams for .*Armenia/);
    // Kazakhstan's and Belarus's model stances veto military assistance: the refusal waits for their team, and gives neither stance nor number away.
    const waiting = refusal(ex, table, team(0), { type: 'choose', option: 'military_assistance', leverage: false });
    expect(waiting).toMatch(/^Not yet: the teams for /);
    expect(waiting).not.toMatch(/veto|score|-?\d+\.\d/);
    table = act(ex, table, team(1), {
      type: 'declare',
      option: 'sidorov_mission',
      member: 'AM',
      declaration: { stance: 'objects', argument: 'Words are not troops.' },
    });
    table = act(ex, table, team(2), { type: 'declare', option: 'sidorov_mission', member: 'KZ', declaration: { stance: 'supports' } });
    table = act(ex, table, team(2), { type: 'declare', option: 'sidorov_mission', member: 'BY', declaration: { stance: 'supports' } });
    // A declared veto blocks an option that needs consensus: Armenia's team vetoes the condemnation.
    table = act(ex, table, team(1), { type: 'declare', option: 'condemn_attack', member: 'AM', declaration: { stance: 'vetoes' } });
    table = act(ex, table, team(2), { type: 'declare', option: 'condemn_attack', member: 'KZ', declaration: { stance: 'supports' } });
    table = act(ex, table, team(2), { type: 'declare', option: 'condemn_attack', member: 'BY', declaration: { stance: 'supports' } });
    expect(refusal(ex, table, team(0), { type: 'choose', option: 'condemn_attack', leverage: false })).toMatch(/Armenia's team declared a veto/);
    const withdrawn = act(ex, table, team(1), { type: 'declare', option: 'condemn_attack', member: 'AM', declaration: null });
    expect(withdrawn.drafts.condemn_attack).toEqual({ KZ: { stance: 'supports' }, BY: { stance: 'supports' } });
    table = act(ex, table, team(0), { type: 'choose', option: 'sidorov_mission', leverage: false });
    expect(table.record.decisions).toEqual(['sidorov_mission']);
    const replayed = replay(scenario, table.record);
    expect(replayed.ok && replayed.value.run.world.decisions[0]?.declared?.sidorov_mission?.AM).toEqual({
      stance: 'objects',
      argument: 'Words are not troops.',
    });
  });

  it('should play the decisions the class leaves to history, up to its next one or the end', () => {
    const ex = exercise({ classDecisions: ['yerevan_summit'] });
    let table = newTable(scenario, ex, 0);
    expect(table.phase).toBe('briefing');
    expect(table.record.decisions).toHaveLength(2);
    expect(tableRun(scenario, table).world.development).toBe('yerevan_summit');
    table = act(ex, table, teacher, { type: 'advance' });
    const option = scenario.developments.yerevan_summit!.options.find((o) => o.historical)!.id;
    for (const [t, member] of [
      [1, 'AM'],
      [2, 'KZ'],
      [2, 'BY'],
    ] as const) {
      table = act(ex, table, team(t), { type: 'declare', option, member, declaration: { stance: 'accepts' } });
    }
    table = act(ex, table, team(0), { type: 'choose', option, leverage: false });
    table = act(ex, act(ex, table, teacher, { type: 'advance' }), teacher, { type: 'advance' });
    expect(table.phase).toBe('debrief');
    expect(tableRun(scenario, table).world.ending).not.toBeNull();
    expect(table.record.declared?.map((d) => d !== null)).toEqual([false, false, true, ...table.record.decisions.slice(3).map(() => false)]);
    expect(refusal(ex, table, teacher, { type: 'advance' })).toMatch(/run is over/);
  });

  it('should keep the clock across a pause, and start each timed phase afresh', () => {
    const ex = exercise();
    let table = newTable(scenario, ex, 1_000);
    expect(timeLeft(table.timer, 31_000)).toBe(90_000);
    table = act(ex, table, teacher, { type: 'pause' }, 61_000);
    expect(table.paused).toBe(true);
    expect(timeLeft(table.timer, 500_000)).toBe(60_000);
    expect(refusal(ex, table, teacher, { type: 'pause' })).toMatch(/already paused/);
    table = act(ex, table, teacher, { type: 'resume' }, 500_000);
    expect(timeLeft(table.timer, 530_000)).toBe(30_000);
    table = act(ex, table, teacher, { type: 'advance' }, 600_000);
    expect(timeLeft(table.timer, 600_000)).toBe(300_000);
    expect(timeLeft({ durationMs: null, elapsedMs: 0, runningSince: 0 }, 5)).toBeNull();
  });
});
