import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { playOut } from '../../src/engine/play/batch.ts';
import { fixedPolicy } from '../../src/engine/play/policies.ts';
import { recordOf, replay, worldHash } from '../../src/engine/play/record.ts';
import { turnMachine } from '../../src/engine/play/machine.ts';
import { fixture } from '../support/scenarios.ts';

/** The turn loop a person plays: its states, the decisions it refuses, and snapshots that stay as they were. */
const scenario = fixture();

function start(seed = 'machine') {
  return createActor(turnMachine, { input: { scenario, seed } }).start();
}

describe('the turn machine', () => {
  it('should go briefing, council, aftermath for each decision, then the debrief', () => {
    const actor = start();
    const states: string[] = [String(actor.getSnapshot().value)];
    const send = (event: Parameters<typeof actor.send>[0]) => {
      actor.send(event);
      states.push(String(actor.getSnapshot().value));
    };
    send({ type: 'briefing.done' });
    send({ type: 'council.decide', option: 'stay_silent', leverage: false });
    send({ type: 'aftermath.done' });
    send({ type: 'briefing.done' });
    send({ type: 'council.decide', option: 'vague_declaration', leverage: false });
    send({ type: 'aftermath.done' });
    expect(states).toEqual(['briefing', 'council', 'aftermath', 'briefing', 'council', 'aftermath', 'debrief']);
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.run.world.ending).toBe('hollow');
  });

  it.each([
    ['a vetoed option without leverage', { option: 'send_troops', leverage: false }],
    ['an option of another development', { option: 'monitor', leverage: false }],
    ['an option that does not exist', { option: 'nuke', leverage: false }],
    ['leverage where it changes nothing', { option: 'stay_silent', leverage: true }],
  ])('should stay in the council, the world untouched, when asked for %s', (_, decision) => {
    const actor = start();
    actor.send({ type: 'briefing.done' });
    const before = actor.getSnapshot().context.run;
    actor.send({ type: 'council.decide', ...decision });
    const after = actor.getSnapshot();
    expect(after.value).toBe('council');
    expect(after.context.run).toBe(before);
    expect(after.context.run.world.decisions).toEqual([]);
  });

  it('should ignore events that do not belong to the state it is in', () => {
    const actor = start();
    actor.send({ type: 'aftermath.done' });
    actor.send({ type: 'council.decide', option: 'stay_silent', leverage: false });
    expect(actor.getSnapshot().value).toBe('briefing');
    expect(actor.getSnapshot().context.run.world.decisions).toEqual([]);
  });

  it('should leave every earlier snapshot as it was', () => {
    const actor = start();
    actor.send({ type: 'briefing.done' });
    const council = actor.getSnapshot();
    const frozen = JSON.stringify(council.context.run.world);
    const hash = worldHash(council.context.run.world);
    actor.send({ type: 'council.decide', option: 'send_troops', leverage: true });
    actor.send({ type: 'aftermath.done' });
    actor.send({ type: 'briefing.done' });
    actor.send({ type: 'council.decide', option: 'monitor', leverage: false });
    expect(actor.getSnapshot().context.run.world.decisions).toHaveLength(2);
    expect(worldHash(council.context.run.world)).toBe(hash);
    expect(JSON.stringify(council.context.run.world)).toBe(frozen);
  });

  it('should resume a replayed run and end where the batch path ends', () => {
    const policy = fixedPolicy({ the_call: 'fact_finding', summit: 'strong_declaration+leverage' });
    const whole = playOut(scenario, 'resume', policy);
    const record = recordOf(whole);
    const prefix = replay(scenario, record, { upTo: 1 });
    if (!prefix.ok) throw new Error(prefix.error);
    const actor = createActor(turnMachine, { input: { run: prefix.value.run } }).start();
    for (const decision of record.decisions.slice(1)) {
      actor.send({ type: 'briefing.done' });
      const [option, leverage] = decision.split('+');
      actor.send({ type: 'council.decide', option, leverage: leverage === 'leverage' });
      actor.send({ type: 'aftermath.done' });
    }
    expect(actor.getSnapshot().value).toBe('debrief');
    expect(worldHash(actor.getSnapshot().context.run.world)).toBe(worldHash(whole.world));
  });

  it('should go straight to the debrief when given a run that has ended', () => {
    const ended = playOut(scenario, 'ended', fixedPolicy({}));
    const actor = createActor(turnMachine, { input: { run: ended } }).start();
    expect(actor.getSnapshot().value).toBe('debrief');
  });
});
