import { performance } from 'node:perf_hooks';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { TableState } from '../../src/engine/play/class-table.ts';
import type { ClientEvent, Reply, ServerEvents } from '../../src/live/messages.ts';

/** Every client message carries its payload and is acknowledged with a Reply. */
type ClientEvents = Record<ClientEvent, (payload: unknown, ack: (reply: Reply<unknown>) => void) => void>;

/**
 * One laptop of the load run (a student's or the teacher's): a Socket.IO connection of its own that speaks
 * the live class's messages and notes when each version of each table's state reached it, on the load
 * run's one clock, so a declaration's latency is read off every screen at its table.
 */
export class LoadClient {
  private readonly socket: Socket<ServerEvents, ClientEvents>;
  /** Per table, when each version of its state arrived (performance.now(), milliseconds). */
  readonly arrivals = new Map<number, Map<number, number>>();
  /** Per table, the newest state this client holds, from a broadcast or a view. */
  readonly latest = new Map<number, TableState>();
  private readonly waiting = new Set<() => void>();
  /** Connections lost while the run was on (none are expected on loopback). */
  dropped = 0;
  private closing = false;

  /** `from`: the local address to connect from (a teacher's own laptop), loopback's default otherwise. */
  constructor(url: string, from?: string) {
    // Each client its own connection (forceNew), by WebSocket from the start, with no reconnection: a dropped
    // connection is a failure of the run, counted, not hidden by a retry. Socket.IO passes localAddress on to
    // Node's WebSocket without naming it in its types.
    const options: Partial<ManagerOptions & SocketOptions> & { localAddress?: string } = {
      forceNew: true,
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      ...(from ? { localAddress: from } : {}),
    };
    this.socket = io(url, options);
    this.socket.on('table.state', ({ table, state }) => {
      const at = performance.now();
      const versions = this.arrivals.get(table) ?? new Map<number, number>();
      this.arrivals.set(table, versions);
      if (!versions.has(state.version)) versions.set(state.version, at);
      this.keep(table, state);
    });
    this.socket.on('disconnect', () => {
      if (!this.closing) this.dropped++;
    });
  }

  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(new Error(`could not connect: ${error.message}`)));
      this.socket.connect();
    });
  }

  /** Sends a message and waits for its acknowledgement; a refusal is thrown with the server's sentence. */
  async request<T>(event: ClientEvent, payload: unknown): Promise<T> {
    const reply = (await this.socket.emitWithAck(event, payload)) as Reply<T>;
    if (!reply.ok) throw new Error(`${event} refused: ${reply.error}`);
    return reply.value;
  }

  /** Keeps a table's state if it is newer than the one held (a view's state, or a broadcast). */
  keep(table: number, state: TableState): void {
    const held = this.latest.get(table);
    if (held && held.version >= state.version) return;
    this.latest.set(table, state);
    for (const wake of [...this.waiting]) wake();
  }

  /** The table's state once it satisfies the condition (at once if it already does). */
  until(table: number, holds: (state: TableState) => boolean): Promise<TableState> {
    return new Promise((resolve) => {
      const check = () => {
        const state = this.latest.get(table);
        if (!state || !holds(state)) return false;
        this.waiting.delete(check);
        resolve(state);
        return true;
      };
      if (!check()) this.waiting.add(check);
    });
  }

  close(): void {
    this.closing = true;
    this.waiting.clear();
    this.socket.close();
  }
}
