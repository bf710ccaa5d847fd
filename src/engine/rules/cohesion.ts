import type { Parameters } from '../core/scenario.ts';
import { clampValue, type World } from '../core/world.ts';

/**
 * Cohesion is derived, never set: from the active members' mean loyalty, how far apart they are, the
 * credibility of the guarantee, and how many have stopped taking part. This is the one place it is computed.
 */
export interface CohesionTerms {
  meanLoyalty: number;
  spread: number;
  credibility: number;
  absent: number;
  /** Each term's contribution in cohesion points. */
  fromLoyalty: number;
  fromSpread: number;
  fromCredibility: number;
  fromAbsence: number;
  cohesion: number;
}

export function cohesionTerms(world: World, weights: Parameters['cohesion']): CohesionTerms {
  let n = 0;
  let sum = 0;
  let sumSquares = 0;
  let absent = 0;
  for (const code in world.members) {
    const m = world.members[code];
    if (m === undefined) continue;
    if (m.status !== 'member') {
      absent++;
      continue;
    }
    n++;
    sum += m.loyalty;
    sumSquares += m.loyalty * m.loyalty;
  }
  const meanLoyalty = n ? sum / n : 0;
  const spread = n ? Math.sqrt(Math.max(0, sumSquares / n - meanLoyalty * meanLoyalty)) : 0;
  const fromLoyalty = weights.loyaltyMean * meanLoyalty;
  const fromSpread = -weights.loyaltySpread * spread;
  const fromCredibility = weights.credibility * world.credibility;
  const fromAbsence = -weights.absence * absent;
  return {
    meanLoyalty,
    spread,
    credibility: world.credibility,
    absent,
    fromLoyalty,
    fromSpread,
    fromCredibility,
    fromAbsence,
    cohesion: clampValue(fromLoyalty + fromSpread + fromCredibility + fromAbsence),
  };
}

export function cohesion(world: World, weights: Parameters['cohesion']): number {
  return cohesionTerms(world, weights).cohesion;
}
