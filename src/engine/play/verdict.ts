import type { Ending, Scenario } from '../core/scenario.ts';
import type { World } from '../core/world.ts';
import { endingReached } from '../core/ending.ts';
import { cohesion } from '../rules/cohesion.ts';

/** How the endings rank for the alliance: holding together beats hollowing out, which beats breaking. */
const TONE_RANK: Record<Ending['tone'], number> = { holds: 2, hollows: 1, breaks: 0 };

/** Cohesion must differ by at least this many points, shown as whole numbers, to call two endings of one tone better or worse. */
const COHESION_MARGIN = 1;

export type Comparison = 'better' | 'worse' | 'the same';

export interface Figures {
  cohesion: number;
  credibility: number;
  /** Members still taking part at the end, of those the scenario starts with. */
  membersIn: number;
}

/** A finished run judged against the historical policy played on the same seed. */
export interface Verdict {
  mine: Ending;
  history: Ending;
  /** For the alliance: by the endings' tones first, then, between endings of one tone, by final cohesion. */
  comparison: Comparison;
  /** What decided it: the endings' tones, cohesion, or nothing to tell them apart. */
  decidedBy: 'tone' | 'cohesion' | 'nothing';
  figures: { mine: Figures; history: Figures };
  members: number;
}

function figuresOf(scenario: Scenario, world: World): Figures {
  return {
    cohesion: cohesion(world, scenario.params.cohesion),
    credibility: world.credibility,
    membersIn: scenario.members.filter((code) => world.members[code]?.status === 'member').length,
  };
}

/**
 * Better, worse or the same for the alliance than history on the same seed. Both worlds must be finished
 * runs of `scenario`: `history` is the historical policy's, played on the run's own seed, so chance is the
 * same and only the choices differ.
 */
export function verdictAgainstHistory(scenario: Scenario, mine: World, history: World): Verdict {
  const mineEnding = endingReached(scenario, mine);
  const historyEnding = endingReached(scenario, history);
  const figures = { mine: figuresOf(scenario, mine), history: figuresOf(scenario, history) };
  const toneDifference = TONE_RANK[mineEnding.tone] - TONE_RANK[historyEnding.tone];
  const cohesionDifference = Math.round(figures.mine.cohesion) - Math.round(figures.history.cohesion);
  let comparison: Comparison = 'the same';
  let decidedBy: Verdict['decidedBy'] = 'nothing';
  if (toneDifference !== 0) {
    comparison = toneDifference > 0 ? 'better' : 'worse';
    decidedBy = 'tone';
  } else if (Math.abs(cohesionDifference) >= COHESION_MARGIN) {
    comparison = cohesionDifference > 0 ? 'better' : 'worse';
    decidedBy = 'cohesion';
  }
  return { mine: mineEnding, history: historyEnding, comparison, decidedBy, figures, members: scenario.members.length };
}
