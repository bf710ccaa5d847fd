import { io, type Socket } from 'socket.io-client';
import { NO_ANSWER } from './no-answer.ts';
import type { ClassLook, ClassView, ClientEvent, ClientMessage, Reply, ServerEvents, StudentView } from '../../live/messages.ts';

/** What each acknowledged call gives back when it succeeds. */
export interface Replies {
  'teacher.open': ClassView;
  'student.join': StudentView;
  'student.rejoin': StudentView;
  'class.look': ClassLook;
  'table.act': { version: number };
  'teacher.all': { tables: number[] };
  'teacher.move': Record<string, never>;
  'teacher.remove': Record<string, never>;
}

/** How long a call waits for the server's answer before saying it did not come. */
export const ANSWER_MS = 8000;

export type ConnectionStatus = 'connecting' | 'up' | 'down';

/**
 * The page's line to the teacher's server: Socket.IO to the page's own origin, which reconnects by itself
 * after a sleep, a dropped Wi-Fi or a server restart. Every call is acknowledged or, after a while, answered
 * with a sentence saying the server did not answer. On every (re)connection `hello` runs first (a student
 * rejoins its team, the teacher reopens the class), so the server knows who this socket is again.
 */
export class LiveConnection {
  private readonly socket: Socket;
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private current: ConnectionStatus = 'connecting';

  constructor(hello: (connection: LiveConnection) => void) {
    this.socket = io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 4000 });
    this.socket.on('connect', () => {
      this.setStatus('up');
      hello(this);
    });
    this.socket.on('disconnect', () => this.setStatus('down'));
    this.socket.on('connect_error', () => this.setStatus('down'));
  }

  get status(): ConnectionStatus {
    return this.current;
  }

  /** Resolves true once connected (at once if it is), or false after `ms`. */
  whenUp(ms = ANSWER_MS): Promise<boolean> {
    if (this.socket.connected) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.socket.off('connect', up);
        resolve(false);
      }, ms);
      const up = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.socket.once('connect', up);
    });
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  on<E extends keyof ServerEvents>(event: E, handler: ServerEvents[E]): void {
    this.socket.on(event as string, handler as (...args: unknown[]) => void);
  }

  async call<E extends ClientEvent>(event: E, message: ClientMessage<E>, waitMs = ANSWER_MS): Promise<Reply<Replies[E]>> {
    // Nothing is queued while the line is down: it would reach the server before this socket has said who it is.
    if (!this.socket.connected) return { ok: false, error: NO_ANSWER };
    try {
      const reply = (await this.socket.timeout(waitMs).emitWithAck(event, message)) as Reply<Replies[E]> | undefined;
      if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean')
        return { ok: false, error: 'The class server gave an answer the page cannot read.' };
      return reply;
    } catch {
      return { ok: false, error: NO_ANSWER };
    }
  }

  close(): void {
    this.statusListeners.clear();
    this.socket.removeAllListeners();
    this.socket.close();
  }

  private setStatus(status: ConnectionStatus) {
    if (status === this.current) return;
    this.current = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
