import { createActor, type Actor } from 'xstate';
import { fail, ok, type Result } from '../../engine/core/result.ts';
import { playOut } from '../../engine/play/batch.ts';
import { turnMachine, type TurnEvent, type TurnInput } from '../../engine/play/machine.ts';
import { historicalPolicy } from '../../engine/play/policies.ts';
import { recordOf, replay, type RunRecord } from '../../engine/play/record.ts';
import { parseDecision, type Run } from '../../engine/play/run.ts';
import type { World } from '../../engine/core/world.ts';
import type { Scenario } from '../../engine/core/scenario.ts';
import type { RunMeta } from './saves.ts';

export type Phase = 'chapter' | 'briefing' | 'council' | 'aftermath' | 'debrief';

/** A run rebuilt from its record, with what the replay noted on the way (an older engine, say). */
export interface Reopened {
  session: Session;
  warnings: string[];
}

/**
 * One run being played: the engine's turn machine as an actor, the save slot it lives in, and what the
 * screens need beyond the machine's context (the World as the Council found it, for the aftermath).
 */
export class Session {
  private readonly actor: Actor<typeof turnMachine>;
  /** The World when the last decision was taken, to show what that decision changed. */
  before: World | null = null;
  private historical: Run | null = null;

  private constructor(
    readonly scenario: Scenario,
    input: TurnInput,
    readonly slot: string,
    /** Its name and where it came from, as its save keeps them. */
    readonly meta: RunMeta,
  ) {
    this.actor = createActor(turnMachine, { input });
    this.actor.start();
  }

  static start(scenario: Scenario, seed: string, slot: string, meta: RunMeta): Session {
    return new Session(scenario, { scenario, seed, recordCauses: true }, slot, meta);
  }

  /** Rebuilds a run from its record (a save, a link), optionally only its first `upTo` decisions. */
  static fromRecord(scenario: Scenario, record: RunRecord, slot: string, meta: RunMeta, upTo?: number): Result<Reopened> {
    const replayed = replay(scenario, record, { recordCauses: true, upTo });
    if (!replayed.ok) return fail(replayed.error);
    return ok({ session: new Session(scenario, { run: replayed.value.run }, slot, meta), warnings: replayed.value.warnings });
  }

  /**
   * A saved run where it was left. Left on an aftermath, the record is replayed to the decision before and
   * that last decision taken again through the Council, so the aftermath shows "What changed" and "Why"
   * from the same World as before (the run's randomness is seeded: the same decision gives the same result).
   */
  static resume(scenario: Scenario, record: RunRecord, slot: string, meta: RunMeta): Result<Reopened> {
    const last = record.decisions[record.decisions.length - 1];
    if (meta.at !== 'aftermath' || last === undefined) return Session.fromRecord(scenario, record, slot, meta);
    const opened = Session.fromRecord(scenario, record, slot, meta, record.decisions.length - 1);
    if (!opened.ok) return opened;
    const { session } = opened.value;
    if (session.phase === 'briefing') session.send({ type: 'briefing.done' });
    const declared = record.declared?.[record.decisions.length - 1];
    session.send({ type: 'council.decide', ...parseDecision(last), ...(declared ? { declared } : {}) });
    if (session.phase === 'aftermath') return opened;
    session.stop();
    return Session.fromRecord(scenario, record, slot, meta);
  }

  get run(): Run {
    return this.actor.getSnapshot().context.run;
  }

  get phase(): Phase {
    const value = this.actor.getSnapshot().value;
    return value === 'chapter' || value === 'council' || value === 'aftermath' || value === 'debrief' ? value : 'briefing';
  }

  get record(): RunRecord {
    return recordOf(this.run);
  }

  subscribe(listener: () => void): () => void {
    const subscription = this.actor.subscribe(listener);
    return () => subscription.unsubscribe();
  }

  send(event: TurnEvent): void {
    if (event.type === 'council.decide') this.before = this.run.world;
    this.actor.send(event);
  }

  /** The same scenario played with the historical choices on the same seed: the debrief's comparison. */
  historicalRun(): Run {
    this.historical ??= playOut(this.scenario, this.run.seed, historicalPolicy, { recordCauses: true });
    return this.historical;
  }

  stop(): void {
    this.actor.stop();
  }
}
