import { chapterIndex, developmentById } from '../core/development.ts';
import type { Chapter, Scenario } from '../core/scenario.ts';
import type { Waypoint, World } from '../core/world.ts';
import { memberMemories, type Memories } from './member-memory.ts';
import { advanceToNext, applyReactions, resolveDecision, settleAftermath, startRun, type Run } from './run.ts';

/**
 * Between two chapters of a campaign: what the chapter just played leaves to the next. The meters as it
 * began and as it ended, the prices of Moscow's leverage still to be paid, what is closed as things
 * stand, the members' memories, and what the briefings ahead will recall of this run.
 */
export interface MemberValues {
  loyalty: number;
  publicSupport: number;
  hedging: number;
}

export interface ChapterAccount {
  /** The chapter just played, and its place from 0. */
  ended: Chapter & { index: number };
  next: Chapter & { index: number };
  /** The trajectory's points as the chapter began and after its last aftermath. */
  start: Waypoint;
  end: Waypoint;
  /** Each member's values at those two points, in the scenario's order. */
  members: { member: string; began: MemberValues; ended: MemberValues }[];
  debts: { member: string; loyalty: number; dueMonth: number; development: string }[];
  /** Options of the chapters ahead whose requirement the run does not meet as it stands. */
  closed: { development: string; option: string }[];
  /** Members who no longer sit at the table. */
  absent: string[];
  /** How many members Moscow's bandwidth could still buy at one decision, and how many there are to buy. */
  leverageReach: number;
  buyable: number;
  memories: Memories;
  /** The campaign's sentences that the briefings of the chapters ahead add, as the run stands. */
  recalls: { development: string; text: string }[];
}

/** The start of a chapter after the first, at which the run now stands: where this account is given. */
export function chapterBegins(scenario: Scenario, world: World): boolean {
  return world.development !== null && scenario.chapters.some((c, i) => i > 0 && c.start === world.development) && world.decisions.length > 0;
}

export function chapterAccount(run: Run): ChapterAccount | null {
  const { scenario, world } = run;
  if (!chapterBegins(scenario, world)) return null;
  const nextIndex = chapterIndex(scenario, world.development ?? '');
  const endedIndex = nextIndex - 1;
  const next = scenario.chapters[nextIndex];
  const ended = scenario.chapters[endedIndex];
  if (next === undefined || ended === undefined) return null;
  // The trajectory has a point at the start and one after each decision.
  const before = world.decisions.filter((d) => chapterIndex(scenario, d.development) < endedIndex).length;
  const start = world.trajectory[before];
  const end = world.trajectory[world.trajectory.length - 1];
  if (start === undefined || end === undefined) return null;
  const values = memberValuesAt(run, [before, world.decisions.length]);
  const members = scenario.members.map((member) => ({ member, began: values[0]?.[member] ?? ZERO, ended: values[1]?.[member] ?? ZERO }));
  const ahead = scenario.order.filter((id) => chapterIndex(scenario, id) >= nextIndex);
  const closed = ahead.flatMap((id) =>
    developmentById(scenario, id)
      .options.filter((o) => o.requires !== null && !o.requires(world))
      .map((o) => ({ development: id, option: o.id })),
  );
  // The campaign's own recalls, of earlier chapters: a chapter's recalls of its own crisis are not yet about anything.
  const recalls = ahead.flatMap((id) =>
    developmentById(scenario, id)
      .recalls.filter((r) => r.fromCampaign && r.when(world))
      .map((r) => ({ development: id, text: r.text })),
  );
  const cost = scenario.params.leverage.bandwidthCost;
  // Leverage is Russia's own: it buys the other members at the table, never Russia.
  const buyable = scenario.members.filter((code) => code !== 'RU' && world.members[code]?.status === 'member').length;
  return {
    ended: { ...ended, index: endedIndex },
    next: { ...next, index: nextIndex },
    start,
    end,
    members,
    debts: world.debts.map((d) => ({ member: d.member, loyalty: d.loyalty, dueMonth: d.dueMonth, development: d.development })),
    closed,
    absent: scenario.members.filter((code) => world.members[code]?.status !== 'member'),
    leverageReach: Math.min(buyable, cost > 0 ? Math.floor(world.moscowBandwidth / cost) : buyable),
    buyable,
    memories: memberMemories(scenario, run.seed, world.decisions),
    recalls,
  };
}

const ZERO: MemberValues = { loyalty: 0, publicSupport: 0, hedging: 0 };

/**
 * The members' values where the trajectory takes its points (at the start of the run, and after each
 * decision's aftermath, before the next development arrives), after each given number of decisions: the
 * run is replayed from its seed, as the trajectory keeps loyalty alone.
 */
function memberValuesAt(run: Run, counts: number[]): Record<string, MemberValues>[] {
  const { scenario, world } = run;
  const found: Record<string, MemberValues>[] = [];
  const take = (read: (code: string, field: keyof MemberValues) => number) =>
    Object.fromEntries(
      scenario.members.map((code) => [code, { loyalty: read(code, 'loyalty'), publicSupport: read(code, 'publicSupport'), hedging: read(code, 'hedging') }]),
    );
  // The run's start is kept in the World's initial values, taken before the first development arrives.
  const atStart = take((code, field) => world.initial[`${code}.${field}`] ?? 0);
  const replayed = startRun(scenario, run.seed, { recordCauses: false });
  const after: Record<string, MemberValues>[] = [atStart];
  world.decisions.forEach((choice, i) => {
    resolveDecision(replayed, choice);
    applyReactions(replayed);
    settleAftermath(replayed);
    if (counts.includes(i + 1)) after[i + 1] = take((code, field) => replayed.world.members[code]?.[field] ?? 0);
    advanceToNext(replayed);
  });
  for (const n of counts) found.push(after[n] ?? atStart);
  return found;
}
