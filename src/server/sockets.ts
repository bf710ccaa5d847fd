import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { fail, ok, type Result } from '../engine/core/result.ts';
import type { TableActor } from '../engine/play/class-table.ts';
import { type ClassLook, type ClientEvent, type ClientMessage, clientMessages, type Reply, readClientMessage, type ServerEvents } from '../live/messages.ts';
import type { Classes } from './classes.ts';
import type { LiveClass } from './live-class.ts';
import type { RateLimits } from './rate-limits.ts';
import { sha256 } from './secrets.ts';
import type { StoredStudent } from './store.ts';

/** Socket.IO's own limit on one message: far above any choice, far below anything that could hurt. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

/** Who a socket is: nobody yet, the teacher of a class, or one student of it. A socket belongs to one class at a time. */
interface SocketData {
  code?: string;
  teacher?: boolean;
  /** The student's token's hash. */
  student?: string;
}

type Ack = (reply: Reply<unknown>) => void;
type ListenEvents = Record<ClientEvent, (data: unknown, ack: Ack) => void>;
type LiveServer = Server<ListenEvents, ServerEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ListenEvents, ServerEvents, Record<string, never>, SocketData>;

const teacherRoom = (code: string) => `${code}/teacher`;
const tableRoom = (code: string, table: number) => `${code}/table/${table}`;
const studentRoom = (code: string, tokenSha256: string) => `${code}/student/${tokenSha256}`;

/**
 * A browser sends the page's Origin with every cross-site request and every WebSocket: a page of another site
 * may not open a socket here in a student's name. Without an Origin (a same-origin request, a test in Node)
 * nothing is being forged.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host.toLowerCase() === (req.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** The live class's Socket.IO server, on the same http server as the page; the events are the contract's (src/live/messages.ts). */
export function attachSockets(
  http: HttpServer,
  classes: Classes,
  limits: RateLimits,
  ownName: (req: IncomingMessage) => boolean = () => true,
  clock: () => number = Date.now,
): LiveServer {
  const io: LiveServer = new Server(http, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
    allowRequest: (req, callback) => {
      const allowed = sameOrigin(req) && ownName(req);
      callback(allowed ? null : "this page is not the class server's own", allowed);
    },
  });

  const broadcastState = (live: LiveClass, table: number) => {
    const state = live.table(table);
    if (state) io.to(tableRoom(live.code, table)).to(teacherRoom(live.code)).emit('table.state', { table, state, serverNow: clock() });
  };
  const broadcastRosters = (live: LiveClass, ...tables: number[]) => {
    io.to(teacherRoom(live.code)).emit('class.roster', { students: live.roster() });
    for (const table of new Set(tables)) io.to(tableRoom(live.code, table)).emit('table.roster', { table, students: live.roster(table) });
  };
  /** The sockets of this server in a room (one process: the adapter's own map). */
  const socketsIn = (room: string): LiveSocket[] =>
    [...(io.sockets.adapter.rooms.get(room) ?? [])].map((id) => io.sockets.sockets.get(id)).filter((s): s is LiveSocket => s !== undefined);

  /** Leaves whatever class the socket was in, telling that class's rosters if a student left. */
  const leave = (socket: LiveSocket) => {
    const { code, student } = socket.data;
    for (const room of socket.rooms) if (room !== socket.id) socket.leave(room);
    socket.data = {};
    const live = code ? classes.get(code) : undefined;
    if (live && student) {
      live.connected(student, -1);
      const seat = live.student(student);
      if (seat) broadcastRosters(live, seat.table);
    }
  };
  const seatStudent = (socket: LiveSocket, live: LiveClass, student: StoredStudent) => {
    leave(socket);
    socket.data = { code: live.code, student: student.tokenSha256 };
    socket.join([tableRoom(live.code, student.table), studentRoom(live.code, student.tokenSha256)]);
    live.connected(student.tokenSha256, 1);
  };

  /** A known class for a code, or why not, counting a wrong code against the address. */
  const classFor = async (socket: LiveSocket, code: string): Promise<Result<LiveClass>> => {
    const address = socket.handshake.address;
    const blocked = await limits.codeBlocked(address);
    if (blocked) return fail(blocked);
    const live = classes.get(code);
    if (live) return ok(live);
    await limits.wrongCode(address);
    return fail('No class has that code: check it with your teacher.');
  };
  const teacherClass = (socket: LiveSocket): Result<LiveClass> => {
    const live = socket.data.teacher && socket.data.code ? classes.get(socket.data.code) : undefined;
    return live ? ok(live) : fail('Only the teacher does that: open the class with its secret first.');
  };

  const handlers: { [E in ClientEvent]: (socket: LiveSocket, message: ClientMessage<E>) => Promise<Reply<unknown>> | Reply<unknown> } = {
    'teacher.open': async (socket, { code, secret }) => {
      const found = await classFor(socket, code);
      if (!found.ok) return found;
      const live = found.value;
      if (!live.isTeacherSecret(secret)) {
        await limits.wrongCode(socket.handshake.address);
        return fail("That is not this class's teacher secret.");
      }
      leave(socket);
      socket.data = { code: live.code, teacher: true };
      socket.join(teacherRoom(live.code));
      return ok(live.classView(clock()));
    },

    'student.join': async (socket, { code, student, name, table, team }) => {
      const found = await classFor(socket, code);
      if (!found.ok) return found;
      const live = found.value;
      const before = live.student(sha256(student));
      const joined = live.join(student, name, table, team, clock());
      if (!joined.ok) return joined;
      seatStudent(socket, live, joined.value);
      // The student's other tabs follow it to its new seat.
      if (before && before.table !== table) moveSockets(live, joined.value, before.table);
      broadcastRosters(live, table, ...(before ? [before.table] : []));
      return ok(live.studentView(joined.value, clock()));
    },

    // Before joining, the join screen shows each team and who already sits in it; a wrong code counts as any other.
    'class.look': async (socket, { code }) => {
      const found = await classFor(socket, code);
      if (!found.ok) return found;
      const live = found.value;
      const look: ClassLook = { code: live.code, exercise: live.exercise, tables: live.tableCount, students: live.roster() };
      return ok(look);
    },

    'student.rejoin': async (socket, { code, student }) => {
      const found = await classFor(socket, code);
      if (!found.ok) return found;
      const live = found.value;
      const hash = sha256(student);
      const seat = live.student(hash);
      if (!seat) return fail(live.wasRemoved(hash) ? 'The teacher took you out of this class: join it again.' : 'You have not joined this class yet.');
      seatStudent(socket, live, seat);
      broadcastRosters(live, seat.table);
      return ok(live.studentView(seat, clock()));
    },

    'table.act': (socket, { table, action }) => {
      const { code, teacher, student } = socket.data;
      const live = code ? classes.get(code) : undefined;
      if (!live) return fail('Join a class first.');
      let actor: TableActor = { kind: 'teacher' };
      let seat: StoredStudent | undefined;
      if (!teacher) {
        seat = student ? live.student(student) : undefined;
        if (!seat) return fail('You are no longer in this class: join it again.');
        if (seat.table !== table) return fail(`You sit at table ${seat.table}: you act only there.`);
        actor = { kind: 'team', team: seat.team };
      }
      const acted = live.act(table, actor, action, clock(), seat);
      if (!acted.ok) return acted;
      broadcastState(live, table);
      return ok({ version: acted.value.version });
    },

    'teacher.all': (socket, { action }) => {
      const found = teacherClass(socket);
      if (!found.ok) return found;
      const live = found.value;
      const tables: number[] = [];
      for (let table = 1; table <= live.tableCount; table++) {
        if (live.act(table, { kind: 'teacher' }, action, clock()).ok) {
          tables.push(table);
          broadcastState(live, table);
        }
      }
      return ok({ tables });
    },

    'teacher.move': (socket, { student, table, team }) => {
      const found = teacherClass(socket);
      if (!found.ok) return found;
      const live = found.value;
      const moved = live.move(student, table, team);
      if (!moved.ok) return moved;
      const { before, after } = moved.value;
      moveSockets(live, after, before.table);
      io.to(studentRoom(live.code, after.tokenSha256)).emit('student.moved', live.studentView(after, clock()));
      broadcastRosters(live, before.table, after.table);
      return ok({});
    },

    'teacher.remove': (socket, { student }) => {
      const found = teacherClass(socket);
      if (!found.ok) return found;
      const live = found.value;
      const removed = live.remove(student);
      if (!removed.ok) return removed;
      const room = studentRoom(live.code, removed.value.tokenSha256);
      io.to(room).emit('student.removed', {});
      // Its tabs leave the class as a disconnected socket does (removed, it is in no roster to tell).
      for (const s of socketsIn(room)) leave(s);
      broadcastRosters(live, removed.value.table);
      return ok({});
    },
  };

  /** A student's sockets (its tabs) leave their old table's room for the new one's. */
  function moveSockets(live: LiveClass, seat: StoredStudent, fromTable: number) {
    const tabs = io.in(studentRoom(live.code, seat.tokenSha256));
    tabs.socketsLeave(tableRoom(live.code, fromTable));
    tabs.socketsJoin(tableRoom(live.code, seat.table));
  }

  io.on('connection', (socket: LiveSocket) => {
    socket.data = {};
    for (const event of Object.keys(clientMessages) as ClientEvent[]) {
      socket.on(event, async (data: unknown, ack: unknown) => {
        // Every message of the contract is acknowledged; one sent without a way to answer is dropped.
        if (typeof ack !== 'function') return;
        const reply = ack as Ack;
        try {
          const flooding = await limits.message(socket.id);
          if (flooding) return reply(fail(flooding));
          const read = readClientMessage(event, data);
          if (!read.ok) return reply(read);
          reply(await (handlers[event] as (s: LiveSocket, m: unknown) => Promise<Reply<unknown>> | Reply<unknown>)(socket, read.value));
        } catch (error) {
          process.stderr.write(`${event} failed: ${(error as Error).stack ?? error}\n`);
          reply(fail('The server could not do that just now: nothing was changed. Try again.'));
        }
      });
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      const ack = args.at(-1);
      if (!(event in clientMessages) && typeof ack === 'function') (ack as Ack)(fail(`The server does not know the message '${String(event).slice(0, 40)}'.`));
    });
    socket.on('disconnect', () => leave(socket));
  });
  return io;
}
