import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassView, StudentView } from '../../src/live/messages.ts';
import { type ClassServer, startClassServer } from '../support/class-server.ts';
import { type ClientOptions, createClass, LiveClient, newToken, teacher, threeTeams, until } from './live-client.ts';

/** What the class server refuses before anything acts: guessed codes, foreign pages, oversized and malformed messages. */
describe("the class server's guards", () => {
  let server: ClassServer;
  let code: string;
  let secret: string;
  const open: LiveClient[] = [];
  const client = async (options: ClientOptions = {}) => {
    const c = new LiveClient(server.url, options);
    open.push(c);
    await c.connected();
    return c;
  };
  beforeAll(async () => {
    server = await startClassServer();
    ({ code, secret } = await createClass(server.url, threeTeams(), 1));
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server?.stop();
  });

  it('should refuse the 11th wrong code from an address even with the right code, and not another address', async () => {
    // Loopback holds all of 127.0.0.0/8: the guesser connects from 127.0.0.3, the class from 127.0.0.4.
    const guesser = await client({ localAddress: '127.0.0.3' });
    const join = (c: string) => ({ code: c, student: newToken('guess'), name: 'Guess', table: 1, team: 0 });
    const wrong = code === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    for (let i = 0; i < 10; i++) expect(await guesser.refused('student.join', join(wrong))).toMatch(/No class has that code/);
    expect(await guesser.refused('student.join', join(code))).toBe('Too many wrong codes: try again in 10 minutes.');
    expect(await guesser.refused('teacher.open', { code, secret })).toMatch(/Too many wrong codes/);
    // A new socket from the same address is still refused: the count is the address's, not the socket's.
    const again = await client({ localAddress: '127.0.0.3' });
    expect(await again.refused('student.rejoin', { code, student: newToken('guess') })).toMatch(/Too many wrong codes/);

    const classmate = await client({ localAddress: '127.0.0.4' });
    const view = await classmate.must<StudentView>('student.join', join(code));
    expect(view.code).toBe(code);
  });

  it('should refuse the 31st class made from one address in an hour, and not another address', async () => {
    const make = (from: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const body = JSON.stringify({ exercise: threeTeams(), tables: 1 });
        const req = request(`${server.url}/api/classes`, { method: 'POST', localAddress: from, headers: { 'Content-Type': 'application/json' } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    for (let i = 0; i < 30; i++) expect((await make('127.0.0.7')).status).toBe(201);
    const refused = await make('127.0.0.7');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error).toBe('Too many classes created from this computer: try again in 60 minutes.');
    expect((await make('127.0.0.8')).status).toBe(201);
  });

  it('should refuse a socket opened by a page of another site', async () => {
    const foreign = new LiveClient(server.url, { extraHeaders: { origin: 'http://evil.example' } });
    open.push(foreign);
    await expect(foreign.connected()).rejects.toThrow();
    const own = await client({ extraHeaders: { origin: server.url } });
    expect(own.socket.connected).toBe(true);
  });

  it('should refuse a page and a socket that call the server by a name it does not answer to (DNS rebinding)', async () => {
    // The rebinding page's Origin and Host are both its own name: the Origin check alone would let it in.
    const rebound = new LiveClient(server.url, { extraHeaders: { origin: 'http://rebound.example', host: 'rebound.example' } });
    open.push(rebound);
    await expect(rebound.connected()).rejects.toThrow();
    const asking = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${server.url}/`, { headers: { host } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const page = await asking(`rebound.example:${server.port}`);
    expect(page.status).toBe(421);
    expect(page.body).toMatch(/answers to its addresses.*--name rebound.example/);
    // Called by any address (the one printed, on whatever network), it answers.
    const byAddress = await asking(`192.168.1.20:${server.port}`);
    expect(byAddress.status).toBe(200);
  });

  it('should refuse malformed and unknown messages with a sentence, and a message without an acknowledgement silently', async () => {
    const c = await client({ localAddress: '127.0.0.5' });
    expect(await c.refused('student.join', { code, student: 'short', name: 'A', table: 1, team: 0 })).toMatch(
      /cannot be read \(student: not a student token\)/,
    );
    expect(await c.refused('student.join', { code, student: newToken('x'), name: '   ', table: 1, team: 0 })).toMatch(/a name is needed/);
    expect(await c.refused('student.join', { code, student: newToken('x'), name: 'A', table: 2, team: 0 })).toMatch(/This class has one table/);
    expect(await c.refused('student.join', { code, student: newToken('x'), name: 'A', table: 1, team: 7 })).toMatch(/This class has 3 teams/);
    expect(await c.refused('table.act', { table: 'one', action: { type: 'advance' } })).toMatch(/cannot be read \(table:/);
    expect(await c.refused('table.act', { table: 1, action: { type: 'world', world: {} } })).toMatch(/cannot be read/);
    expect(await c.refused('table.act', null)).toMatch(/cannot be read/);
    expect(await c.refused('world.replace', { world: {} })).toMatch(/does not know the message 'world.replace'/);
    c.socket.emit('teacher.all', { action: { type: 'advance' } });
    // Still connected and answering after all of it.
    expect(await c.must<StudentView>('student.join', { code, student: newToken('ok'), name: 'Fine', table: 1, team: 0 })).toMatchObject({ name: 'Fine' });
  });

  it("should close a socket that sends more than Socket.IO's 16 KB, and go on serving everyone else", async () => {
    const big = await client({ localAddress: '127.0.0.6' });
    const closed = new Promise<string>((resolve) => big.socket.once('disconnect', (reason) => resolve(reason)));
    big.socket.emit('student.join', { code, student: newToken('big'), name: 'x'.repeat(20_000), table: 1, team: 0 }, () => {});
    expect(await closed).toMatch(/transport close|transport error/);
    const { client: teach, view } = await teacher(server.url, code, secret);
    open.push(teach);
    expect(view.students.some((s) => s.name.startsWith('xxx'))).toBe(false);
    // An argument longer than the engine allows is refused by the table's rules, not by size.
    await teach.must('teacher.all', { action: { type: 'advance' } });
    const long = { type: 'declare', option: 'military_assistance', member: 'AM', declaration: { stance: 'supports', argument: 'a'.repeat(281) } };
    expect(await teach.refused('table.act', { table: 1, action: long })).toMatch(/cannot be read|at most 280/);
    const state = await teach.must<ClassView>('teacher.open', { code, secret });
    expect(state.tables[0]!.state.drafts).toEqual({});
    await until(() => (teach.socket.connected ? true : undefined), 'the teacher still connected');
  });
});
