import { assign, setup } from 'xstate';
import type { Scenario } from '../core/scenario.ts';
import { chapterBegins } from './chapter-account.ts';
import { checkDecision, type Choice } from './check-decision.ts';
import { advanceToNext, copyRun, isOver, applyReactions, resolveDecision, settleAftermath, startRun, type Run } from './run.ts';

/**
 * The turn loop a person plays: briefing -> council -> resolution -> reactions -> aftermath ->
 * the next briefing or the debrief, with a pause between a campaign's chapters to take stock. Its actions are thin wrappers over the pure steps in run.ts,
 * each on a copy of the run, so every snapshot stays as it was and batch runs (which call the same
 * steps without an actor) give identical worlds.
 */
export type TurnEvent = { type: 'briefing.done' } | ({ type: 'council.decide' } & Choice) | { type: 'aftermath.done' } | { type: 'chapter.done' };

export type TurnInput = { scenario: Scenario; seed: string; recordCauses?: boolean } | { run: Run };

export const turnMachine = setup({
  types: {
    context: {} as { run: Run },
    input: {} as TurnInput,
    events: {} as TurnEvent,
  },
  guards: {
    decisionAllowed: ({ context, event }) => event.type === 'council.decide' && checkDecision(context.run.scenario, context.run.world, event).ok,
    runOver: ({ context }) => isOver(context.run),
    chapterBegins: ({ context }) => chapterBegins(context.run.scenario, context.run.world),
  },
  actions: {
    resolveDecision: assign(({ context, event }) => {
      if (event.type !== 'council.decide') return {};
      const run = copyRun(context.run);
      const { option, leverage, declared } = event;
      resolveDecision(run, declared === undefined ? { option, leverage } : { option, leverage, declared });
      return { run };
    }),
    applyReactions: assign(({ context }) => {
      const run = copyRun(context.run);
      applyReactions(run);
      return { run };
    }),
    settleAftermath: assign(({ context }) => {
      const run = copyRun(context.run);
      settleAftermath(run);
      return { run };
    }),
    advanceToNext: assign(({ context }) => {
      const run = copyRun(context.run);
      advanceToNext(run);
      return { run };
    }),
  },
}).createMachine({
  id: 'turn',
  context: ({ input }) => ({ run: 'run' in input ? input.run : startRun(input.scenario, input.seed, { recordCauses: input.recordCauses }) }),
  initial: 'starting',
  states: {
    // A run reopened at the start of a campaign's later chapter shows what carried over first, as when played on.
    starting: { always: [{ guard: 'runOver', target: 'debrief' }, { guard: 'chapterBegins', target: 'chapter' }, { target: 'briefing' }] },
    chapter: { on: { 'chapter.done': 'briefing' } },
    briefing: { on: { 'briefing.done': 'council' } },
    council: { on: { 'council.decide': { guard: 'decisionAllowed', target: 'resolution' } } },
    resolution: { entry: 'resolveDecision', always: 'reactions' },
    reactions: { entry: 'applyReactions', always: 'aftermath' },
    aftermath: { entry: 'settleAftermath', on: { 'aftermath.done': 'advancing' } },
    advancing: {
      entry: 'advanceToNext',
      always: [{ guard: 'runOver', target: 'debrief' }, { guard: 'chapterBegins', target: 'chapter' }, { target: 'briefing' }],
    },
    debrief: { type: 'final' },
  },
});
