import { describe, expect, it } from 'vitest';
import { actOnTable, newTable, tableRun, type TableState } from '../../src/engine/play/class-table.ts';
import type { Exercise } from '../../src/engine/play/exercise.ts';
import { worldHash } from '../../src/engine/play/record.ts';
import { advanceToNext } from '../../src/engine/play/run.ts';
import { tableAftermath } from '../../src/engine/play/table-aftermath.ts';
import { mustLoad, read } from '../support/scenarios.ts';

const scenario = mustLoad(read('scenarios/armenia_2022.yaml'));
const exercise: Exercise = {
  format: 1,
  title: '',
  scenario: scenario.id,
  seed: 'aftermath',
  teams: [
    { name: 'Chair', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
  ],
  settings: { hideForecasts: false, showAdvice: true, timers: { briefing: 0, council: 0, aftermath: 0 }, classDecisions: 'all' },
};

function must(table: TableState, action: Parameters<typeof actOnTable>[4]): TableState {
  const next = actOnTable(scenario, exercise, table, { kind: 'teacher' }, action, 0);
  if (!next.ok) throw new Error(next.error);
  return next.value;
}

describe("a table's aftermath", () => {
  it('should be none before the first decision', () => {
    expect(tableAftermath(scenario, newTable(scenario, exercise, 0))).toBeNull();
  });

  it('should start from the World the Council met in and stop short of what arrives next', () => {
    const atCouncil = must(newTable(scenario, exercise, 0), { type: 'advance' });
    const declared = must(atCouncil, { type: 'declare', option: 'sidorov_mission', member: 'AM', declaration: { stance: 'objects', argument: 'Not enough.' } });
    const revealed = must(declared, { type: 'choose', option: 'sidorov_mission', leverage: false });
    const after = tableAftermath(scenario, revealed);
    expect(after).not.toBeNull();
    if (!after) return;
    expect(worldHash(after.before)).toBe(worldHash(tableRun(scenario, atCouncil).world));
    expect(after.run.world.decisions).toHaveLength(1);
    expect(after.run.world.decisions[0]?.declared).toEqual({ sidorov_mission: { AM: { stance: 'objects', argument: 'Not enough.' } } });
    // Its changes carry their causes, for "Why".
    expect(after.run.world.changes?.length ?? 0).toBeGreaterThan(0);
    // What follows is the arrival of the next development: with it, the World is the table's own.
    expect(after.run.pending).not.toBeNull();
    advanceToNext(after.run);
    expect(worldHash(after.run.world)).toBe(worldHash(tableRun(scenario, revealed).world));
  });
});
