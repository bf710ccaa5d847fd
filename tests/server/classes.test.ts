import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Classes, IDLE_MS } from '../../src/server/classes.ts';
import { ScenarioShelf } from '../../src/server/scenario-shelf.ts';
import { sha256 } from '../../src/server/secrets.ts';
import { ClassStore } from '../../src/server/store.ts';

const exercise = {
  format: 1,
  title: 'Lesson 3',
  scenario: 'armenia_2022',
  seed: 'lesson 3',
  teams: [
    { name: 'Chair', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
  ],
  settings: { hideForecasts: true, showAdvice: true, timers: { briefing: 0, council: 0, aftermath: 0 }, classDecisions: 'all' },
};

/** A server used all year holds only the classes in use: the others are read from the store when asked for. */
describe("the server's classes in memory", () => {
  it('should read a class from the store when first asked, and let go of it once idle with nobody connected', () => {
    let now = 1_000_000;
    const store = new ClassStore(join(mkdtempSync(join(tmpdir(), 'class-cache-')), 'classes.sqlite'));
    const shelf = new ScenarioShelf();
    const classes = new Classes(store, shelf, () => now);
    const made = classes.create(exercise, 2, now);
    if (!made.ok) throw new Error(made.error);
    const { code } = made.value;
    const live = classes.get(code.toLowerCase())!;
    expect(live.act(1, { kind: 'teacher' }, { type: 'advance' }, now).ok).toBe(true);

    // Another server on the same file (a restart) knows nothing until asked, then has the table where it was.
    const restarted = new Classes(store, shelf, () => now);
    expect(restarted.size).toBe(0);
    expect(restarted.get(code)?.table(1)).toEqual(live.table(1));
    expect(restarted.get('ZZZZZZ')).toBeUndefined();

    now += IDLE_MS - 1;
    expect(classes.sweep()).toBe(0);
    now += 1;
    const student = 'a-student-token-0001';
    expect(live.join(student, 'Ana', 1, 1, now).ok).toBe(true);
    live.connected(sha256(student), 1);
    now += IDLE_MS;
    // Someone sits in it: it stays, whatever the time.
    expect(classes.sweep()).toBe(0);
    live.connected(sha256(student), -1);
    expect(classes.sweep()).toBe(1);
    expect(classes.size).toBe(0);
    const again = classes.get(code)!;
    expect(again).not.toBe(live);
    expect(again.table(1)).toEqual(live.table(1));
    expect(again.roster().map((s) => s.name)).toEqual(['Ana']);
    store.close();
  });
});
