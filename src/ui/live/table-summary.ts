import type { Scenario } from '../../engine/core/scenario.ts';
import type { MemberCode } from '../../engine/core/world.ts';
import { currentDevelopment } from '../../engine/core/development.ts';
import { type TableState, tableRun } from '../../engine/play/class-table.ts';
import type { Exercise } from '../../engine/play/exercise.ts';
import { councilView } from '../../engine/rules/council.ts';

/** How far each team has got at a table's Council: on how many of the options open it has declared for every member it holds. */
export interface TeamProgress {
  team: number;
  name: string;
  declared: number;
  of: number;
}

export function councilProgress(scenario: Scenario, exercise: Exercise, state: TableState): TeamProgress[] {
  if (state.phase !== 'council') return [];
  const run = tableRun(scenario, state, false);
  const dev = currentDevelopment(scenario, run.world);
  const open = councilView(scenario, run.world, dev, false).filter((v) => v.available);
  const seated = (code: MemberCode) => scenario.members.includes(code) && run.world.members[code]?.status === 'member';
  return exercise.teams.flatMap((t, team) => {
    const members = t.roles.filter((r): r is MemberCode => r !== 'chair').filter(seated);
    if (!members.length) return [];
    const declared = open.filter((v) => members.every((m) => state.drafts[v.option.id]?.[m])).length;
    return [{ team, name: t.name, declared, of: open.length }];
  });
}
