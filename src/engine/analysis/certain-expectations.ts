import { playOut } from '../play/batch.ts';
import { randomPolicy } from '../play/policies.ts';
import { startRun } from '../play/run.ts';
import type { Scenario } from '../core/scenario.ts';

/** Random plays an expectation must hold on, from the start, to look certain by construction. */
export const CERTAINTY_PLAYS = 200;

/**
 * Expectations that already hold before the first decision and still hold at the end of every random
 * play: whatever the Council does, they come true, so meeting them says nothing about the history the
 * scenario claims to reproduce. An author should check each is meant that way.
 */
export function certainExpectations(scenario: Scenario, plays = CERTAINTY_PLAYS, seed = 'certain'): string[] {
  const start = startRun(scenario, `${seed}-start`, { recordCauses: false }).world;
  let open = scenario.expectations.filter((e) => e.when(start));
  for (let i = 0; i < plays && open.length; i++) {
    const world = playOut(scenario, `${seed}-${i}`, randomPolicy).world;
    open = open.filter((e) => e.when(world));
  }
  return open.map((e) => e.id);
}
