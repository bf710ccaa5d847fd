import { formatDecision } from '../play/run.ts';
import { cohesion } from '../rules/cohesion.ts';
import { memberIn, type World } from '../core/world.ts';
import type { Scenario } from '../core/scenario.ts';

/**
 * One finished run as a row of a table, with the same columns wherever runs are exported (the command
 * line's `compare --csv`, the browser's "what tends to happen"), so one spreadsheet reads them all.
 */
export type Cell = string | number;

/** `arm` names the first column: `policy` for a comparison of policies, `option` for a fork. */
export function runHeader(scenario: Scenario, arm: string): string[] {
  return [
    arm,
    'run',
    'seed',
    'ending',
    'cohesion',
    'credibility',
    'moscowBandwidth',
    ...scenario.members.flatMap((m) => [`${m}.loyalty`, `${m}.publicSupport`, `${m}.hedging`, `${m}.status`]),
    'decisions',
    'reactions',
  ];
}

export function runRow(scenario: Scenario, arm: string, index: number, seed: string, world: World): Cell[] {
  return [
    arm,
    index,
    seed,
    world.ending ?? '',
    cohesion(world, scenario.params.cohesion),
    world.credibility,
    world.moscowBandwidth,
    ...scenario.members.flatMap((code) => {
      const m = memberIn(world, code);
      return [m.loyalty, m.publicSupport, m.hedging, m.status];
    }),
    world.decisions.map(formatDecision).join(' '),
    world.reactions.map((r) => `${r.member}:${r.reaction}`).join(' '),
  ];
}

/** RFC 4180: a cell with a comma, quote or line break is quoted; numbers to two decimals unless told. */
export function csvLine(cells: Cell[], digits = 2): string {
  const scale = 10 ** digits;
  return cells.map((v) => (typeof v === 'number' ? String(Math.round(v * scale) / scale) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}
