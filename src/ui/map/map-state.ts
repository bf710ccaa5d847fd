import type { Run } from '../../engine/play/run.ts';
import type { Status } from '../../engine/core/world.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { reactionLabel } from '../../engine/core/labels.ts';

/** What the map shows: a plain description the Phaser scene draws, built from the World. */
export interface MapState {
  members: { code: string; name: string; loyalty: number; status: Status }[];
  crisis: { code: string; place: string } | null;
  /** Members' reactions to the last decision, drawn as events on the map. */
  events: { code: string; text: string }[];
}

export function mapStateOf(run: Run | null, showEvents: boolean): MapState {
  if (!run) return { members: [], crisis: null, events: [] };
  const { scenario, world } = run;
  const members = scenario.members.map((code) => ({
    code,
    name: scenario.names[code],
    loyalty: world.members[code].loyalty,
    status: world.members[code].status,
  }));
  const dev = world.development === null ? null : currentDevelopment(scenario, world);
  const crisis = dev?.location ? { code: dev.location, place: dev.place } : null;
  const t = world.decisions.length - 1;
  const events = showEvents ? world.reactions.filter((r) => r.turn === t).map((r) => ({ code: r.member, text: reactionLabel(scenario, r.reaction) })) : [];
  return { members, crisis, events };
}
