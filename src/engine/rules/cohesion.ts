import type { Parameters } from '../core/scenario.ts';
import { clampValue, loyaltyAt, memberSlot, statusAt, type World } from '../core/world.ts';

/**
 * Cohesion is derived, never set: from the active members' mean loyalty, how far apart the members
 * other than Russia are, the credibility of the guarantee, and how many have stopped taking part. This
 * is the one place it is computed.
 *
 * Russia, the patron, counts in the mean but not in the spread: its loyalty sits far above the others',
 * so counting it there would make every point Russia loses a gain in cohesion, and overruling Moscow
 * would look like holding the alliance together.
 */
const PATRON = 'RU';

export interface CohesionTerms {
  meanLoyalty: number;
  /** How far apart the members other than Russia are (their loyalties' standard deviation). */
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
  let allies = 0;
  let alliesSum = 0;
  let alliesSquares = 0;
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
    if (code === PATRON) continue;
    allies++;
    alliesSum += m.loyalty;
    alliesSquares += m.loyalty * m.loyalty;
  }
  const meanLoyalty = n ? sum / n : 0;
  const alliesMean = allies ? alliesSum / allies : 0;
  const spread = allies ? Math.sqrt(Math.max(0, alliesSquares / allies - alliesMean * alliesMean)) : 0;
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

/** A member as cohesionOfSeats visits it: its code, its slot (see memberSlot) and whether it is the patron. */
export interface CohesionSeat {
  code: string;
  slot: number;
  patron: boolean;
}

/** The seats of these members, in this order (the World's own, so that sums are taken in the same order). */
export function cohesionSeats(codes: readonly string[]): CohesionSeat[] {
  return codes.map((code) => ({ code, slot: memberSlot(code), patron: code === PATRON }));
}

/**
 * cohesion() for a caller that knows the run's members: the same sums in the same order, so the same
 * number, with each member read by its slot rather than found by name (a batch run takes one at every
 * waypoint).
 */
export function cohesionOfSeats(world: World, weights: Parameters['cohesion'], seats: readonly CohesionSeat[]): number {
  let n = 0;
  let sum = 0;
  let allies = 0;
  let alliesSum = 0;
  let alliesSquares = 0;
  let absent = 0;
  for (let i = 0; i < seats.length; i++) {
    const seat = seats[i] as CohesionSeat;
    if (statusAt(world, seat.slot) !== 'member') {
      absent++;
      continue;
    }
    const loyalty = loyaltyAt(world, seat.slot);
    n++;
    sum += loyalty;
    if (seat.patron) continue;
    allies++;
    alliesSum += loyalty;
    alliesSquares += loyalty * loyalty;
  }
  const meanLoyalty = n ? sum / n : 0;
  const alliesMean = allies ? alliesSum / allies : 0;
  const spread = allies ? Math.sqrt(Math.max(0, alliesSquares / allies - alliesMean * alliesMean)) : 0;
  return clampValue(weights.loyaltyMean * meanLoyalty + -weights.loyaltySpread * spread + weights.credibility * world.credibility + -weights.absence * absent);
}
