import { createActor } from 'xstate';
import { policyRandom } from '../../src/engine/core/random.ts';
import type { Scenario } from '../../src/engine/core/scenario.ts';
import { Council } from '../../src/engine/play/choices.ts';
import { turnMachine } from '../../src/engine/play/machine.ts';
import type { Policy } from '../../src/engine/play/policies.ts';
import type { Run, RunOptions } from '../../src/engine/play/run.ts';

/**
 * Plays a run to its end through the xstate actor, as a person plays it (briefing, council, aftermath, and between chapters),
 * with a policy choosing at each council. The batch path must give the same world: this is how that is
 * checked, and how the cost of the actor is measured.
 */
export function playThroughMachine(scenario: Scenario, seed: string, policy: Policy, options: RunOptions = { recordCauses: false }): Run {
  const actor = createActor(turnMachine, { input: { scenario, seed, recordCauses: options.recordCauses } }).start();
  const random = policyRandom(seed);
  try {
    // Three events a decision and one between chapters; a machine that needs more than that has stopped advancing.
    for (let events = 0; ; events++) {
      if (events > 3 * scenario.maxTurns + scenario.chapters.length + 10) throw new Error(`the turn machine did not finish ${scenario.id} with seed ${seed}`);
      const snapshot = actor.getSnapshot();
      if (snapshot.status === 'done') return snapshot.context.run;
      if (snapshot.value === 'briefing') actor.send({ type: 'briefing.done' });
      else if (snapshot.value === 'council') {
        const run = snapshot.context.run;
        const choice = policy.choose(run, new Council(run), random);
        actor.send({ type: 'council.decide', option: choice.option, leverage: choice.leverage });
      } else if (snapshot.value === 'aftermath') actor.send({ type: 'aftermath.done' });
      else if (snapshot.value === 'chapter') actor.send({ type: 'chapter.done' });
      else throw new Error(`the turn machine stopped in '${String(snapshot.value)}'`);
    }
  } finally {
    actor.stop();
  }
}
