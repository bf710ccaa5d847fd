import { assign, fromCallback, setup } from 'xstate';
import type { OutlookHandlers } from './client.ts';
import type { OutlookResult } from './protocol.ts';

/**
 * "What tends to happen" as it goes: nothing played yet, the runs going on in the background, their
 * results, or the runs cancelled or failed (both of which may be played again). The runs themselves are
 * started by `play`, given by the screen, and stopped by leaving `running`: on cancel, or when the actor
 * stops because the player left the screen.
 */
export type OutlookState = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Starts the runs, reporting through the handlers; returns what stops them. */
export type PlayRuns = (on: OutlookHandlers) => () => void;

export type OutlookEvent =
  | { type: 'outlook.start' }
  | { type: 'outlook.progress'; done: number; total: number }
  | { type: 'outlook.finish'; result: OutlookResult }
  | { type: 'outlook.fail'; error: string }
  | { type: 'outlook.cancel' };

export interface OutlookInput {
  total: number;
  /** The result of an earlier visit with the same question, shown at once. */
  kept: OutlookResult | null;
  play: PlayRuns;
}

export interface OutlookContext {
  done: number;
  total: number;
  result: OutlookResult | null;
  error: string;
  play: PlayRuns;
}

export const outlookMachine = setup({
  types: { context: {} as OutlookContext, events: {} as OutlookEvent, input: {} as OutlookInput },
  actors: {
    playRuns: fromCallback<OutlookEvent, { play: PlayRuns }>(({ sendBack, input: { play } }) =>
      play({
        progress: (done, total) => sendBack({ type: 'outlook.progress', done, total }),
        done: (result) => sendBack({ type: 'outlook.finish', result }),
        failed: (error) => sendBack({ type: 'outlook.fail', error }),
      }),
    ),
  },
  guards: {
    resultKept: ({ context }) => context.result !== null,
  },
  actions: {
    resetProgress: assign({ done: 0 }),
    recordProgress: assign(({ event }) => (event.type === 'outlook.progress' ? { done: event.done, total: event.total } : {})),
    recordResult: assign(({ event }) => (event.type === 'outlook.finish' ? { result: event.result } : {})),
    recordFailure: assign(({ event }) => (event.type === 'outlook.fail' ? { error: event.error } : {})),
  },
}).createMachine({
  id: 'outlook',
  context: ({ input }) => ({ done: 0, total: input.total, result: input.kept, error: '', play: input.play }),
  initial: 'idle',
  states: {
    idle: {
      always: { guard: 'resultKept', target: 'done' },
      on: { 'outlook.start': 'running' },
    },
    running: {
      entry: 'resetProgress',
      invoke: { src: 'playRuns', input: ({ context }) => ({ play: context.play }) },
      on: {
        'outlook.progress': { actions: 'recordProgress' },
        'outlook.finish': { target: 'done', actions: 'recordResult' },
        'outlook.fail': { target: 'failed', actions: 'recordFailure' },
        'outlook.cancel': 'cancelled',
      },
    },
    done: {},
    cancelled: { on: { 'outlook.start': 'running' } },
    failed: { on: { 'outlook.start': 'running' } },
  },
});
