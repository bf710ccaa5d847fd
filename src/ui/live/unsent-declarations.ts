import { declarationSchema } from '../../engine/core/declared.ts';
import type { Outgoing } from './declaration-sender.ts';

/**
 * What a student declared at a Council that the server has not confirmed yet, kept in localStorage for that
 * table's Council: a laptop whose page is reloaded, or whose tab the system dropped while it slept, sends it
 * once it is back at the same Council. Another Council's are dropped.
 */
const keyOf = (code: string) => `article-four.live.${code}.unsent`;

export interface UnsentPlace {
  code: string;
  table: number;
  /** Decisions taken at the table before this Council. */
  decision: number;
}

export function readUnsent(place: UnsentPlace): Outgoing[] {
  try {
    const kept = JSON.parse(localStorage.getItem(keyOf(place.code)) ?? 'null') as {
      table?: unknown;
      decision?: unknown;
      unsent?: unknown;
    } | null;
    if (!kept || kept.table !== place.table || kept.decision !== place.decision || !Array.isArray(kept.unsent)) return [];
    return kept.unsent.flatMap((o: unknown): Outgoing[] => {
      const x = o as { option?: unknown; member?: unknown; declaration?: unknown };
      if (typeof x?.option !== 'string' || typeof x.member !== 'string') return [];
      if (x.declaration === null) return [{ option: x.option, member: x.member, declaration: null }];
      const read = declarationSchema.safeParse(x.declaration);
      return read.success ? [{ option: x.option, member: x.member, declaration: read.data }] : [];
    });
  } catch {
    return [];
  }
}

export function writeUnsent(place: UnsentPlace, unsent: Outgoing[]): void {
  try {
    if (unsent.length === 0) localStorage.removeItem(keyOf(place.code));
    else localStorage.setItem(keyOf(place.code), JSON.stringify({ table: place.table, decision: place.decision, unsent }));
  } catch {
    // Without storage, what is unsent still goes when the line is back, as long as the page stays open.
  }
}
