import type { TableState } from '../../engine/play/class-table.ts';

/**
 * The newest state of each table that the page has seen. States can arrive out of order (an acknowledgement
 * and a broadcast, or a reconnection's view racing a late message): one older than the one held is dropped,
 * so a screen never steps back.
 */
export class TableVersions {
  private readonly held = new Map<number, TableState>();

  /** Keeps the state if it is newer than the one held; true when it was kept. */
  offer(table: number, state: TableState): boolean {
    const now = this.held.get(table);
    if (now && now.version >= state.version) return false;
    this.held.set(table, state);
    return true;
  }

  get(table: number): TableState | undefined {
    return this.held.get(table);
  }

  tables(): number[] {
    return [...this.held.keys()].sort((a, b) => a - b);
  }

  /** Every table held, in the order of their numbers. */
  entries(): { table: number; state: TableState }[] {
    return [...this.held.entries()].sort(([a], [b]) => a - b).map(([table, state]) => ({ table, state }));
  }

  /** A state as a server restarted from its store may give it: kept whatever its version, for the server is the truth. */
  reset(table: number, state: TableState): void {
    this.held.set(table, state);
  }
}
