import type { Leader, Provenance } from '../core/scenario.ts';
import type { Status } from '../core/world.ts';
import { leaderAt, memberMood, type Mood } from '../rules/member-face.ts';
import { memberMemories, type Memory } from './member-memory.ts';
import type { Run } from './run.ts';

/** Everything a member's card shows, as the run stands: who, who leads it, what it wants, its mood and what it remembers. */
export interface MemberView {
  code: string;
  name: string;
  leader: Leader;
  wants: ({ text: string } & Provenance) | null;
  mood: Mood;
  status: Status;
  loyalty: number;
  hedging: number;
  publicSupport: number;
  /** In the order of the decisions. */
  memories: Memory[];
  slights: number;
  favours: number;
}

/** Each member of the run's scenario, in the scenario's order. */
export function memberViews(run: Run): MemberView[] {
  const { scenario, world } = run;
  const memories = memberMemories(scenario, run.seed, world.decisions);
  return scenario.members.map((code) => {
    const m = world.members[code];
    if (m === undefined) throw new Error(`${code} is not in this run of ${scenario.id}`);
    const own = memories[code] ?? [];
    return {
      code,
      name: scenario.names[code] ?? code,
      leader: leaderAt(scenario, world, code),
      wants: scenario.faces[code]?.wants ?? null,
      mood: memberMood(m),
      status: m.status,
      loyalty: m.loyalty,
      hedging: m.hedging,
      publicSupport: m.publicSupport,
      memories: own,
      slights: own.filter((x) => x.tone === 'slight').length,
      favours: own.filter((x) => x.tone === 'favour').length,
    };
  });
}
