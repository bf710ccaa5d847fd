import type { LoadClient } from './load-client.ts';

/** The moves of a decision whose arrival on every screen at the table is timed. */
export const TIMED_MOVES = ['council', 'declare', 'choose', 'reveal', 'next'] as const;
export type TimedMove = (typeof TIMED_MOVES)[number];

/** One accepted move: when it was sent, and the version of the table's state it made. */
export interface SentMove {
  move: TimedMove;
  table: number;
  version: number;
  sentAt: number;
}

/**
 * How long a move took to reach everyone at its table: from its sending to the moment the last of the
 * table's clients (its students and the teacher) held a state of that version or later, or null with the
 * number of clients it never reached.
 */
export function reachedEveryone(move: SentMove, clients: LoadClient[]): { latencyMs: number | null; missedBy: number } {
  let last = move.sentAt;
  let missedBy = 0;
  for (const client of clients) {
    const at = firstArrivalFrom(client, move.table, move.version);
    if (at === null) missedBy++;
    else last = Math.max(last, at);
  }
  return { latencyMs: missedBy ? null : last - move.sentAt, missedBy };
}

function firstArrivalFrom(client: LoadClient, table: number, version: number): number | null {
  let first: number | null = null;
  for (const [v, at] of client.arrivals.get(table) ?? []) if (v >= version && (first === null || at < first)) first = at;
  return first;
}

/** The versions from `from` to `to` that a client never received: every state is meant to reach every screen. */
export function versionsMissed(client: LoadClient, table: number, from: number, to: number): number {
  const got = client.arrivals.get(table);
  let missed = 0;
  for (let v = from; v <= to; v++) if (!got?.has(v)) missed++;
  return missed;
}
