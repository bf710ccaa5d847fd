import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableState } from '../../src/engine/play/class-table.ts';
import type { ClassLook, ClassView, StudentView } from '../../src/live/messages.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { createClass, LiveClient, newToken, student, teacher, threeTeams, until as waitFor } from './live-client.ts';

/**
 * A live class on the real server, over Socket.IO: a teacher, three teams at table 1 and a student at table 2,
 * through a whole decision to the aftermath and the next briefing, and everything a student may not do.
 */
describe('a live class at its tables', () => {
  let server: ClassServer;
  let code: string;
  let secret: string;
  let teach: LiveClient;
  let classView: ClassView;
  const seats: { client: LiveClient; view: StudentView }[] = [];
  const tokens = [newToken('chair'), newToken('yerevan'), newToken('astana'), newToken('other')];

  beforeAll(async () => {
    server = await startClassServer();
    ({ code, secret } = await createClass(server.url, threeTeams(), 2));
    ({ client: teach, view: classView } = await teacher(server.url, code, secret));
    const names = ['Ana', 'Bagrat', 'Dana', 'Eva'];
    for (const [i, token] of tokens.entries()) {
      // Typed as a student would: lower case, with a space.
      const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
      seats.push(await student(server.url, { code: typed, student: token, name: names[i], table: i < 3 ? 1 : 2, team: i < 3 ? i : 1 }));
    }
  });
  afterAll(async () => {
    for (const c of [teach, ...seats.map((s) => s.client)]) c?.close();
    await server?.stop();
  });

  const [chair, yerevan, astana, other] = [0, 1, 2, 3].map((i) => () => seats[i]!.client);
  const versionAt = (table: number) => teach.must<ClassView>('teacher.open', { code, secret }).then((v) => v.tables[table - 1]!.state.version);

  it('should open on the briefing at every table, with the teacher seeing everyone who joined', async () => {
    expect(classView.code).toBe(code);
    expect(classView.tables.map((t) => t.state.phase)).toEqual(['briefing', 'briefing']);
    expect(seats[0]!.view).toMatchObject({ code, table: 1, team: 0, name: 'Ana' });
    expect(seats[0]!.view.state.version).toBe(1);
    const roster = await teach.must<ClassView>('teacher.open', { code, secret });
    expect(roster.students.map((s) => [s.name, s.table, s.team, s.connected])).toEqual([
      ['Ana', 1, 0, true],
      ['Bagrat', 1, 1, true],
      ['Dana', 1, 2, true],
      ['Eva', 2, 1, true],
    ]);
    // The rosters show a token's first characters only: the whole token is the student's key.
    for (const entry of roster.students) expect(entry.student).toHaveLength(6);
    expect(JSON.stringify(roster)).not.toContain(tokens[0]);
  });

  it('should show a class before joining it: its teams, its tables and who sits where; and refuse a wrong code', async () => {
    const looker = new LiveClient(server.url);
    await looker.connected();
    const look = await looker.must<ClassLook>('class.look', { code: code.toLowerCase() });
    expect(look).toMatchObject({ code, tables: 2 });
    expect(look.exercise.teams.map((t) => t.name)).toEqual(['Secretariat', 'Yerevan', 'Astana and Minsk']);
    expect(look.students.map((s) => [s.name, s.table, s.team])).toEqual([
      ['Ana', 1, 0],
      ['Bagrat', 1, 1],
      ['Dana', 1, 2],
      ['Eva', 2, 1],
    ]);
    expect(JSON.stringify(look)).not.toContain(tokens[0]);
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    expect(await looker.refused('class.look', { code: wrong })).toMatch(/No class has that code/);
    looker.close();
  });

  it('should refuse a student who moves the class on, with a sentence, and change nothing', async () => {
    const before = await versionAt(1);
    expect(await chair().refused('table.act', { table: 1, action: { type: 'advance' } })).toMatch(/Only the teacher moves the class on/);
    expect(await yerevan().refused('teacher.all', { action: { type: 'advance' } })).toMatch(/Only the teacher/);
    expect(await versionAt(1)).toBe(before);
  });

  it("should move every table to the Council on the teacher's word, and tell each its own", async () => {
    expect(await teach.must('teacher.all', { action: { type: 'advance' } })).toEqual({ tables: [1, 2] });
    for (const c of [chair(), yerevan(), astana()]) expect((await c.stateOf(1, 2)).phase).toBe('council');
    expect((await other().stateOf(2, 2)).phase).toBe('council');
    expect((await teach.stateOf(2, 2)).phase).toBe('council');
  });

  it("should refuse a declaration for another team's member, an action at another table, and a choice the Council has not allowed", async () => {
    const before = await versionAt(1);
    const kz = { type: 'declare', option: 'military_assistance', member: 'KZ', declaration: { stance: 'vetoes' } };
    expect(await yerevan().refused('table.act', { table: 1, action: kz })).toMatch(/Your team does not speak for Kazakhstan: Astana and Minsk does/);
    expect(await other().refused('table.act', { table: 1, action: kz })).toMatch(/You sit at table 2: you act only there/);
    // Without advice, an option no team has declared on waits for them, before the Council could say who would veto it.
    expect(await chair().refused('table.act', { table: 1, action: { type: 'choose', option: 'military_assistance', leverage: false } })).toMatch(
      /Not yet: the teams for .* have not declared/,
    );
    expect(await versionAt(1)).toBe(before);
  });

  it('should refuse a teacher with a wrong secret, and let that socket do nothing a teacher does', async () => {
    const impostor = new LiveClient(server.url);
    await impostor.connected();
    expect(await impostor.refused('teacher.open', { code, secret: `${secret}x` })).toMatch(/not this class's teacher secret/);
    expect(await impostor.refused('teacher.all', { action: { type: 'pause' } })).toMatch(/Only the teacher/);
    expect(await impostor.refused('table.act', { table: 1, action: { type: 'pause' } })).toMatch(/Join a class first/);
    impostor.close();
    expect((await teach.must<ClassView>('teacher.open', { code, secret })).tables.every((t) => !t.state.paused)).toBe(true);
  });

  it('should carry each declaration live to the whole table and the teacher, and nothing of it to the other table', async () => {
    let version = await versionAt(1);
    const declare = async (client: LiveClient, member: string, stance: string, argument?: string) => {
      const action = { type: 'declare', option: 'military_assistance', member, declaration: argument ? { stance, argument } : { stance } };
      const reply = await client.must<{ version: number }>('table.act', { table: 1, action });
      expect(reply.version).toBe(++version);
      for (const c of [teach, chair(), yerevan(), astana()]) await c.stateOf(1, version);
    };
    await declare(astana(), 'KZ', 'accepts', 'An ally asked: <b>we answer</b>.');
    await declare(astana(), 'BY', 'accepts');
    await declare(yerevan(), 'AM', 'supports', 'Article 4 says so.');
    const seen = await chair().stateOf(1, version);
    expect(seen.drafts.military_assistance).toEqual({
      KZ: { stance: 'accepts', argument: 'An ally asked: <b>we answer</b>.' },
      BY: { stance: 'accepts' },
      AM: { stance: 'supports', argument: 'Article 4 says so.' },
    });
    expect(other().received['table.state'].every((m) => m.table === 2)).toBe(true);
    expect(other().received['table.roster'].every((m) => m.table === 2)).toBe(true);
  });

  it('should let the chair choose, move every screen at the table to the reveal, then the aftermath and the next briefing', async () => {
    const version = await versionAt(1);
    const chosen = await chair().must<{ version: number }>('table.act', {
      table: 1,
      action: { type: 'choose', option: 'military_assistance', leverage: false },
    });
    expect(chosen.version).toBe(version + 1);
    const reveal = await astana().stateOf(1, version + 1);
    expect(reveal).toMatchObject({ phase: 'reveal', drafts: {} });
    expect(reveal.record.decisions).toHaveLength(1);
    expect(reveal.record.declared?.[0]?.military_assistance?.KZ?.stance).toBe('accepts');
    await teach.must('table.act', { table: 1, action: { type: 'advance' } });
    expect((await yerevan().stateOf(1, version + 2)).phase).toBe('aftermath');
    await teach.must('table.act', { table: 1, action: { type: 'advance' } });
    const next: TableState = await chair().stateOf(1, version + 3);
    expect(next.phase).toBe('briefing');
    expect(next.record.decisions).toHaveLength(1);
    // Table 2 is still at its first Council.
    const tables = (await teach.must<ClassView>('teacher.open', { code, secret })).tables;
    expect(tables[1]!.state).toMatchObject({ phase: 'council', version: 2 });
    expect(other().received['table.state'].every((m) => m.table === 2)).toBe(true);
  });

  it('should let the teacher move a student to another table and team, and remove one', async () => {
    const eva = (await teach.must<ClassView>('teacher.open', { code, secret })).students.find((s) => s.name === 'Eva')!;
    await teach.must('teacher.move', { student: eva.student, table: 1, team: 1 });
    const moved = await until(() => other().received['student.moved'][0]);
    expect(moved).toMatchObject({ table: 1, team: 1, name: 'Eva' });
    // Now at table 1, Eva acts there and no longer at table 2.
    expect(await other().refused('table.act', { table: 2, action: { type: 'advance' } })).toMatch(/You sit at table 1/);
    // Its socket now hears table 1, and no longer table 2.
    const heard = other().received['table.state'].length;
    const { version } = await teach.must<{ version: number }>('table.act', { table: 1, action: { type: 'advance' } });
    expect((await other().stateOf(1, version)).phase).toBe('council');
    await teach.must('table.act', { table: 2, action: { type: 'pause' } });
    await teach.stateOf(2, 3);
    expect(
      other()
        .received['table.state'].slice(heard)
        .map((m) => m.table),
    ).toEqual([1]);
    await teach.must('teacher.remove', { student: eva.student });
    await until(() => other().received['student.removed'][0]);
    expect(await other().refused('table.act', { table: 1, action: { type: 'advance' } })).toMatch(/Join a class first/);
    const rejoin = new LiveClient(server.url);
    await rejoin.connected();
    expect(await rejoin.refused('student.rejoin', { code, student: tokens[3] })).toMatch(/took you out of this class/);
    rejoin.close();
    const roster = (await teach.must<ClassView>('teacher.open', { code, secret })).students;
    expect(roster.map((s) => s.name)).toEqual(['Ana', 'Bagrat', 'Dana']);
  });

  it("should mark a student who leaves as not connected on the teacher's roster", async () => {
    astana().close();
    const roster = await until(() => {
      const last = teach.received['class.roster'].at(-1);
      return last?.students.find((s) => s.name === 'Dana' && !s.connected) ? last : undefined;
    });
    expect(roster.students.find((s) => s.name === 'Ana')?.connected).toBe(true);
  });
});

const until = <T>(find: () => T | undefined) => waitFor(find, 'a message from the server');
