import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { OutlookHandlers } from '../../src/ui/outlook/client.ts';
import { outlookMachine } from '../../src/ui/outlook/outlook-machine.ts';
import type { OutlookResult } from '../../src/ui/outlook/protocol.ts';

const result = { report: {}, csv: '', ms: 1, workers: 1 } as unknown as OutlookResult;

/** A stand-in for the worker: records each start and stop, and lets the test answer for it. */
function fakeRuns() {
  const runs = { started: 0, stopped: 0, on: null as OutlookHandlers | null };
  const play = (on: OutlookHandlers) => {
    runs.started++;
    runs.on = on;
    return () => {
      runs.stopped++;
    };
  };
  return { runs, play };
}

describe('the outlook machine', () => {
  it('should start the runs, follow their progress and keep their result', () => {
    const { runs, play } = fakeRuns();
    const actor = createActor(outlookMachine, { input: { total: 30, kept: null, play } }).start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'outlook.start' });
    expect(actor.getSnapshot().value).toBe('running');
    expect(runs.started).toBe(1);
    runs.on!.progress(12, 30);
    expect(actor.getSnapshot().context).toMatchObject({ done: 12, total: 30 });
    runs.on!.done(result);
    expect(actor.getSnapshot().value).toBe('done');
    expect(actor.getSnapshot().context.result).toBe(result);
    expect(runs.stopped).toBe(1);
  });

  it('should stop the runs on cancel and play them again from nothing', () => {
    const { runs, play } = fakeRuns();
    const actor = createActor(outlookMachine, { input: { total: 30, kept: null, play } }).start();
    actor.send({ type: 'outlook.start' });
    runs.on!.progress(20, 30);
    actor.send({ type: 'outlook.cancel' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(runs.stopped).toBe(1);
    actor.send({ type: 'outlook.start' });
    expect(actor.getSnapshot().value).toBe('running');
    expect(actor.getSnapshot().context.done).toBe(0);
    expect(runs.started).toBe(2);
  });

  it('should say why the runs failed and offer them again', () => {
    const { runs, play } = fakeRuns();
    const actor = createActor(outlookMachine, { input: { total: 30, kept: null, play } }).start();
    actor.send({ type: 'outlook.start' });
    runs.on!.failed('the worker could not start');
    expect(actor.getSnapshot().value).toBe('failed');
    expect(actor.getSnapshot().context.error).toBe('the worker could not start');
    actor.send({ type: 'outlook.start' });
    expect(actor.getSnapshot().value).toBe('running');
  });

  it('should show a kept result at once, without playing', () => {
    const { runs, play } = fakeRuns();
    const actor = createActor(outlookMachine, { input: { total: 30, kept: result, play } }).start();
    expect(actor.getSnapshot().value).toBe('done');
    expect(runs.started).toBe(0);
  });

  it('should stop the runs when the screen is left', () => {
    const { runs, play } = fakeRuns();
    const actor = createActor(outlookMachine, { input: { total: 30, kept: null, play } }).start();
    actor.send({ type: 'outlook.start' });
    actor.stop();
    expect(runs.stopped).toBe(1);
  });
});
