import { afterEach, describe, expect, it } from 'vitest';
import { historyChoice } from '../../src/engine/play/class-decisions.ts';
import { replay, worldHash } from '../../src/engine/play/record.ts';
import { decide, isOver, startRun } from '../../src/engine/play/run.ts';
import type { ClassView, StudentView } from '../../src/live/messages.ts';
import { ClassStore } from '../../src/server/store.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { mustLoad, read } from '../support/scenarios.ts';
import { createClass, LiveClient, newToken, student, teacher, threeTeams } from './live-client.ts';

const scenario = mustLoad(read('scenarios/armenia_2022.yaml'));
const servers: ClassServer[] = [];
const clients: LiveClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.stop();
});
const start = async (data?: string) => {
  const server = await startClassServer({ data });
  servers.push(server);
  return server;
};

describe('a live class across a restart of its server', () => {
  it('should resume every table at the same phase, version and drafts after the server is killed mid-Council, and let students rejoin by token', async () => {
    const first = await start();
    const { code, secret } = await createClass(first.url, threeTeams(), 2);
    const { client: teach } = await teacher(first.url, code, secret);
    clients.push(teach);
    const tokens = [newToken('chair'), newToken('yerevan'), newToken('astana')];
    const seated: StudentView[] = [];
    for (const [team, token] of tokens.entries()) {
      const { client, view } = await student(first.url, { code, student: token, name: `Team ${team}`, table: 1, team });
      clients.push(client);
      seated.push(view);
    }
    await teach.must('teacher.all', { action: { type: 'advance' } });
    const astana = clients[3]!;
    await astana.must('table.act', {
      table: 1,
      action: { type: 'declare', option: 'military_assistance', member: 'KZ', declaration: { stance: 'accepts', argument: 'We keep our word.' } },
    });
    await teach.must('table.act', { table: 2, action: { type: 'pause' } });
    const before = await teach.must<ClassView>('teacher.open', { code, secret });
    expect(before.tables[0]!.state).toMatchObject({ phase: 'council', version: 3 });

    await first.kill();
    for (const c of clients.splice(0)) c.close();

    const second = await start(first.dataFile);
    const { client: again, view: after } = await teacher(second.url, code, secret);
    clients.push(again);
    expect(after.tables).toEqual(before.tables);
    expect(after.tables[0]!.state.drafts).toEqual({ military_assistance: { KZ: { stance: 'accepts', argument: 'We keep our word.' } } });
    expect(after.tables[1]!.state.paused).toBe(true);
    // Everyone is still on the roster, no one connected until they come back.
    expect(after.students.map((s) => [s.name, s.connected])).toEqual([
      ['Team 0', false],
      ['Team 1', false],
      ['Team 2', false],
    ]);

    const back = new LiveClient(second.url);
    clients.push(back);
    await back.connected();
    const view = await back.must<StudentView>('student.rejoin', { code: code.toLowerCase(), student: tokens[1] });
    expect(view).toMatchObject({ code, table: 1, team: 1, name: 'Team 1' });
    expect(view.state).toEqual(before.tables[0]!.state);
    // And it plays on where it was.
    const declared = await back.must<{ version: number }>('table.act', {
      table: 1,
      action: { type: 'declare', option: 'military_assistance', member: 'AM', declaration: { stance: 'supports' } },
    });
    expect(declared.version).toBe(4);
    expect((await again.stateOf(1, 4)).drafts.military_assistance?.AM).toEqual({ stance: 'supports' });
  });

  it("should keep a finished table's record, which replays to the world its decisions made, and log every action", async () => {
    const server = await start();
    // The class takes the first decision; history plays the rest, to the debrief.
    const { code, secret } = await createClass(server.url, threeTeams({ classDecisions: ['article_four'] }), 1);
    const { client: teach } = await teacher(server.url, code, secret);
    clients.push(teach);
    await teach.must('teacher.all', { action: { type: 'advance' } });
    const declared = {
      sidorov_mission: {
        AM: { stance: 'objects', argument: 'A mission is not an answer.' },
        KZ: { stance: 'supports' },
        BY: { stance: 'supports' },
      },
    } as const;
    // The teacher takes over for every team.
    for (const [member, declaration] of Object.entries(declared.sidorov_mission)) {
      await teach.must('table.act', { table: 1, action: { type: 'declare', option: 'sidorov_mission', member, declaration } });
    }
    await teach.must('table.act', { table: 1, action: { type: 'choose', option: 'sidorov_mission', leverage: false } });
    await teach.must('table.act', { table: 1, action: { type: 'advance' } });
    await teach.must('table.act', { table: 1, action: { type: 'advance' } });
    const end = (await teach.must<ClassView>('teacher.open', { code, secret })).tables[0]!.state;
    expect(end.phase).toBe('debrief');

    // The same run made here, without the server: the class's decision with its declarations, then history's.
    const solo = startRun(scenario, 'lesson 3');
    decide(solo, { option: 'sidorov_mission', leverage: false, declared });
    while (!isOver(solo)) decide(solo, historyChoice(solo));
    const replayed = replay(scenario, end.record);
    if (!replayed.ok) throw new Error(replayed.error);
    expect(worldHash(replayed.value.run.world)).toBe(worldHash(solo.world));

    await server.stop();
    servers.length = 0;
    const store = new ClassStore(server.dataFile);
    try {
      const log = store.events(code, 1);
      expect(log.map((e) => e.seq)).toEqual([2, 3, 4, 5, 6, 7, 8]);
      expect(log.map((e) => e.action.type)).toEqual(['advance', 'declare', 'declare', 'declare', 'choose', 'advance', 'advance']);
      expect(log.every((e) => e.actor.kind === 'teacher')).toBe(true);
      expect(store.loadClasses().find((c) => c.code === code)?.tables[0]).toEqual(end);
    } finally {
      store.close();
    }
  });
});
