import { io, type Socket } from 'socket.io-client';
import type { TableState } from '../../src/engine/play/class-table.ts';
import type { Exercise } from '../../src/engine/play/exercise.ts';
import type { ClassView, Reply, RosterEntry, StudentView } from '../../src/live/messages.ts';

/** What the live class's tests share: a class of three teams on Armenia 2022, and clients that talk to the real server. */
export const threeTeams = (settings: Partial<Exercise['settings']> = {}): Exercise => ({
  format: 1,
  title: 'Lesson 3',
  scenario: 'armenia_2022',
  seed: 'lesson 3',
  teams: [
    { name: 'Secretariat', roles: ['chair'] },
    { name: 'Yerevan', roles: ['AM'] },
    { name: 'Astana and Minsk', roles: ['KZ', 'BY'] },
  ],
  settings: { hideForecasts: true, showAdvice: false, timers: { briefing: 2, council: 5, aftermath: 0 }, classDecisions: 'all', ...settings },
});

export async function createClass(url: string, exercise: unknown, tables: number): Promise<{ code: string; secret: string }> {
  const response = await fetch(`${url}/api/classes`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ exercise, tables }),
  });
  const body = (await response.json()) as { code: string; secret: string; error?: string };
  if (response.status !== 201) throw new Error(`the class was not created (${response.status}): ${body.error}`);
  return body;
}

/** A random token, as the page makes one per class. */
export const newToken = (label: string) => `${label}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`.slice(0, 40);

interface Received {
  'table.state': { table: number; state: TableState; serverNow: number }[];
  'class.roster': { students: RosterEntry[] }[];
  'table.roster': { table: number; students: RosterEntry[] }[];
  'student.removed': object[];
  'student.moved': StudentView[];
}

/**
 * Socket.IO's options, and the address the socket connects from: in Node, engine.io hands `localAddress` to
 * its WebSocket, which is how a test is two computers on loopback (127.0.0.0/8 is all this machine's).
 */
export type ClientOptions = Parameters<typeof io>[1] & { localAddress?: string };

/** A socket that keeps every message the server sent it, and sends the contract's messages with their acknowledgement. */
export class LiveClient {
  readonly socket: Socket;
  readonly received: Received = { 'table.state': [], 'class.roster': [], 'table.roster': [], 'student.removed': [], 'student.moved': [] };

  constructor(url: string, options: ClientOptions = {}) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options } as Parameters<typeof io>[1]);
    for (const event of Object.keys(this.received) as (keyof Received)[]) {
      this.socket.on(event, (message: unknown) => {
        (this.received[event] as unknown[]).push(message);
      });
    }
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  send<T>(event: string, data: unknown): Promise<Reply<T>> {
    return this.socket.timeout(10_000).emitWithAck(event, data) as Promise<Reply<T>>;
  }

  /** Sends a message that must be accepted, and gives its value. */
  async must<T>(event: string, data: unknown): Promise<T> {
    const reply = await this.send<T>(event, data);
    if (!reply.ok) throw new Error(`${event} was refused: ${reply.error}`);
    return reply.value;
  }

  /** Sends a message that must be refused, and gives the sentence. */
  async refused(event: string, data: unknown): Promise<string> {
    const reply = await this.send(event, data);
    if (reply.ok) throw new Error(`${event} was accepted: ${JSON.stringify(reply.value).slice(0, 200)}`);
    return reply.error;
  }

  /** Waits until a table's state of at least this version has arrived, and gives it. */
  stateOf(table: number, version: number): Promise<TableState> {
    const found = () => this.received['table.state'].find((m) => m.table === table && m.state.version >= version)?.state;
    return until(found, `table ${table} at version ${version}`);
  }

  close(): void {
    this.socket.close();
  }
}

export async function teacher(url: string, code: string, secret: string): Promise<{ client: LiveClient; view: ClassView }> {
  const client = new LiveClient(url);
  await client.connected();
  return { client, view: await client.must<ClassView>('teacher.open', { code, secret }) };
}

export async function student(url: string, join: { code: string; student: string; name: string; table: number; team: number }) {
  const client = new LiveClient(url);
  await client.connected();
  return { client, view: await client.must<StudentView>('student.join', join) };
}

/** Waits until `find` gives something; after 20 s, fails naming what never came (a bail-out, not a timing assertion). */
export async function until<T>(find: () => T | undefined, what: string): Promise<T> {
  const giveUp = Date.now() + 20_000;
  for (;;) {
    const value = find();
    if (value !== undefined) return value;
    if (Date.now() > giveUp) throw new Error(`never came: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
