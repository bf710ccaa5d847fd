import type { Ending, Scenario } from './scenario.ts';
import type { World } from './world.ts';

/**
 * The ending a finished run reached. Throws for a run still going, or for an ending the scenario
 * lacks: a run sets its ending from the scenario's own list when it finishes, so either is a fault.
 */
export function endingReached(scenario: Scenario, world: World): Ending {
  if (world.ending === null) throw new Error('the run has not ended: there is no ending yet');
  const ending = scenario.endings.find((e) => e.id === world.ending);
  if (ending === undefined) throw new Error(`${scenario.id} has no ending '${world.ending}'`);
  return ending;
}
