import type { Development, Scenario } from './scenario.ts';
import type { World } from './world.ts';

/**
 * The development the run is at. Throws once the run has ended: every caller asks only while a
 * development is being played, and one that asks later has lost track of the run.
 */
export function currentDevelopment(scenario: Scenario, world: World): Development {
  if (world.development === null) throw new Error('the run has ended: there is no current development');
  return developmentById(scenario, world.development);
}

/** A development the scenario has: the loader resolved every id a run can hold, so one it lacks is a fault. */
export function developmentById(scenario: Scenario, id: string): Development {
  const development = scenario.developments[id];
  if (development === undefined) throw new Error(`${scenario.id} has no development '${id}'`);
  return development;
}

/** The sentences the development's briefing adds because of what this run has done so far. */
export function recalledText(development: Development, world: World): string[] {
  return development.recalls.filter((r) => r.when(world)).map((r) => r.text);
}

/**
 * The campaign chapter a development belongs to, by its place in the file order (each chapter's
 * developments follow its start); 0 for a single scenario, which has no chapters.
 */
export function chapterIndex(scenario: Scenario, development: string): number {
  const at = scenario.order.indexOf(development);
  let chapter = 0;
  scenario.chapters.forEach((c, i) => {
    if (scenario.order.indexOf(c.start) <= at) chapter = i;
  });
  return chapter;
}
